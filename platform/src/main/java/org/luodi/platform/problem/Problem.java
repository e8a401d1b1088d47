package org.luodi.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The body of every refusal, {@code application/problem+json} (RFC 9457): {@code type}, a Chinese {@code title}
 * for the status, {@code status}, a Chinese {@code detail} shown to people as it is, the stable {@code code} a
 * program decides by, and for bad input {@code errors: [{field, message}]}. An implausible amount adds
 * {@code check} (which rule it tripped) and {@code confirm} (the field that confirms it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "code", "errors", "check", "confirm"})
public record Problem(String type, String title, int status, String detail, String code, List<FieldProblem> errors,
                      String check, String confirm) {
    public static final String ABOUT_BLANK = "about:blank";

    public static Problem of(ErrorCode code, String detail) {
        return of(code.status(), code, detail);
    }

    /** For a status the code stands for among others (a 402 is {@link ErrorCode#REQUEST_REFUSED} too). */
    public static Problem of(int status, ErrorCode code, String detail) {
        return new Problem(ABOUT_BLANK, title(status), status, detail, code.code(), null, null, null);
    }

    /** Nothing more precise to say than what the code means. */
    public static Problem of(ErrorCode code) {
        return of(code, code.meaning());
    }

    /**
     * A 400 naming the wrong fields; the detail joins them, so that a client that reads only {@code detail} still
     * learns every one. Field null: the request as a whole is wrong.
     */
    public static Problem invalid(ErrorCode code, List<FieldProblem> errors) {
        String detail = errors.stream().map(e -> e.field() == null ? e.message() : e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
        return of(code, detail.isEmpty() ? code.meaning() : detail).withErrors(errors);
    }

    public Problem withErrors(List<FieldProblem> errors) {
        return new Problem(type, title, status, detail, code, List.copyOf(errors), check, confirm);
    }

    public Problem withCheck(String type, String check, String confirm) {
        return new Problem(type, title, status, detail, code, errors, check, confirm);
    }

    /** The title of a status, in Chinese like everything a person reads. */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "需要登录";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "请求方法不支持";
            case 406 -> "无法提供所需格式";
            case 408 -> "请求超时";
            case 409 -> "与现有记录冲突";
            case 413 -> "请求内容过大";
            case 414 -> "地址过长";
            case 415 -> "内容类型不支持";
            case 431 -> "请求头过大";
            case 501 -> "不支持的请求方式";
            case 503 -> "服务暂不可用";
            case 505 -> "HTTP 版本不支持";
            default -> status >= 500 ? "服务器错误" : "请求无法处理";
        };
    }
}
