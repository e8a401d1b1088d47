package org.luodi.query.stats;

import org.luodi.query.reference.UnitKind;

/** The rows of the statistics: one per township (乡镇) or one per industry chain (产业链). */
public enum GroupBy {
    TOWNSHIP("township", "township", UnitKind.TOWNSHIP),
    CHAIN("chain", "industry_chain", UnitKind.CHAIN);

    private final String code;
    private final String column;
    private final UnitKind unitKind;

    GroupBy(String code, String column, UnitKind unitKind) {
        this.code = code;
        this.column = column;
        this.unitKind = unitKind;
    }

    /** As the {@code groupBy} parameter and answer spell it. */
    public String code() {
        return code;
    }

    /** The column the rows are grouped by, in project_version and fund_arrival_version (a constant, not input). */
    String column() {
        return column;
    }

    public UnitKind unitKind() {
        return unitKind;
    }

    public static GroupBy of(String code) {
        for (GroupBy g : values()) {
            if (g.code.equals(code)) {
                return g;
            }
        }
        return null;
    }
}
