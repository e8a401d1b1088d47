package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.luodi.platform.testing.ApiDocsCoverage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document at /v3/api-docs and Swagger UI: open without sign-in, and naming every endpoint there is. */
class ApiDocsTest extends CommandSideApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyMappedEndpointIsInTheDocument() throws Exception {
        Set<String> mapped = ApiDocsCoverage.mapped(mapping);
        assertThat(mapped).contains("POST /api/projects", "POST /api/projects/{}/funds", "GET /");
        assertThat(ApiDocsCoverage.documented(document())).containsAll(mapped);
    }

    @Test
    void everyOperationDescribesItsErrorsItsFeatureAndItsSignIn() throws Exception {
        JsonNode document = document();
        assertThat(document.path("info").path("title").asText()).contains("命令端");
        assertThat(document.path("components").path("securitySchemes").path("basic").path("scheme").asText())
                .isEqualTo("basic");
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("bearerFormat").asText())
                .isEqualTo("JWT");
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.has("code") && problem.has("detail") && problem.has("errors")).as("%s", problem).isTrue();
        assertThat(ApiDocsCoverage.undescribed(document)).isEmpty();
        JsonNode sign = document.path("paths").path("/api/projects").path("post");
        assertThat(sign.path("description").asText()).contains("confirmImplausible");
        assertThat(parameter(sign, "Idempotency-Key").path("description").asText()).contains("409");
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    @Test
    void swaggerUiOpensWithoutSignIn() throws Exception {
        HttpResponse<String> redirect = get("/swagger-ui.html");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElse("")).endsWith("/swagger-ui/index.html");
        HttpResponse<String> page = get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(get("/v3/api-docs/swagger-config").body()).contains("/v3/api-docs");
        assertThat(get("/v3/api-docs.yaml").body()).contains("openapi: 3.1");
    }

    @Test
    void forwardedHeadersAreIgnoredNotTrusted() throws Exception {
        // a made-up X-Forwarded-Host once made this redirect a 500 that logged every header, credentials included
        HttpResponse<String> redirect = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/swagger-ui.html")).header("X-Forwarded-Host", "() { :; }; echo vulnerable")
                .header("X-Forwarded-Proto", "gopher").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElse("")).isEqualTo("/swagger-ui/index.html");
    }

    private JsonNode document() throws Exception {
        HttpResponse<String> answer = get("/v3/api-docs");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
