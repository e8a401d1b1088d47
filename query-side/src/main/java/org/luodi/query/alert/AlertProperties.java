package org.luodi.query.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** SPEC §4's thresholds, in calendar months after signing: {@code luodi.alerts.warning-months} / {@code overdue-months}. */
@ConfigurationProperties("luodi.alerts")
public record AlertProperties(Integer warningMonths, Integer overdueMonths) {
    public AlertProperties {
        warningMonths = warningMonths == null ? 5 : warningMonths;
        overdueMonths = overdueMonths == null ? 6 : overdueMonths;
        // refuse to start rather than compute alerts nobody could explain
        if (warningMonths < 1 || overdueMonths < warningMonths) {
            throw new IllegalArgumentException("luodi.alerts: need 1 <= warning-months <= overdue-months, got "
                    + warningMonths + " and " + overdueMonths);
        }
    }
}
