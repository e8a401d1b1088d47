package org.luodi.query.warning;

/**
 * The cases of the warning ladder (#19; seed 001 lines 3405-3409, seed 000 line 392), each switched on or off and
 * given its thresholds in {@link WarningProperties}.
 */
public enum WarningRule {
    /** signed, not started (the stalled contract of SPEC §4, with a green step before its two levels) */
    STALLED_CONTRACT("签约未开工"),
    /** started, and since the start neither funds nor storage: 开工即停, or a 仪式开工 */
    STOPPED_AFTER_START("开工即停"),
    /** started and building (funds arrive), but not stored into the statistics */
    STORAGE_LAGGING("入库滞后"),
    /** long signed, and the funds arrived are far behind the contract */
    FUNDS_BEHIND("资金到位滞后");

    private final String label;

    WarningRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
