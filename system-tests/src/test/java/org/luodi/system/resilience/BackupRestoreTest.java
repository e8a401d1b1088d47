package org.luodi.system.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luodi.launcher.Backup;
import org.luodi.launcher.BackupManifest;
import org.luodi.launcher.EmbeddedDatabase;
import org.luodi.launcher.Restore;
import org.luodi.launcher.SideProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./luodi backup} under a write load and {@code ./luodi restore} into a fresh folder: the restored store holds
 * every event of the backup's snapshot byte for byte (and no other), the kept tables as they were, every read model
 * is rebuilt by the replay and equals a recomputation from the restored events, verify finds every chain intact, the
 * next event gets the next global index and the store is still append-only.
 */
class BackupRestoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Cluster> clusters = new ArrayList<>();

    @AfterEach
    void stop() {
        clusters.forEach(Cluster::close);
    }

    @Test
    void aBackupTakenUnderLoadRestoresIntoAFreshFolderAndEveryReadModelIsRebuilt() throws Exception {
        Cluster source = Cluster.start("backup-source", 1, 1);
        clusters.add(source);
        String queryUrl = source.querySides().get(0).url();
        CommandClient client = new CommandClient(source.commandUrls(), Command.TOWNSHIP);
        List<String> projects = Scenario.signProjects(client, 6);
        // a target change: kept by the backup, not made again from events
        HttpResponse<String> changed = send("PUT", queryUrl + "/api/targets/2024/gaoxin", "supervisor",
                "{\"targets\":{\"signedAbove1Yi.count\":7},\"reason\":\"备份测试调整\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        Load load = Load.start(4, 100_000, Duration.ofMillis(15), (thread, round, random) -> {
            String project = projects.get(random.nextInt(projects.size()));
            client.send(random.nextInt(10) == 0 ? Command.milestone(project, random) : Command.funds(project, random),
                    thread);
        });
        // the backup is taken while commands are being recorded: after a good number of them, with more to come
        Await.until("200 commands recorded under load", Duration.ofMinutes(2), Duration.ofMillis(100),
                () -> client.accepted().size(), n -> n >= 200);
        Path file = Cluster.output().resolve("backup-under-load.zip");
        Files.deleteIfExists(file);
        BackupManifest manifest;
        try (Connection sql = source.sql()) {
            manifest = Backup.write(sql, file);
        }
        int acceptedAtBackup = client.accepted().size();
        Await.until("100 more commands after the backup", Duration.ofMinutes(2), Duration.ofMillis(100),
                () -> client.accepted().size(), n -> n >= acceptedAtBackup + 100);
        load.stop();
        load.join(Duration.ofMinutes(1));
        assertThat(client.accepted().size()).as("the load went on after the backup").isGreaterThan(acceptedAtBackup);
        assertThat(manifest.lastGlobalIndex()).isPositive();
        assertThat(manifest.tables()).extracting(BackupManifest.Table::name)
                .contains("domain_event_entry", "idempotency_key", "target", "target_change")
                .doesNotContain("token_entry", "project_version", "fund_arrival_version", "project_event",
                        "flyway_schema_history");

        // the events the snapshot saw: those up to its last index written by a transaction that had committed when
        // the snapshot was taken (one still running then may commit a lower index later: not in the backup)
        List<String> sourceEvents = new ArrayList<>();
        List<String> sourceTargetChanges;
        int committedLate = 0;
        try (Connection sql = source.sql()) {
            for (String row : rows(sql, "SELECT xmin::text, " + EVENT_COLUMNS + " FROM domain_event_entry"
                    + " WHERE global_index <= " + manifest.lastGlobalIndex() + " ORDER BY global_index")) {
                if (visible(manifest.snapshot(), Long.parseLong(row.substring(0, row.indexOf('|'))))) {
                    sourceEvents.add(row.substring(row.indexOf('|') + 1));
                } else {
                    committedLate++;
                }
            }
            sourceTargetChanges = rows(sql, "SELECT * FROM target_change ORDER BY id");
        }
        assertThat((long) sourceEvents.size()).as("events in the backup").isEqualTo(
                manifest.table("domain_event_entry").rows());
        assertThat(sourceTargetChanges).as("the target change made before the backup").isNotEmpty()
                .hasSize((int) manifest.table("target_change").rows());

        Path pgdata = Cluster.output().resolve("backup-restored").resolve("pgdata");
        EmbeddedDatabase.deleteDataFolder(pgdata);
        Files.createDirectories(pgdata);
        Files.writeString(pgdata.resolve("something.txt"), "not empty");
        assertThatThrownBy(() -> Restore.intoEmptyFolder(file, pgdata, SideProcess.freePort()))
                .isInstanceOf(Restore.RestoreRefused.class).hasMessageContaining("不是空的");
        Files.delete(pgdata.resolve("something.txt"));
        Restore.intoEmptyFolder(file, pgdata, SideProcess.freePort());

        Cluster restored = Cluster.startOn("backup-restored", pgdata, 1, 1);
        clusters.add(restored);
        try (Connection sql = restored.sql()) {
            assertThat(rows(sql, "SELECT " + EVENT_COLUMNS + " FROM domain_event_entry ORDER BY global_index"))
                    .as("restored events, byte for byte").isEqualTo(sourceEvents);
            assertThat(rows(sql, "SELECT * FROM target_change ORDER BY id")).isEqualTo(sourceTargetChanges);
            List<StoredEvent> events = StoredEvent.readAll(sql);
            assertThat(EventStoreChecks.keysAgreeWithEvents(sql, events)).as("idempotency keys vs events").isEmpty();
            assertThat(EventStoreChecks.streamShape(events)).isEmpty();
        }
        long rebuiltMillis = Scenario.awaitReadModelsEqualRecomputation(restored, Duration.ofSeconds(120));
        JsonNode verify = JSON.readTree(send("GET", restored.querySides().get(0).url() + "/api/audit/verify",
                "supervisor", null).body());
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();

        // a retried command of the backup is answered from its key, a new one gets the next global index
        CommandClient after = new CommandClient(restored.commandUrls(), Command.TOWNSHIP);
        Outcome signed = after.send(Command.sign(Command.newProjectId()), 0);
        assertThat(signed.status()).isEqualTo(201);
        try (Connection sql = restored.sql(); Statement s = sql.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT min(global_index) FROM domain_event_entry WHERE global_index > "
                    + manifest.lastGlobalIndex());
            rs.next();
            assertThat(rs.getLong(1)).as("the next event's global index").isEqualTo(manifest.lastGlobalIndex() + 1);
            assertThatThrownBy(() -> s.execute("DELETE FROM domain_event_entry WHERE global_index = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        System.out.printf("[backup] %d events up to global index %d in %s (%d bytes), taken under load; restored,"
                        + " read models rebuilt and equal to the recomputation %d ms after the restored sides were"
                        + " up (%d events below that index committed after the snapshot)%n", sourceEvents.size(), manifest.lastGlobalIndex(), file.getFileName(), Files.size(file),
                rebuiltMillis, committedLate);
    }

    /**
     * Whether a transaction's rows are in a snapshot {@code xmin:xmax:xip,…} (a fresh cluster: transaction ids are
     * still in their first epoch, so a 32-bit xid equals its 64-bit form).
     */
    static boolean visible(String snapshot, long xid) {
        String[] parts = snapshot.split(":");
        Set<Long> running = parts.length < 3 || parts[2].isEmpty() ? Set.of()
                : java.util.Arrays.stream(parts[2].split(",")).map(Long::parseLong).collect(Collectors.toSet());
        return xid < Long.parseLong(parts[1]) && !running.contains(xid);
    }

    private static final String EVENT_COLUMNS = "global_index, aggregate_identifier, sequence_number, type,"
            + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp";

    /** Every row as text, bytea columns as hex: equal lists mean equal bytes. */
    private static List<String> rows(Connection sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    values.add(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static HttpResponse<String> send(String method, String url, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
