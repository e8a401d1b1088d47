package org.luodi.query.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code luodi.alerts.push}: how often the sweep looks whether the clock's date changed (or a sweep is due because
 * the projection changed a project, or the last one had to wait for a read model to catch up), how often each
 * instance looks for announcements written by another instance, the heartbeat that keeps idle streams open through
 * proxies, and how long one stream lasts before the client reconnects (with Last-Event-ID, losing nothing).
 */
@ConfigurationProperties("luodi.alerts.push")
public record AlertPushProperties(Duration checkInterval, Duration pollInterval, Duration heartbeat,
                                  Duration streamTimeout) {
    public AlertPushProperties {
        checkInterval = checkInterval == null ? Duration.ofSeconds(1) : checkInterval;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(20) : heartbeat;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
    }
}
