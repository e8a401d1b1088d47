package org.luodi.query.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** SPEC §4's thresholds, in calendar months after signing: {@code luodi.alerts.warning-months} / {@code overdue-months}. */
@ConfigurationProperties("luodi.alerts")
public record AlertProperties(Integer warningMonths, Integer overdueMonths) {
    public AlertProperties {
        warningMonths = warningMonths == null ? 5 : warningMonths;
        overdueMonths = overdueMonths == null ? 6 : overdueMonths;
    }
}
