package org.luodi.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP calls as one demo account (password = username), answering status and body instead of throwing on 4xx, so
 * tests can assert refusals as plainly as answers. JSON numbers are read as exact decimals.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final String base;
    private final RestClient rest;

    public ApiClient(int port, String username) {
        this.base = "http://localhost:" + port;
        this.rest = RestClient.builder()
                .defaultHeaders(h -> h.setBasicAuth(username, username))
                .defaultStatusHandler(status -> true, (request, response) -> {
                })
                .build();
    }

    public record Answer(int status, String contentType, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return bytes.length == 0 ? MissingNode.getInstance() : JSON.readTree(bytes);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + body(), e);
            }
        }

        /** The JSON body, after checking the status is 200. */
        public JsonNode ok() {
            if (status != 200) {
                throw new AssertionError("expected 200, got " + status + ": " + body());
            }
            return json();
        }
    }

    /** GET {@code path} with query parameters as name/value pairs; null values are left out, every value encoded. */
    public Answer get(String path, Object... query) {
        return send(rest.method(HttpMethod.GET).uri(uri(path, query)), null);
    }

    public Answer post(String path, Object... query) {
        return send(rest.method(HttpMethod.POST).uri(uri(path, query)), null);
    }

    /** Any method on a path with its query as one string (encoded as RestClient encodes a URI template). */
    public Answer exchange(HttpMethod method, String pathAndQuery, String jsonBody) {
        return send(rest.method(method).uri(base + pathAndQuery), jsonBody);
    }

    private static Answer send(RestClient.RequestBodySpec request, String jsonBody) {
        if (jsonBody != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return request.exchange((req, response) -> {
            MediaType type = response.getHeaders().getContentType();
            return new Answer(response.getStatusCode().value(), type == null ? null : type.toString(),
                    response.getBody().readAllBytes());
        });
    }

    private URI uri(String path, Object... query) {
        Map<String, Object> values = new LinkedHashMap<>();
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(base + path);
        for (int i = 0; i + 1 < query.length; i += 2) {
            if (query[i + 1] != null) {
                String name = query[i].toString();
                builder.queryParam(name, "{" + name + "}");
                values.put(name, query[i + 1].toString());
            }
        }
        return builder.encode().buildAndExpand(values).toUri();
    }

    /** The row of a statistics answer whose {@code key} ("township", "chain", "department") is {@code code}. */
    public static JsonNode row(JsonNode stats, String key, String code) {
        for (JsonNode row : stats.get("rows")) {
            if (row.path(key).asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code);
    }

    /** A JSON number as an exact decimal; null for a missing or null node. */
    public static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.decimalValue();
    }
}
