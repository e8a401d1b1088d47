package org.luodi.query.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code luodi.notify}: where the links in a message point ({@code baseUrl}, the web UI's address as offices reach
 * it), which hosts a robot's URL may name ({@code allowedHosts}: 企业微信's and 钉钉's by default, so that a robot can
 * never make the server call into the county's own network), how often the worker looks for due messages, how long a
 * post may take, how often a failed one is tried ({@code maxAttempts}, with a backoff that doubles from
 * {@code firstRetry}), and on which day of a month the previous month's bulletin is announced ({@code bulletinDay}).
 */
@ConfigurationProperties("luodi.notify")
public record NotifyProperties(String baseUrl, List<String> allowedHosts, Duration pollInterval, Duration timeout,
                               Integer maxAttempts, Duration firstRetry, Integer bulletinDay) {
    public NotifyProperties {
        baseUrl = baseUrl == null ? "http://localhost:8082" : baseUrl.replaceAll("/+$", "");
        allowedHosts = allowedHosts == null ? List.of("qyapi.weixin.qq.com", "oapi.dingtalk.com") : allowedHosts;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        bulletinDay = bulletinDay == null ? 1 : bulletinDay;
        if (bulletinDay < 1 || bulletinDay > 28) {
            throw new IllegalArgumentException("luodi.notify.bulletin-day must be 1–28, not " + bulletinDay);
        }
    }
}
