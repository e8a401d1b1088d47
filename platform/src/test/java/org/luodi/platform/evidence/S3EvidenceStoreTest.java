package org.luodi.platform.evidence;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 store against a tiny S3 of its own on localhost (HEAD, PUT and GET of objects, path-style, as MinIO answers
 * them): what it sends and where, that the same bytes are put once, and that a missing object is empty, not an error.
 */
class S3EvidenceStoreTest {
    private static final String BUCKET = "luodi-evidence";

    private HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private S3EvidenceStore store;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        store = new S3EvidenceStore(EvidenceStoreConfig.s3Client(endpoint, "us-east-1", "luodi", "luodi-secret"),
                BUCKET);
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void aFileIsPutOnceUnderItsHashAndReadBack(@TempDir Path dir) throws Exception {
        byte[] bytes = "%PDF-1.4\n合同扫描件\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(bytes);
        Path file = Files.write(dir.resolve("upload.bin"), bytes);

        store.put(sha256, file, bytes.length);
        String path = "/" + BUCKET + "/evidence/" + sha256;
        assertThat(objects).containsOnlyKeys(path);
        assertThat(objects.get(path)).isEqualTo(bytes);
        assertThat(requests).containsExactly("HEAD " + path, "PUT " + path);
        assertThat(authorizations).allMatch(a -> a.startsWith("AWS4-HMAC-SHA256 Credential=luodi/"));

        store.put(sha256, file, bytes.length); // already held: looked at, not sent again
        assertThat(requests).containsExactly("HEAD " + path, "PUT " + path, "HEAD " + path);

        Optional<InputStream> read = store.open(sha256);
        assertThat(read).isPresent();
        try (InputStream in = read.get()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void aMissingObjectIsEmpty() throws Exception {
        assertThat(store.open("ab".repeat(32))).isEmpty();
        assertThat(requests).containsExactly("GET /" + BUCKET + "/evidence/" + "ab".repeat(32));
    }

    /** HEAD, PUT and GET of an object; 404 with S3's NoSuchKey for one not held. */
    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] held = objects.get(path);
        try (exchange) {
            switch (method) {
                case "PUT" -> {
                    objects.put(path, body(exchange));
                    exchange.getResponseHeaders().add("ETag", "\"stub\"");
                    exchange.sendResponseHeaders(200, -1);
                }
                case "HEAD" -> {
                    if (held != null) {
                        exchange.getResponseHeaders().add("Content-Length", String.valueOf(held.length));
                    }
                    exchange.sendResponseHeaders(held == null ? 404 : 200, -1);
                }
                case "GET" -> {
                    if (held == null) {
                        byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                                + "<Message>The specified key does not exist.</Message></Error>")
                                .getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/xml");
                        exchange.sendResponseHeaders(404, error.length);
                        exchange.getResponseBody().write(error);
                    } else {
                        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                        exchange.sendResponseHeaders(200, held.length);
                        exchange.getResponseBody().write(held);
                    }
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    /** The object's bytes: as sent, or decoded from aws-chunked (size;chunk-signature=…\r\n bytes \r\n … 0 …). */
    private static byte[] body(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        if (sha == null || !sha.startsWith("STREAMING-")) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int end = indexOfCrLf(raw, at);
            String header = new String(raw, at, end - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(raw, end + 2, size);
            at = end + 2 + size + 2;
        }
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no chunk header at " + from);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
