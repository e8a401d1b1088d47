package org.luodi.system.resilience;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.launcher.SideProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §8, "several command-side and query-side instances share one PostgreSQL event store": two command sides and
 * two query sides on one database. Clients record fund arrivals on the same few projects through both command sides
 * at once while pairs of clients race to record the same milestone on both. Every accepted command is stored exactly
 * once, every refused one not at all (409 problem+json, never a 500), the two query sides split the stream by
 * segments and together project every event exactly once.
 */
class SeveralInstancesTest {
    /** What CommandSender logs when it resends; a copy, since system tests see the sides only as processes. */
    private static final String RESENT = "lost a race for the project's next sequence number; sending again";
    private static final int PROJECTS = 8;
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.start("instances", 2, 2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void concurrentWritesThroughTwoCommandSidesAreStoredOnceAndProjectedOnceByTwoQuerySides() throws Exception {
        CommandClient client = new CommandClient(cluster.commandUrls(), Command.TOWNSHIP);
        List<String> projects = Scenario.signProjects(client, PROJECTS);
        Set<String> queryPids = Scenario.pids(cluster.querySides());
        List<Tokens.Claim> split = Scenario.awaitSegmentsOwnedBy(cluster, queryPids, Duration.ofSeconds(60));

        OwnershipSampler sampler = OwnershipSampler.start(cluster);
        long loadStarted = System.nanoTime();
        Load funds = Load.start(8, 120, Duration.ZERO, (thread, round, random) ->
                client.send(Command.funds(projects.get(random.nextInt(PROJECTS)), random), thread + round));
        List<List<Outcome>> races = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String sameNewProject = Command.newProjectId();
            races.add(race(client, Command.sign(sameNewProject), Command.sign(sameNewProject)));
        }
        for (String project : projects) {
            for (Function<String, Command> milestone : List.<Function<String, Command>>of(
                    Command::start, Command::storage, Command::production)) {
                races.add(race(client, milestone.apply(project), milestone.apply(project)));
            }
        }
        funds.join(Duration.ofMinutes(3));
        long loadMillis = Await.millisSince(loadStarted);
        List<Map<String, Set<String>>> samples = sampler.stop();

        List<Outcome> attempts = client.attempts();
        assertThat(attempts).as("only 200/201 and 409, never a 500 or no answer")
                .allMatch(o -> o.accepted() || o.conflict());
        assertThat(client.attempts(Outcome::conflict)).as("every 409 is problem+json")
                .allMatch(o -> o.problemJson() && o.body().contains("\"status\":409"));
        assertThat(races).as("of two clients signing the same project or recording the same milestone on both"
                        + " instances, exactly one wins: %s", races)
                .allMatch(pair -> pair.stream().filter(Outcome::accepted).count() == 1);
        long concurrentChanges = client.attempts(Outcome::concurrentChange).size();
        long resends = resendsLogged(cluster.commandSides());
        assertThat(concurrentChanges + resends)
                .as("instances really collided on the same projects (a command side resends a command that lost a"
                        + " race, and answers 409 only after its last attempt)").isPositive();
        Map<Integer, Long> acceptedPerInstance = client.attempts(Outcome::accepted).stream()
                .collect(Collectors.groupingBy(Outcome::instance, Collectors.counting()));
        assertThat(acceptedPerInstance).as("both command sides accepted commands").containsOnlyKeys(0, 1);

        try (Connection sql = cluster.sql()) {
            List<StoredEvent> events = StoredEvent.readAll(sql);
            assertThat(EventStoreChecks.againstLedger(events, client.accepted())).isEmpty();
            assertThat(EventStoreChecks.streamShape(events)).isEmpty();
            assertThat(EventStoreChecks.reusedSequenceNumbers(sql)).isZero();
            assertThat(EventStoreChecks.keysAgreeWithEvents(sql, events)).isEmpty();

            long caughtUp = Scenario.awaitReadModelsEqualRecomputation(cluster, Duration.ofSeconds(90));
            List<Tokens.Claim> claims = Tokens.read(sql);
            assertThat(Tokens.everyProcessorOwnedBy(claims, queryPids))
                    .as("both query sides still own segments of every processor: %s", claims).isTrue();
            assertThat(samples).as("during the load, both query sides owned segments of every processor")
                    .isNotEmpty().allMatch(sample -> sample.values().stream().allMatch(queryPids::equals));

            System.out.printf("[instances] %d commands in %d ms (%d accepted: %s per instance; %d resent by a command"
                            + " side; %d conflicts, of which %d concurrent changes); %d events; segments split %s;"
                            + " read models equal the recomputation %d ms after the load%n",
                    client.last().size(), loadMillis, client.accepted().size(), acceptedPerInstance, resends,
                    client.attempts(Outcome::conflict).size(), concurrentChanges, events.size(),
                    Tokens.ownersByProcessor(split), caughtUp);
        }
    }

    /** How many times the command sides resent a command that lost a race (CommandSender logs each resend). */
    private static long resendsLogged(List<SideProcess> commandSides) throws IOException {
        long resends = 0;
        for (SideProcess side : commandSides) {
            try (Stream<String> lines = Files.lines(side.log())) {
                resends += lines.filter(line -> line.contains(RESENT)).count();
            }
        }
        return resends;
    }

    /**
     * Two clients send the same milestone (each with its own key) to the two instances at the same moment; like a
     * real client, each sends its command again (same key) while the answer is "concurrent change, try again".
     */
    private static List<Outcome> race(CommandClient client, Command first, Command second) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Outcome> finals = new CopyOnWriteArrayList<>();
        List<Thread> racers = new ArrayList<>();
        List<Command> commands = List.of(first, second);
        for (int i = 0; i < 2; i++) {
            int instance = i;
            Thread racer = new Thread(() -> {
                try {
                    barrier.await();
                    Outcome outcome = client.send(commands.get(instance), instance);
                    for (int retry = 0; retry < 10 && outcome.concurrentChange(); retry++) {
                        outcome = client.send(commands.get(instance), instance);
                    }
                    finals.add(outcome);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            racers.add(racer);
            racer.start();
        }
        for (Thread racer : racers) {
            racer.join(Duration.ofMinutes(1).toMillis());
        }
        return finals;
    }

    /** Which query-side processes own the segments, sampled twice a second while the load runs. */
    private static final class OwnershipSampler {
        private final List<Map<String, Set<String>>> samples = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private Thread thread;

        static OwnershipSampler start(Cluster cluster) {
            OwnershipSampler sampler = new OwnershipSampler();
            sampler.thread = new Thread(() -> {
                try (Connection sql = cluster.sql()) {
                    while (sampler.running) {
                        sampler.samples.add(Tokens.ownersByProcessor(Tokens.read(sql)));
                        Thread.sleep(500);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sampler.thread.start();
            return sampler;
        }

        List<Map<String, Set<String>>> stop() throws InterruptedException {
            running = false;
            thread.join();
            return samples;
        }
    }
}
