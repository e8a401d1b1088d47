package org.luodi.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A server-sent-events stream read over real HTTP as one demo account. {@link #open} returns once the server said
 * "connected" (so the subscription is live), or at once with the status of a refusal.
 */
public final class SseStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Event(String id, String name, String data) {
        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final int status;
    private final String refusal;
    private final Stream<String> lines;
    private final List<Event> received = new ArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);

    private SseStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        if (status != 200) {
            this.refusal = String.join("\n", response.body().toList());
            this.lines = null;
            return;
        }
        this.refusal = null;
        this.lines = response.body();
        Thread reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code path} (with its query) as {@code username} (null: anonymous); {@code lastEventId} may be null. */
    public static SseStream open(int port, String username, String path, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream");
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + username).getBytes(StandardCharsets.UTF_8)));
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            SseStream stream = new SseStream(HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofLines()));
            if (stream.status == 200 && !stream.connected.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the stream never said it was connected");
            }
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public int status() {
        return status;
    }

    /** The body of a refused request (problem+json). */
    public String refusal() {
        return refusal;
    }

    /** The first event received (before or within {@code timeout}) that matches {@code wanted}. */
    public synchronized Event await(Predicate<Event> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                for (Event event : received) {
                    if (wanted.test(event)) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no such event within " + timeout + "; received " + received);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every event received so far, in order. */
    public synchronized List<Event> received() {
        return List.copyOf(received);
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith(":")) {
                    if (line.substring(1).strip().equals("connected")) {
                        connected.countDown();
                    }
                } else if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        Event event = new Event(id, name, data.toString());
                        synchronized (this) {
                            received.add(event);
                            notifyAll();
                        }
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream
        } finally {
            ended.countDown();
        }
    }

    /** Whether the server ended the stream within {@code timeout}. */
    public boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
    }
}
