package org.luodi.query.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Posts what the outbox owes, one message per transaction (the row stays locked while it is posted, so two query
 * sides never post it twice): sent when the robot answers errcode 0, else tried again after a backoff that doubles,
 * and given up after {@code maxAttempts}. A robot's answer is never trusted for anything but that code.
 */
@Component
public class DeliveryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_ROUND = 50;

    private final Deliveries deliveries;
    private final Robots robots;
    private final NotifyProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final HttpClient http;

    public DeliveryWorker(Deliveries deliveries, Robots robots, NotifyProperties properties, Clock clock,
                          PlatformTransactionManager transactionManager) {
        this.deliveries = deliveries;
        this.robots = robots;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${luodi.notify.poll-interval:5s}")
    public void deliverDue() {
        for (int i = 0; i < PER_ROUND; i++) {
            Boolean posted = transaction.execute(tx -> deliverOne());
            if (!Boolean.TRUE.equals(posted)) {
                return;
            }
        }
    }

    /** Posts the oldest due message; false when none is due. */
    boolean deliverOne() {
        Optional<Deliveries.Due> next = deliveries.lockNextDue(clock.instant());
        if (next.isEmpty()) {
            return false;
        }
        Deliveries.Due due = next.get();
        Robots.Target robot = robots.target(due.robotId());
        try {
            String error = post(robot, due);
            if (error == null) {
                deliveries.sent(due.id(), clock.instant());
            } else {
                failed(due, error, null);
            }
        } catch (java.net.http.HttpTimeoutException e) {
            failed(due, "机器人地址超时未应答", e);
        } catch (java.io.IOException e) {
            failed(due, "无法连接机器人地址", e);
        } catch (RuntimeException e) {
            failed(due, "发送失败", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(due, "发送被中断", e);
        }
        return true;
    }

    /**
     * A failed attempt, tried again later. {@code error} is what supervisors read on the page, in words: the
     * exception's own text (hosts, ports, stack) goes to the log only.
     */
    private void failed(Deliveries.Due due, String error, Exception cause) {
        int attempt = due.attempts() + 1;
        Instant retryAt = attempt >= properties.maxAttempts() ? null
                : clock.instant().plus(properties.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 16)));
        LOG.warn("message {} to robot {} failed (attempt {}): {}", due.id(), due.robotId(), attempt, error,
                cause);
        deliveries.failed(due.id(), error, retryAt);
    }

    /** Null when the robot took the message, else why not. */
    private String post(Robots.Target robot, Deliveries.Due due) throws java.io.IOException, InterruptedException {
        String url = RobotMessages.url(robot.platform(), robot.url(), robot.secret(), clock.millis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(
                        RobotMessages.body(robot.platform(), due.title(), due.text(), due.link())))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return "机器人地址应答 HTTP " + answer.statusCode();
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "机器人应答不是 JSON";
        }
        return body.path("errcode").asInt(-1) == 0 ? null : "机器人拒收：errcode " + body.path("errcode").asText()
                + " " + body.path("errmsg").asText();
    }
}
