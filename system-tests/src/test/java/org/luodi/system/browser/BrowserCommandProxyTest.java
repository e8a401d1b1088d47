package org.luodi.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.launcher.SideProcess;
import org.luodi.system.RunningLuodi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path every command of the browser takes: the query side, where the UI lives, forwards it to the command side
 * and answers with the command side's status, type and body; it lets nobody through unauthenticated, keeps the
 * 1 MiB limit, and says 503 when the command side cannot be reached.
 */
class BrowserCommandProxyTest {
    private static final String SIGN = """
            {"name":"年产10万吨绿色建材项目","investor":"黄石绿色建材有限公司","township":"gaoxin",
             "industryChain":"green-tech","industrial":true,"contractAmountWan":12000.50,
             "sourceRegion":"IN_PROVINCE","signedOn":"2024-04-02"}""";

    private static RunningLuodi luodi;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        luodi = RunningLuodi.shared();
    }

    @Test
    void aCommandGoesThroughWithItsIdempotencyKeyAndComesBackAsTheCommandSideAnswered() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post(luodi.queryUrl(), "gaoxin", "/api/projects", SIGN, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        String id = json.readTree(first.body()).get("projectId").asText();

        HttpResponse<String> again = post(luodi.queryUrl(), "gaoxin", "/api/projects", SIGN, key);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json.readTree(again.body())).isEqualTo(json.readTree(first.body()));
        assertThat(new Api(luodi).eventCount(id)).isEqualTo(1);

        HttpResponse<String> otherBody = post(luodi.queryUrl(), "gaoxin", "/api/projects",
                SIGN.replace("2024-04-02", "2024-04-03"), key);
        assertThat(otherBody.statusCode()).isEqualTo(409);

        HttpResponse<String> started = post(luodi.queryUrl(), "gaoxin", "/api/projects/" + id + "/start",
                "{\"startedOn\":\"2024-05-06\",\"kind\":\"RESUMED\"}", null);
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(new Api(luodi).eventCount(id)).isEqualTo(2);
        assertThat(new Api(luodi).await("/api/projects/" + id, p -> "STARTED".equals(p.path("stage").asText()))
                .get("contractAmountWan").decimalValue()).isEqualByComparingTo("12000.50");
    }

    @Test
    void refusalsComeBackExactlyAsTheCommandSideSaysThem() throws Exception {
        String id = new Api(luodi).sign("gaoxin", "年产1万吨汽车零部件项目", 11_000, "2024-02-02");
        String future = "{\"startedOn\":\"2999-01-01\",\"kind\":\"NEW\"}";
        HttpResponse<String> viaProxy = post(luodi.queryUrl(), "gaoxin", "/api/projects/" + id + "/start", future, null);
        HttpResponse<String> direct = post(luodi.commandUrl(), "gaoxin", "/api/projects/" + id + "/start", future, null);
        assertThat(viaProxy.statusCode()).isEqualTo(400).isEqualTo(direct.statusCode());
        assertThat(viaProxy.headers().firstValue("Content-Type")).isEqualTo(direct.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
        assertThat(json.readTree(viaProxy.body())).isEqualTo(json.readTree(direct.body()));
        assertThat(json.readTree(viaProxy.body()).at("/errors/0/field").asText()).isEqualTo("startedOn");

        HttpResponse<String> otherTownship = post(luodi.queryUrl(), "chengui", "/api/projects/" + id + "/start",
                "{\"startedOn\":\"2024-03-03\",\"kind\":\"NEW\"}", null);
        assertThat(otherTownship.statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = post(luodi.queryUrl(), "gaoxin", "/api/projects/" + UUID.randomUUID() + "/start",
                "{\"startedOn\":\"2024-03-03\",\"kind\":\"NEW\"}", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> noSuchAction = post(luodi.queryUrl(), "gaoxin", "/api/projects/" + id + "/history", "{}", null);
        assertThat(noSuchAction.statusCode()).isIn(404, 405);
        assertThat(new Api(luodi).eventCount(id)).isEqualTo(1);
    }

    @Test
    void nobodyReachesTheCommandSideWithoutSigningIn() throws Exception {
        long before = allEvents();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(luodi.queryUrl() + "/api/projects"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SIGN)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        // a browser (it carries cookies) signs in by the form: no challenge that would open its own login box
        HttpResponse<String> browserWithoutSession = http.send(HttpRequest.newBuilder(URI.create(luodi.queryUrl() + "/api/me"))
                .header("Cookie", "XSRF-TOKEN=x").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(browserWithoutSession.statusCode()).isEqualTo(401);
        assertThat(browserWithoutSession.headers().firstValue("WWW-Authenticate")).isEmpty();
        HttpResponse<String> wrongPassword = http.send(HttpRequest.newBuilder(URI.create(luodi.queryUrl() + "/api/projects"))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("gaoxin:wrong".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(SIGN)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(allEvents()).isEqualTo(before);
    }

    /**
     * The browser's way: signed in by the form, it rides on the session cookie, so its commands must carry the CSRF
     * token (another site's page could make it send the cookie, not the token); the proxy still signs them to the
     * command side as the user. Programs send Basic and no token.
     */
    @Test
    void aSessionCommandNeedsTheCsrfTokenAndBasicNeedsNone() throws Exception {
        BrowserSession browser = new BrowserSession(luodi.queryUrl());
        assertThat(browser.signIn("gaoxin", "wrong").statusCode()).isEqualTo(401);
        assertThat(browser.signIn("gaoxin", "gaoxin").statusCode()).isEqualTo(204);
        assertThat(json.readTree(browser.get("/api/me").body()).get("username").asText()).isEqualTo("gaoxin");

        long before = allEvents();
        HttpResponse<String> withoutToken = browser.post("/api/projects", SIGN, false);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(withoutToken.body()).get("status").asInt()).isEqualTo(403);
        assertThat(allEvents()).isEqualTo(before);

        HttpResponse<String> withToken = browser.post("/api/projects", SIGN.replace("2024-04-02", "2024-04-05"), true);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
        String id = json.readTree(withToken.body()).get("projectId").asText();
        assertThat(new Api(luodi).eventCount(id)).isEqualTo(1);

        HttpResponse<String> basic = post(luodi.queryUrl(), "gaoxin", "/api/projects/" + id + "/start",
                "{\"startedOn\":\"2024-05-06\",\"kind\":\"NEW\"}", null);
        assertThat(basic.statusCode()).isEqualTo(200);

        assertThat(browser.post("/logout", null, true).statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedBeforeItIsForwarded() throws Exception {
        long before = allEvents();
        String huge = SIGN.replace("年产10万吨绿色建材项目", "项".repeat(400_000));
        HttpResponse<String> answer = post(luodi.queryUrl(), "gaoxin", "/api/projects", huge, null);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void anUnreachableCommandSideIs503() throws Exception {
        // a database of its own, so that this query side's projections never claim the shared one's segments
        String jdbcUrl;
        try (Connection c = luodi.sql(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE proxy_orphan");
            jdbcUrl = c.getMetaData().getURL().replaceFirst("/luodi(\\?|$)", "/proxy_orphan$1");
        }
        int nowhere = SideProcess.freePort();
        Path logs = Path.of(System.getProperty("luodi.testOutput", "target/test-output"), "logs");
        try (SideProcess orphan = SideProcess.start("proxy-orphan-query-side", Path.of(System.getProperty("luodi.queryJar")),
                SideProcess.freePort(), orphanEnvironment(jdbcUrl, nowhere), logs, "-Xmx256m")) {
            orphan.awaitHealthy(Duration.ofMinutes(2));
            HttpResponse<String> answer = post(orphan.url(), "gaoxin", "/api/projects", SIGN, null);
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(answer.body());
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(problem.get("detail").asText()).isEqualTo("录入服务暂不可用，请稍后重试");
            assertThat(problem.get("code").asText()).isEqualTo("command-side.unavailable");
        }
    }

    /** The shared sides' environment on its own database, with a command side where nothing listens. */
    private static Map<String, String> orphanEnvironment(String jdbcUrl, int nowhere) {
        Map<String, String> environment = SideProcess.environment(jdbcUrl);
        environment.put("LUODI_COMMAND_SIDE_URL", "http://127.0.0.1:" + nowhere);
        return environment;
    }

    private HttpResponse<String> post(String base, String user, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", Api.basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long allEvents() throws Exception {
        try (Connection c = luodi.sql(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A browser as the UI's script drives it: a cookie jar, the form sign-in, and the token copied from its cookie. */
    private static final class BrowserSession {
        private final String base;
        private final java.net.CookieManager cookies = new java.net.CookieManager();
        private final HttpClient client;

        BrowserSession(String base) {
            this.base = base;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String user, String password) throws Exception {
            get("/");
            return client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token())
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body, boolean withToken) throws Exception {
            if (token() == null) {
                get("/");
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (withToken) {
                request.header("X-XSRF-TOKEN", token());
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private String token() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
        }
    }
}
