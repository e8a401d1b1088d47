package org.luodi.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;

/** The query side's HTTP API as one user sees it; JSON numbers are read as exact decimals. */
public class Api {
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final RestClient client;

    private Api(int port, String username) {
        client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(username, username))
                .defaultStatusHandler(status -> true, (request, response) -> {
                    // answers are checked by the tests themselves
                })
                .build();
    }

    /** A demo account: its password equals its name. */
    public static Api as(int port, String username) {
        return new Api(port, username);
    }

    public record Answer(int status, String contentType, JsonNode json, byte[] bytes) {
    }

    /** GET that must answer 200 with JSON. */
    public JsonNode get(String uri) {
        Answer answer = exchange(HttpMethod.GET, uri, null);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + uri + " answered " + answer.status() + ": " + answer.json());
        }
        return answer.json();
    }

    public Answer exchange(HttpMethod method, String uri, String jsonBody) {
        RestClient.RequestBodySpec request = client.method(method).uri(uri);
        if (jsonBody != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return request.exchange((req, response) -> {
            byte[] body = response.getBody().readAllBytes();
            MediaType type = response.getHeaders().getContentType();
            JsonNode json = type != null && type.getSubtype().contains("json") && body.length > 0
                    ? JSON.readTree(body) : null;
            return new Answer(response.getStatusCode().value(), type == null ? null : type.toString(), json, body);
        });
    }

    public static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.decimalValue();
    }
}
