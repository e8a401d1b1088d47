package org.luodi.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a problem+json answer where no controller is involved (security, the body size filter, the servlet
 * container's error page and Tomcat's error report).
 */
public final class ProblemResponses {
    public static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json(status.value(), detail).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"type":"about:blank","status":…,"title":…,"detail":…}}. */
    public static String json(int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("status", status);
        problem.put("title", title(status));
        problem.put("detail", detail);
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The title of a problem: the status's reason phrase, except where a person meets it while finding their way
     * (an address that does not exist), which reads in Chinese.
     */
    public static String title(int status) {
        if (status == HttpStatus.NOT_FOUND.value()) {
            return "未找到 (Not Found)";
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** A plain word for a status when nothing more precise can be said (no exception text, ever). */
    public static String detailFor(int status) {
        return switch (status) {
            case 400 -> "请求格式不正确 (malformed request)";
            case 401 -> "请先登录 (authentication required)";
            case 403 -> "无权执行此操作 (not allowed)";
            case 404 -> "没有这个地址 (no such resource)";
            case 405 -> "不支持该请求方法 (method not allowed)";
            case 408 -> "请求超时 (request timeout)";
            case 413 -> "请求内容过大 (request too large)";
            case 414 -> "地址过长 (URI too long)";
            case 431 -> "请求头过大 (request header fields too large)";
            case 501 -> "不支持的请求方式或传输编码 (not implemented)";
            case 503 -> "服务暂不可用，请稍后重试 (service unavailable)";
            case 505 -> "不支持的 HTTP 版本 (HTTP version not supported)";
            default -> status >= 500 ? "服务器内部错误 (internal error)" : "请求无法处理 (request refused)";
        };
    }
}
