package org.luodi.query.stats;

import org.luodi.query.project.ProjectSums;
import org.luodi.query.targets.UnitKind;

/**
 * The rows of the statistics: one per township (乡镇), one per industry chain (产业链), or one per department (部门单位,
 * 附件2) over the projects credited to it as 引荐单位.
 */
public enum GroupBy {
    TOWNSHIP("township", ProjectSums.Unit.TOWNSHIP, UnitKind.TOWNSHIP),
    CHAIN("chain", ProjectSums.Unit.CHAIN, UnitKind.CHAIN),
    DEPARTMENT("department", ProjectSums.Unit.DEPARTMENT, UnitKind.DEPARTMENT);

    private final String code;
    private final ProjectSums.Unit unit;
    private final UnitKind unitKind;

    GroupBy(String code, ProjectSums.Unit unit, UnitKind unitKind) {
        this.code = code;
        this.unit = unit;
        this.unitKind = unitKind;
    }

    /** As the {@code groupBy} parameter and answer spell it. */
    public String code() {
        return code;
    }

    /** What the project read model sums per row. */
    ProjectSums.Unit unit() {
        return unit;
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
