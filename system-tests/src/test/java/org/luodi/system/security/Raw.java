package org.luodi.system.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Requests written byte by byte, for what the JDK's client refuses to send (raw UTF-8 in headers, bad URLs). */
final class Raw {
    private Raw() {
    }

    static Http.Answer send(String baseUrl, String method, String path, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.UTF_8));
        // header bytes as the value's characters when they fit in one byte each (what HTTP/1.1 carries), else UTF-8
        headers.forEach((name, value) -> {
            String line = name + ": " + value + "\r\n";
            boolean latin1 = line.chars().allMatch(c -> c <= 0xFF);
            request.writeBytes(line.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        });
        if (body != null) {
            request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            request.writeBytes(body);
        }
        Http.Answer answer = Http.raw(baseUrl, request.toByteArray());
        return answer == null ? new Http.Answer(-1, Map.of(), new byte[0]) : answer;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
