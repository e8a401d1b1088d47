package org.luodi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.luodi.platform.problem.InvalidInputException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Checks every request that reaches a handler (so after authentication: nobody learns more than a 401) before the
 * handler runs:
 * <ul>
 *   <li>the query string decodes as UTF-8 and holds no control character: a NUL reached PostgreSQL, which refused
 *       it with a server error (400, naming the parameter);</li>
 *   <li>a request body's {@code Content-Type} is a concrete, parseable type with a known charset: a wildcard made
 *       Spring throw while reading the body (415);</li>
 *   <li>a command's {@code Accept} admits JSON: otherwise the command was recorded and only then refused with a
 *       406, so the client saw a failure for something that had happened and would send it again;</li>
 *   <li>an {@code Idempotency-Key} is 1–200 visible ASCII characters (see {@link #checkIdempotencyKey}).</li>
 * </ul>
 */
public class RequestHygiene implements HandlerInterceptor {
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        checkQuery(request.getQueryString());
        if (WITH_BODY.contains(request.getMethod())) {
            checkContentType(request.getContentType());
            checkAccept(request.getHeader("Accept"));
            checkIdempotencyKey(request.getHeader(IDEMPOTENCY_KEY));
        }
        return true;
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * SPEC §7's Idempotency-Key, 1–200 visible ASCII characters, checked on every side before anything runs: a side
     * that forwards the request (the query side's command proxy) must not pass on a key the command side would
     * refuse, and an HTTP client turns characters beyond ASCII into '?', so two different keys would arrive as one.
     */
    static void checkIdempotencyKey(String key) {
        if (key != null && (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127))) {
            throw new InvalidInputException(IDEMPOTENCY_KEY,
                    "须为 1–200 个可见 ASCII 字符");
        }
    }

    static void checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName);
            if (name == null || !clean(name)) {
                throw new InvalidInputException("query", "查询参数名含有无效字符");
            }
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (value == null || !clean(value)) {
                throw new InvalidInputException(name, "含有无效字符或编码");
            }
        }
    }

    /** Percent-decodes strictly: broken escapes or bytes that are not UTF-8 give null. */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 128) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean clean(String text) {
        return text.chars().noneMatch(c -> Character.isISOControl(c) || c == '\uFFFD');
    }

    private static void checkContentType(String contentType) throws HttpMediaTypeNotSupportedException {
        if (contentType == null) {
            return;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                throw new HttpMediaTypeNotSupportedException("Content-Type must be concrete");
            }
            String charset = type.getParameter("charset");
            if (charset != null && !Charset.isSupported(charset.replace("\"", ""))) {
                throw new HttpMediaTypeNotSupportedException("unknown charset");
            }
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException, IllegalCharsetNameException
            throw new HttpMediaTypeNotSupportedException("Content-Type cannot be read");
        }
    }

    private static void checkAccept(String accept) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) {
            return;
        }
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException(ANSWERS);
        }
        boolean json = wanted.isEmpty() || wanted.stream().anyMatch(w -> ANSWERS.stream().anyMatch(w::isCompatibleWith));
        if (!json) {
            throw new HttpMediaTypeNotAcceptableException(ANSWERS);
        }
    }
}
