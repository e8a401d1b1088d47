package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person meets who opens the command side's address in a browser, or mistypes a path: Chinese, never Spring's
 * English "No static resource".
 */
class HomeAndNotFoundApiTest extends CommandSideApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRootSaysInChineseWhatThisIsAndWhereTheWebUiIs() throws Exception {
        HttpResponse<String> page = get("/", "text/html,application/xhtml+xml,*/*;q=0.8", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("落地 Luodi 命令端").contains("网页界面")
                .contains("href=\"http://localhost:8082/\"");

        HttpResponse<String> json = get("/", "application/json", null);
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode about = JSON.readTree(json.body());
        assertThat(about.path("service").asText()).contains("命令端");
        assertThat(about.path("ui").asText()).isEqualTo("http://localhost:8082/");
    }

    @Test
    void anAddressThatDoesNotExistIsAChineseProblemAlsoWhenSignedIn() throws Exception {
        for (String path : new String[]{"/api/me", "/nothing-here", "/api/projects/x/nothing"}) {
            for (String user : new String[]{"supervisor", null}) {
                HttpResponse<String> answer = get(path, "application/json", user);
                if (user == null && path.startsWith("/api/")) {
                    assertThat(answer.statusCode()).as(path).isEqualTo(401);
                    assertThat(JSON.readTree(answer.body()).path("detail").asText()).contains("请先登录");
                    assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("auth.required");
                    continue;
                }
                assertThat(answer.statusCode()).as(path + " as " + user).isEqualTo(404);
                assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                JsonNode problem = JSON.readTree(answer.body());
                assertThat(problem.path("status").asInt()).isEqualTo(404);
                assertThat(problem.path("title").asText()).isEqualTo("未找到");
                assertThat(problem.path("code").asText()).isEqualTo("resource.not-found");
                assertThat(problem.path("detail").asText()).contains("没有这个地址").contains(path)
                        .doesNotContain("static resource");
            }
        }
    }

    private HttpResponse<String> get(String path, String accept, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
