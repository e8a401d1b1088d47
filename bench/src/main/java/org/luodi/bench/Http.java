package org.luodi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** HTTP/1.1 on loopback with the demo accounts (password = username), as a browser or a client script would call. */
final class Http implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bench-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequest post(String baseUrl, Commands.Command c) {
        return HttpRequest.newBuilder(URI.create(baseUrl + c.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(c.user()))
                .header("Idempotency-Key", c.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(c.json()))
                .build();
    }

    static HttpRequest get(String baseUrl, String pathAndQuery, String user) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user))
                .GET()
                .build();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A file (an Excel export), read to its end and counted, not kept: its status and its size in bytes. */
    long[] download(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = r.body()) {
            return new long[]{r.statusCode(), body.transferTo(java.io.OutputStream.nullOutputStream())};
        }
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
