package org.luodi.query.alert;

/** 预警 at five months unstarted, 逾期未开工 at six (both configurable). */
public enum AlertLevel {
    WARNING, OVERDUE
}
