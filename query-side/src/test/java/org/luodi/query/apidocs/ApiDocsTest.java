package org.luodi.query.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.luodi.platform.testing.ApiDocsCoverage;
import org.luodi.query.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document at /v3/api-docs and Swagger UI: open without sign-in, and naming every endpoint there is. */
class ApiDocsTest extends QuerySideTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyMappedEndpointIsInTheDocument() throws Exception {
        Set<String> mapped = ApiDocsCoverage.mapped(mapping);
        assertThat(mapped).contains("GET /api/projects/{}", "PUT /api/targets/{}/{}", "POST /api/projects/{}/{}",
                "GET /api/alerts/stream");
        assertThat(ApiDocsCoverage.documented(document())).containsAll(mapped);
    }

    @Test
    void everyOperationDescribesItsErrorsItsFeatureAndItsSignIn() throws Exception {
        JsonNode document = document();
        assertThat(document.path("info").path("title").asText()).contains("查询端");
        assertThat(document.path("components").path("securitySchemes").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("basic", "bearer");
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("code"))
                .isTrue();
        assertThat(ApiDocsCoverage.undescribed(document)).isEmpty();
        // the rule of the two times, described once for every read that takes them
        List<String> knownAt = new ArrayList<>();
        document.path("paths").path("/api/stats").path("get").path("parameters").forEach(parameter -> {
            if (parameter.path("name").asText().equals("knownAt")) {
                knownAt.add(parameter.path("description").asText());
            }
        });
        assertThat(knownAt).singleElement().asString().contains("back-dated");
    }

    @Test
    void swaggerUiOpensWithoutSignIn() throws Exception {
        HttpResponse<String> redirect = get("/swagger-ui.html");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElse("")).endsWith("/swagger-ui/index.html");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
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
