package org.luodi.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP calls as one demo account (password = username), answering status and JSON instead of throwing on 4xx, so
 * tests can assert refusals as plainly as answers.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        /** The JSON body, after checking the status is 200. */
        public JsonNode ok() {
            if (status != 200) {
                throw new AssertionError("expected 200, got " + status + ": " + body);
            }
            return json();
        }
    }

    /** GET {@code path} with query parameters as name/value pairs; null values are left out, every value encoded. */
    public Answer get(String path, Object... query) {
        return answer(rest.get().uri(uri(path, query)).retrieve().toEntity(String.class));
    }

    public Answer post(String path, Object... query) {
        return answer(rest.post().uri(uri(path, query)).retrieve().toEntity(String.class));
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

    private static Answer answer(ResponseEntity<String> entity) {
        return new Answer(entity.getStatusCode().value(), entity.getBody());
    }
}
