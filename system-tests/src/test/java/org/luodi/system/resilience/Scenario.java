package org.luodi.system.resilience;

import org.luodi.launcher.SideProcess;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps the resilience tests share: signing the projects, waiting for the segments and for the read models. */
final class Scenario {
    private Scenario() {
    }

    /** Signs {@code count} projects, alternating between the command sides; returns their ids. */
    static List<String> signProjects(CommandClient client, int count) {
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Command.newProjectId();
            Outcome signed = client.send(Command.sign(id), i);
            assertThat(signed.status()).as("signing %s", signed).isEqualTo(201);
            projects.add(id);
        }
        return projects;
    }

    static Set<String> pids(List<SideProcess> sides) {
        return sides.stream().map(side -> Long.toString(side.process().pid())).collect(Collectors.toSet());
    }

    /** Waits until the segments of every processor are owned by exactly the processes {@code pids}. */
    static List<Tokens.Claim> awaitSegmentsOwnedBy(Cluster cluster, Set<String> pids, Duration timeout)
            throws InterruptedException {
        return Await.until("segments of every processor owned by " + pids, timeout, Duration.ofMillis(100), () -> {
            try (Connection sql = cluster.sql()) {
                return Tokens.read(sql);
            }
        }, claims -> Tokens.everyProcessorOwnedBy(claims, pids));
    }

    /** Waits until every read model equals its recomputation from the event store; returns how long it took (ms). */
    static long awaitReadModelsEqualRecomputation(Cluster cluster, Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        Await.until("read models equal to the recomputation from the event store", timeout, Duration.ofMillis(250),
                () -> {
                    try (Connection sql = cluster.sql()) {
                        return Recomputation.differences(sql);
                    }
                }, List::isEmpty);
        return Await.millisSince(started);
    }
}
