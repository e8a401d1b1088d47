package org.luodi.system.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * A township clerk's client of the command API on several instances, which keeps a ledger of every attempt and its
 * answer. The ledger is the client's truth: the commands it was told were accepted must be exactly the ones in the
 * event store. A client times out after {@link #TIMEOUT}; an instance that refuses connections is marked down and
 * the same command (same Idempotency-Key) is sent to another one, as a load balancer would.
 */
final class CommandClient {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<String> urls;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentLinkedQueue<Outcome> ledger = new ConcurrentLinkedQueue<>();
    private final Set<Integer> down = ConcurrentHashMap.newKeySet();

    CommandClient(List<String> urls, String user) {
        this.urls = List.copyOf(urls);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** One attempt on instance {@code instance} (modulo the number of instances); recorded in the ledger. */
    Outcome send(Command command, int instance) {
        int target = Math.floorMod(instance, urls.size());
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get(target) + command.path()))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", command.key())
                .POST(HttpRequest.BodyPublishers.ofString(command.body())).build();
        long sentAt = System.nanoTime();
        Outcome outcome;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            outcome = new Outcome(command, target, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body(),
                    response.headers().firstValue("Idempotent-Replayed").isPresent(), sentAt, System.nanoTime());
        } catch (IOException e) {
            outcome = new Outcome(command, target, Outcome.NO_ANSWER, null, e.toString(), false, sentAt,
                    System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ledger.add(outcome);
        return outcome;
    }

    /**
     * Sends to {@code instance}, or to the next live one; when an instance gives no answer it is marked down and the
     * same command goes to the next instance, until one answers.
     */
    Outcome sendWithFailover(Command command, int instance) {
        for (int attempt = 0; attempt < urls.size() * 3; attempt++) {
            int target = liveInstance(instance + attempt);
            Outcome outcome = send(command, target);
            if (outcome.status() != Outcome.NO_ANSWER) {
                return outcome;
            }
            down.add(target);
        }
        throw new IllegalStateException("no instance answers " + command);
    }

    private int liveInstance(int preferred) {
        for (int i = 0; i < urls.size(); i++) {
            int candidate = Math.floorMod(preferred + i, urls.size());
            if (!down.contains(candidate)) {
                return candidate;
            }
        }
        down.clear();
        return Math.floorMod(preferred, urls.size());
    }

    /**
     * What a careful client does once the system is back: every command whose last answer left its fate open (no
     * answer, or 503) is sent again with the same key until it is accepted or refused. Returns how many times a
     * command was sent again.
     */
    int settle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int retried = 0;
        List<Command> open = undecided();
        while (!open.isEmpty()) {
            for (Command command : open) {
                sendWithFailover(command, 0);
                retried++;
            }
            open = undecided();
            if (System.nanoTime() > deadline && !open.isEmpty()) {
                throw new AssertionError("still undecided after " + timeout + ": " + open.size() + " commands, e.g. "
                        + last().get(open.get(0).key()));
            }
            if (!open.isEmpty()) {
                Thread.sleep(500);
            }
        }
        return retried;
    }

    private List<Command> undecided() {
        return last().values().stream().filter(o -> !o.decided()).map(Outcome::command).toList();
    }

    /** Every attempt, in the order the answers came. */
    List<Outcome> attempts() {
        return new ArrayList<>(ledger);
    }

    List<Outcome> attempts(Predicate<Outcome> which) {
        return ledger.stream().filter(which).toList();
    }

    /** The last answer to each command (by Idempotency-Key). */
    Map<String, Outcome> last() {
        Map<String, Outcome> last = new LinkedHashMap<>();
        for (Outcome outcome : ledger) {
            last.put(outcome.command().key(), outcome);
        }
        return Collections.unmodifiableMap(last);
    }

    /** Idempotency-Key to project of every command the client was finally told was accepted. */
    Map<String, String> accepted() {
        Map<String, String> accepted = new LinkedHashMap<>();
        last().forEach((key, outcome) -> {
            if (outcome.accepted()) {
                accepted.put(key, outcome.command().projectId());
            }
        });
        return accepted;
    }
}
