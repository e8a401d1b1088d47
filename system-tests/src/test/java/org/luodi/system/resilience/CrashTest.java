package org.luodi.system.resilience;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.launcher.SideProcess;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A power cut of one command side and one query side (kill -9) in the middle of a steady load on two of each. The
 * clients fail over to the surviving command side with the same Idempotency-Key, no accepted command is lost or
 * doubled, the surviving query side takes over the dead one's segments within seconds (claims time out after 3 s in
 * this test, see {@link Cluster#FAST_CLAIMS}), and every read model ends equal to a recomputation from the event
 * store.
 */
class CrashTest {
    private static final int PROJECTS = 8;
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.start("crash", 2, 2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void killingACommandSideAndAQuerySideMidLoadLosesNothingAndTheSurvivorTakesOver() throws Exception {
        CommandClient client = new CommandClient(cluster.commandUrls(), Command.TOWNSHIP);
        List<String> projects = Scenario.signProjects(client, PROJECTS);
        Scenario.awaitSegmentsOwnedBy(cluster, Scenario.pids(cluster.querySides()), Duration.ofSeconds(60));

        Load load = Load.start(6, 100_000, Duration.ofMillis(20), (thread, round, random) -> {
            String project = projects.get(random.nextInt(PROJECTS));
            Command command = random.nextInt(10) == 0 ? Command.milestone(project, random)
                    : Command.funds(project, random);
            client.sendWithFailover(command, thread + round);
        });
        Thread.sleep(8_000);
        int acceptedBeforeKill = client.accepted().size();

        SideProcess deadCommandSide = cluster.commandSides().get(1);
        SideProcess deadQuerySide = cluster.querySides().get(1);
        SideProcess survivor = cluster.querySides().get(0);
        long killedAt = System.nanoTime();
        deadCommandSide.kill();
        deadQuerySide.kill();
        Scenario.awaitSegmentsOwnedBy(cluster, Scenario.pids(List.of(survivor)), Duration.ofSeconds(60));
        long takeoverMillis = Await.millisSince(killedAt);

        Thread.sleep(5_000);
        load.stop();
        load.join(Duration.ofMinutes(1));
        int retried = client.settle(Duration.ofSeconds(30));

        List<Outcome> unanswered = client.attempts(o -> o.status() == Outcome.NO_ANSWER);
        assertThat(unanswered).as("only the killed command side left requests unanswered")
                .allMatch(o -> o.instance() == 1 && o.answeredAt() > killedAt);
        assertThat(client.attempts(o -> o.status() != Outcome.NO_ANSWER))
                .as("every answer is 200/201 or a 409 problem+json, never a 500")
                .allMatch(o -> o.accepted() || (o.conflict() && o.problemJson()));
        assertThat(client.last().values()).as("every command's fate is known to the client")
                .allMatch(Outcome::decided);
        assertThat(client.attempts(o -> o.accepted() && o.sentAt() > killedAt))
                .as("the surviving command side kept accepting commands").isNotEmpty();
        assertThat(deadCommandSide.process().isAlive() || deadQuerySide.process().isAlive()).isFalse();

        try (Connection sql = cluster.sql()) {
            List<StoredEvent> events = StoredEvent.readAll(sql);
            assertThat(EventStoreChecks.againstLedger(events, client.accepted())).as("client ledger vs event store")
                    .isEmpty();
            assertThat(EventStoreChecks.streamShape(events)).isEmpty();
            assertThat(EventStoreChecks.reusedSequenceNumbers(sql)).isZero();
            assertThat(EventStoreChecks.keysAgreeWithEvents(sql, events)).isEmpty();

            long caughtUp = Scenario.awaitReadModelsEqualRecomputation(cluster, Duration.ofSeconds(90));
            assertThat(Tokens.everyProcessorOwnedBy(Tokens.read(sql), Scenario.pids(List.of(survivor))))
                    .as("the survivor still owns every segment").isTrue();

            System.out.printf("[crash] %d commands (%d accepted, %d before the kill; %d conflicts); %d requests cut"
                            + " off by the kill and sent again to the survivor with the same key (%d of them had"
                            + " been recorded: first answer replayed), %d more after the load; %d events; survivor"
                            + " owned every"
                            + " segment %d ms after kill -9; read models equal the recomputation %d ms after the"
                            + " load%n",
                    client.last().size(), client.accepted().size(), acceptedBeforeKill,
                    client.attempts(Outcome::conflict).size(), unanswered.size(),
                    client.attempts(Outcome::replayed).size(), retried, events.size(),
                    takeoverMillis, caughtUp);
        }
    }
}
