package org.luodi.query.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * A notice as each platform's group robot reads it: both take markdown. 企业微信: {@code {"msgtype":"markdown",
 * "markdown":{"content":…}}}. 钉钉: {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}, and a robot with
 * 加签 wants {@code &timestamp=…&sign=…} on its URL, the sign being Base64(HMAC-SHA256(secret, timestamp + "\n" +
 * secret)), URL-encoded (钉钉's 自定义机器人安全设置).
 */
final class RobotMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RobotMessages() {
    }

    static String body(Platform platform, String title, String text, String link) {
        String markdown = "**" + title + "**\n\n" + text + (link == null ? "" : "\n\n[在落地中查看](" + link + ")");
        ObjectNode body = JSON.createObjectNode().put("msgtype", "markdown");
        ObjectNode content = body.putObject("markdown");
        if (platform == Platform.WECOM) {
            content.put("content", markdown);
        } else {
            content.put("title", title).put("text", markdown);
        }
        return body.toString();
    }

    /** The URL to post to at {@code epochMillis}: as configured, plus the signature where the robot has a secret. */
    static String url(Platform platform, String url, String secret, long epochMillis) {
        if (platform != Platform.DINGTALK || secret == null) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + epochMillis + "&sign="
                + URLEncoder.encode(sign(secret, epochMillis), StandardCharsets.UTF_8);
    }

    static String sign(String secret, long epochMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((epochMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
