package org.luodi.query.notify;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Each platform's message format, and 钉钉's 加签 recomputed here from its documented recipe. */
class RobotMessagesTest {

    @Test
    void weComTakesMarkdownContentAndDingTalkATitleAndText() {
        assertThat(RobotMessages.body(Platform.WECOM, "【红色预警】逾期未开工", "高新区「铜箔项目」签约已满6个月仍未开工",
                "http://luodi/#/project/1")).isEqualTo("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":"
                + "\"**【红色预警】逾期未开工**\\n\\n高新区「铜箔项目」签约已满6个月仍未开工\\n\\n[在落地中查看](http://luodi/#/project/1)\"}}");
        assertThat(RobotMessages.body(Platform.DINGTALK, "通报", "已生成", null)).isEqualTo(
                "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"通报\",\"text\":\"**通报**\\n\\n已生成\"}}");
    }

    @Test
    void aDingTalkRobotWithASecretGetsTheTimestampAndTheSignatureOnItsUrl() throws Exception {
        String secret = "SEC0123456789abcdef";
        long at = 1_733_450_000_000L;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((at + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        assertThat(RobotMessages.sign(secret, at)).isEqualTo(expected);

        String url = RobotMessages.url(Platform.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=abc", secret, at);
        String prefix = "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=" + at + "&sign=";
        assertThat(url).startsWith(prefix);
        String sign = url.substring(prefix.length());
        assertThat(sign).doesNotContain("+", "/", "="); // Base64's own characters, URL-encoded
        assertThat(URLDecoder.decode(sign, StandardCharsets.UTF_8)).isEqualTo(expected);
        // a 企业微信 robot, or a 钉钉 robot without 加签, is posted to as configured
        assertThat(RobotMessages.url(Platform.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null, at))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k");
        assertThat(RobotMessages.url(Platform.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=a", null, at))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=a");
    }
}
