package org.luodi.query.alert;

/** 预警 at five months unstarted, 逾期未开工 at six (both configurable); declared from the lower level up. */
public enum AlertLevel {
    WARNING("预警"), OVERDUE("逾期未开工");

    private final String label;

    AlertLevel(String label) {
        this.label = label;
    }

    /** The level as a township clerk reads it. */
    public String label() {
        return label;
    }

    public int months(AlertProperties thresholds) {
        return this == WARNING ? thresholds.warningMonths() : thresholds.overdueMonths();
    }
}
