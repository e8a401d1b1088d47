package org.luodi.system.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The security tests' HTTP client: loopback only, every call bounded in time. {@link #send} goes through the JDK
 * client (well-formed HTTP); {@link #raw} writes bytes on a socket for what no well-behaved client sends.
 */
final class Http {
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {
    }

    /** One answer: status, headers (lower-case names) and at most 4 MiB of body; streams are cut at once. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        String contentType() {
            List<String> values = headers.get("content-type");
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean isProblem() {
            String type = contentType();
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        boolean isStream() {
            String type = contentType();
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
        }

        @Override
        public String toString() {
            String text = isStream() ? "(event stream)" : text();
            return status + " " + contentType() + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A demo account: the password equals the username (SPEC §8). */
    static String demo(String username) {
        return basic(username, username);
    }

    static Answer get(String url, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return send("GET", url, headers, null);
    }

    static Answer postJson(String url, String authorization, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        headers.put("Content-Type", "application/json");
        return send("POST", url, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    static Answer send(String method, String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            Map<String, List<String>> names = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> names.put(k.toLowerCase(Locale.ROOT), v));
            try (InputStream in = response.body()) {
                boolean stream = names.getOrDefault("content-type", List.of("")).get(0).startsWith("text/event-stream");
                return new Answer(response.statusCode(), names, stream ? new byte[0] : in.readNBytes(MAX_BODY));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What an event stream sends within {@code listen} (the connection is then dropped), as text. */
    static String stream(String url, String authorization, Duration listen) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "text/event-stream").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream in = response.body()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (received) {
                        received.write(buffer, 0, n);
                    }
                }
            } catch (IOException closed) {
                // dropped below
            }
        });
        reader.setDaemon(true);
        reader.start();
        reader.join(listen.toMillis());
        response.body().close();
        reader.interrupt();
        synchronized (received) {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Writes {@code request} as it is on a fresh connection and reads the answer until the server closes it (the
     * request should say {@code Connection: close}) or 10 s pass. Null when the server closed without answering.
     */
    static Answer raw(String baseUrl, byte[] request) {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", uri.getPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedWhileWriting) {
                // the server may answer (and close) before it read everything; read what it said
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            try {
                int n;
                while (System.nanoTime() < deadline && (n = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                    if (received.size() > MAX_BODY) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException stopped) {
                // keep what arrived
            }
            return parse(received.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("raw request to " + baseUrl, e);
        }
    }

    private static Answer parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                headers.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
                chunked |= name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked");
            }
        }
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        return new Answer(status, headers, chunked ? unchunk(body) : body);
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOf(body, i);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(size, body.length - start));
            i = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
