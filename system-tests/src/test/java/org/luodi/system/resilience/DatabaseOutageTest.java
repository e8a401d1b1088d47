package org.luodi.system.resilience;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL goes away for ten seconds under load and comes back on the same port and data. Meanwhile every command
 * fails fast (503 problem+json, well under the client's timeout) and leaves nothing half-written; afterwards both
 * sides recover without a restart (the connection pools reconnect, the processors retry), a client that sends its
 * unanswered commands again with the same keys ends with exactly the event store, and the read models catch up to
 * a recomputation from it.
 */
class DatabaseOutageTest {
    private static final int PROJECTS = 6;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** Hikari waits 2 s for a connection (luodi-platform.yml), then the request is answered 503. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(4);
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.start("outage", 1, 1);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void whileTheDatabaseIsDownCommandsFailFastAndAfterwardsEverythingRecoversWithoutRestart() throws Exception {
        CommandClient client = new CommandClient(cluster.commandUrls(), Command.TOWNSHIP);
        List<String> projects = Scenario.signProjects(client, PROJECTS);
        Set<Long> pids = Set.of(cluster.commandSides().get(0).process().pid(),
                cluster.querySides().get(0).process().pid());
        String queryUrl = cluster.querySides().get(0).url() + "/api/projects/" + projects.get(0);

        Load load = Load.start(4, 100_000, Duration.ofMillis(50), (thread, round, random) -> {
            String project = projects.get(random.nextInt(PROJECTS));
            client.send(random.nextInt(10) == 0 ? Command.milestone(project, random) : Command.funds(project, random),
                    0);
        });
        Thread.sleep(5_000);

        cluster.database().stop();
        long stopped = System.nanoTime();
        List<Answer> queriesDuringOutage = new CopyOnWriteArrayList<>();
        while (Await.millisSince(stopped) < OUTAGE.toMillis()) {
            queriesDuringOutage.add(get(queryUrl));
            Thread.sleep(1_000);
        }
        long restartBegan = System.nanoTime();
        cluster.database().restart();
        long restarted = System.nanoTime();
        long lastIndexBefore = maxGlobalIndex();

        Outcome firstAccepted = Await.until("a command accepted after the restart", Duration.ofSeconds(60),
                Duration.ofMillis(50), () -> client.attempts(o -> o.accepted() && o.sentAt() > restarted),
                accepted -> !accepted.isEmpty()).get(0);
        long commandSideRecovery = (firstAccepted.answeredAt() - restarted) / 1_000_000;
        Await.until("the query side projecting events written after the restart", Duration.ofSeconds(120),
                Duration.ofMillis(100), () -> {
                    try (Connection sql = cluster.sql(); Statement s = sql.createStatement();
                         ResultSet rs = s.executeQuery("SELECT count(*) FROM project_event WHERE global_index > "
                                 + lastIndexBefore)) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }, projected -> projected > 0);
        long querySideRecovery = Await.millisSince(restarted);
        Thread.sleep(3_000);
        load.stop();
        load.join(Duration.ofMinutes(1));

        List<Outcome> duringOutage = client.attempts(o -> o.sentAt() > stopped && o.answeredAt() < restartBegan);
        assertThat(duringOutage).as("commands were sent while the database was down").isNotEmpty();
        assertThat(duringOutage).as("while the database is down: 503 problem+json, well under the client timeout")
                .allMatch(o -> o.status() == 503 && o.problemJson() && o.body().contains("\"status\":503")
                        && o.latencyMillis() < FAIL_FAST.toMillis());
        assertThat(duringOutage).as("named as the database being away, not as a busy server")
                .allMatch(o -> o.body().contains("\"code\":\"database.unavailable\""));
        assertThat(queriesDuringOutage).as("queries while the database is down: 503 problem+json")
                .allMatch(a -> a.status() == 503 && a.contentType().startsWith("application/problem+json")
                        && a.millis() < FAIL_FAST.toMillis());
        assertThat(client.attempts(o -> !o.decided() && o.status() != 503))
                .as("no other failure than 503, ever (no 500, no timeout)").isEmpty();

        try (Connection sql = cluster.sql()) {
            List<StoredEvent> beforeRetries = StoredEvent.readAll(sql);
            Set<String> refusedKeys = duringOutage.stream().map(o -> o.command().key()).collect(Collectors.toSet());
            assertThat(beforeRetries).as("nothing written by a command that was answered 503 during the outage")
                    .noneMatch(e -> refusedKeys.contains(e.idempotencyKey()));
            assertThat(EventStoreChecks.keysAgreeWithEvents(sql, beforeRetries))
                    .as("no half-written command: key rows and events agree").isEmpty();
        }
        int retried = client.settle(Duration.ofSeconds(60));

        assertThat(cluster.commandSides().get(0).process().isAlive()).isTrue();
        assertThat(cluster.querySides().get(0).process().isAlive()).isTrue();
        assertThat(Set.of(cluster.commandSides().get(0).process().pid(), cluster.querySides().get(0).process().pid()))
                .as("recovered without a restart").isEqualTo(pids);
        try (Connection sql = cluster.sql()) {
            List<StoredEvent> events = StoredEvent.readAll(sql);
            assertThat(EventStoreChecks.againstLedger(events, client.accepted())).as("client ledger vs event store")
                    .isEmpty();
            assertThat(EventStoreChecks.streamShape(events)).isEmpty();
            assertThat(EventStoreChecks.keysAgreeWithEvents(sql, events)).isEmpty();
            long caughtUp = Scenario.awaitReadModelsEqualRecomputation(cluster, Duration.ofSeconds(120));
            assertThat(get(queryUrl).status()).as("the query API answers again").isEqualTo(200);

            List<Long> latencies = duringOutage.stream().map(Outcome::latencyMillis).sorted().toList();
            System.out.printf("[outage] %d commands (%d accepted, %d conflicts); %d answered 503 during the %d s"
                            + " outage, latency median %d ms, max %d ms; %d queries answered 503; %d commands sent"
                            + " again after it (%d answered with the first answer); first command accepted %d ms"
                            + " after the restart, query side projecting again %d ms after it; read models equal the"
                            + " recomputation %d ms after the load; %d events%n",
                    client.last().size(), client.accepted().size(), client.attempts(Outcome::conflict).size(),
                    duringOutage.size(), OUTAGE.toSeconds(), latencies.get(latencies.size() / 2),
                    latencies.get(latencies.size() - 1), queriesDuringOutage.size(), retried,
                    client.attempts(Outcome::replayed).size(), commandSideRecovery,
                    querySideRecovery, caughtUp, events.size());
        }
    }

    private record Answer(int status, String contentType, long millis) {
    }

    private static Answer get(String url) throws InterruptedException {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(CommandClient.TIMEOUT)
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("supervisor:supervisor".getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    Await.millisSince(sent));
        } catch (java.io.IOException e) {
            return new Answer(Outcome.NO_ANSWER, "", Await.millisSince(sent));
        }
    }

    private static long maxGlobalIndex() throws Exception {
        try (Connection sql = cluster.sql(); Statement s = sql.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
