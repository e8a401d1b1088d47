package org.luodi.query.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.luodi.query.IsolatedQuerySideTest;
import org.luodi.query.bulletin.BulletinPublication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 消息推送 (#19) against robots served here: a contract newly 逾期未开工 reaches its township's 企业微信 group and the
 * county's 钉钉 group (signed), never another township's; a failed post is tried again; the bulletin is announced
 * once to every group; a robot switched off hears nothing more; a robot's URL must be on an allowed host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"luodi.notify.allowed-hosts=127.0.0.1,qyapi.weixin.qq.com",
        "luodi.notify.poll-interval=200ms", "luodi.notify.first-retry=300ms", "luodi.notify.base-url=http://luodi.test",
        "luodi.alerts.push.check-interval=100ms"})
class NotifyTest extends IsolatedQuerySideTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "SECnotify-test-secret";

    /** What one robot received: the query string and the body of each post. */
    record Received(String query, JsonNode body) {
    }

    private final Map<String, List<Received>> received = Map.of("/gaoxin", new CopyOnWriteArrayList<>(),
            "/county", new CopyOnWriteArrayList<>(), "/chengui", new CopyOnWriteArrayList<>());
    private final AtomicInteger gaoxinPosts = new AtomicInteger();
    private HttpServer robots;

    @Autowired
    BulletinPublication publication;

    @BeforeAll
    void serveRobots() throws IOException {
        robots = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        received.keySet().forEach(path -> robots.createContext(path, exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            // the 高新区 robot fails its first post, as a group robot over its rate limit does
            boolean refuse = path.equals("/gaoxin") && gaoxinPosts.incrementAndGet() == 1;
            if (!refuse) {
                received.get(path).add(new Received(exchange.getRequestURI().getRawQuery(), body));
            }
            byte[] answer = (refuse ? "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        }));
        robots.start();
    }

    @AfterAll
    void stopRobots() {
        robots.stop(0);
    }

    private String robotUrl(String path, String token) {
        return "http://127.0.0.1:" + robots.getAddress().getPort() + path + "?key=" + token;
    }

    @Test
    void aNewlyOverdueContractReachesItsTownshipAndTheCountyAndTheBulletinEveryGroupOnce() {
        long gaoxin = add("{\"name\":\"高新区招商群\",\"platform\":\"WECOM\",\"url\":\"" + robotUrl("/gaoxin", "g1")
                + "\",\"township\":\"gaoxin\",\"reason\":\"乡镇专班群\"}");
        add("{\"name\":\"全市招商调度群\",\"platform\":\"DINGTALK\",\"url\":\"" + robotUrl("/county", "c1")
                + "\",\"secret\":\"" + SECRET + "\",\"reason\":\"督查室调度群\"}");
        long chengui = add("{\"name\":\"陈贵镇招商群\",\"platform\":\"WECOM\",\"url\":\"" + robotUrl("/chengui", "x1")
                + "\",\"township\":\"chengui\",\"reason\":\"乡镇专班群\"}");
        JsonNode listed = supervisor().get("/api/notify/robots").ok();
        assertThat(listed.get("robots")).hasSize(3);
        assertThat(listed.toString()).doesNotContain("key=g1").doesNotContain(SECRET); // tokens stay secret

        // 高新区: signed 2025-07-10, 逾期未开工 from 2026-01-10; today is 2026-01-15
        String project = recorder.signed("gaoxin", "30000", LocalDate.of(2025, 7, 10));
        recorder.awaitProjections();

        JsonNode county = await(() -> received.get("/county"), 1).get(0).body();
        assertThat(county.at("/msgtype").asText()).isEqualTo("markdown");
        assertThat(county.at("/markdown/title").asText()).isEqualTo("【红色预警】逾期未开工");
        assertThat(county.at("/markdown/text").asText()).contains("高新区", "6个月", "http://luodi.test/#/project/" + project);
        String query = received.get("/county").get(0).query();
        long timestamp = Long.parseLong(query.replaceAll(".*timestamp=(\\d+).*", "$1"));
        String sign = URLDecoder.decode(query.replaceAll(".*sign=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        assertThat(sign).isEqualTo(RobotMessages.sign(SECRET, timestamp));

        // 高新区's robot refused the first post: it is due again 300 ms later, by the clock
        await(() -> gaoxinPosts.get() >= 1);
        assertThat(received.get("/gaoxin")).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        JsonNode township = await(() -> received.get("/gaoxin"), 1).get(0).body();
        assertThat(township.at("/markdown/content").asText()).contains("逾期未开工", "/#/project/" + project);
        assertThat(gaoxinPosts.get()).isEqualTo(2); // refused once, then taken
        await(() -> jdbc.queryForObject("SELECT count(*) FROM notify_delivery WHERE robot_id = ? AND status = 'SENT'",
                Integer.class, gaoxin) == 1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM notify_delivery WHERE robot_id = ?", Integer.class, gaoxin))
                .isEqualTo(2);
        assertThat(received.get("/chengui")).isEmpty();

        // the bulletin of December 2025, on 2026-01-15: once to every group, however often it is checked
        publication.announceLastMonth();
        publication.announceLastMonth();
        await(() -> received.get("/chengui"), 1);
        await(() -> received.get("/county"), 2);
        await(() -> received.get("/gaoxin"), 2);
        assertThat(received.get("/chengui").get(0).body().at("/markdown/content").asText())
                .contains("大冶市2025年1—12月招商选资工作通报", "http://luodi.test/#/dashboard?year=2025&asOf=2025-12-31");

        // switched off, 陈贵镇's group hears nothing of its own township's contract
        assertThat(supervisor().exchange(HttpMethod.POST, "/api/notify/robots/" + chengui + "/switch-off",
                "{\"reason\":\"群已解散\"}").status()).isEqualTo(200);
        recorder.signed("chengui", "20000", LocalDate.of(2025, 7, 1));
        recorder.awaitProjections();
        await(() -> received.get("/county"), 3);
        sleep(Duration.ofMillis(800));
        assertThat(received.get("/chengui")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notify_delivery WHERE robot_id = ?", Integer.class, chengui))
                .isEqualTo(1);
    }

    @Test
    void aRobotOnAnotherHostOrWithoutHttpsOrFromAClerkIsRefusedAndNothingIsAdded() {
        int before = jdbc.queryForObject("SELECT count(*) FROM notify_robot", Integer.class);
        assertRefused("{\"name\":\"外部\",\"platform\":\"WECOM\",\"url\":\"https://example.com/hook\",\"reason\":\"试\"}", "url");
        assertRefused("{\"name\":\"明文\",\"platform\":\"WECOM\",\"url\":\"http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k\","
                + "\"reason\":\"试\"}", "url");
        assertRefused("{\"name\":\"内网\",\"platform\":\"WECOM\",\"url\":\"https://qyapi.weixin.qq.com@10.0.0.1/x\","
                + "\"reason\":\"试\"}", "url");
        assertRefused("{\"name\":\"加签\",\"platform\":\"WECOM\",\"url\":\"https://qyapi.weixin.qq.com/cgi-bin/webhook/send"
                + "?key=k\",\"secret\":\"SEC1\",\"reason\":\"试\"}", "secret");
        assertRefused("{\"name\":\"乡镇\",\"platform\":\"WECOM\",\"url\":\"https://qyapi.weixin.qq.com/cgi-bin/webhook/send"
                + "?key=k\",\"township\":\"nowhere\",\"reason\":\"试\"}", "township");
        assertRefused("{\"name\":\"无因\",\"platform\":\"WECOM\",\"url\":\"https://qyapi.weixin.qq.com/cgi-bin/webhook/send"
                + "?key=k\",\"reason\":\" \"}", "reason");
        assertThat(as("gaoxin").exchange(HttpMethod.POST, "/api/notify/robots", "{\"name\":\"群\",\"platform\":\"WECOM\","
                + "\"url\":\"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k\",\"reason\":\"试\"}").status())
                .isEqualTo(403);
        assertThat(as("gaoxin").get("/api/notify/robots").status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notify_robot", Integer.class)).isEqualTo(before);
    }

    private long add(String body) {
        var answer = supervisor().exchange(HttpMethod.POST, "/api/notify/robots", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asLong();
    }

    private void assertRefused(String body, String field) {
        var answer = supervisor().exchange(HttpMethod.POST, "/api/notify/robots", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo(field);
    }

    private static List<Received> await(Supplier<List<Received>> posts, int count) {
        await(() -> posts.get().size() >= count);
        return posts.get();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited 20 s in vain");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
