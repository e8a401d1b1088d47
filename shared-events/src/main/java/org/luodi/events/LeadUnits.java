package org.luodi.events;

import java.math.BigDecimal;

/**
 * The units that report leads (项目信息): a township by its code, a department of 附件2 by its code
 * ({@link Departments}), or the 市招商服务中心 ({@link #CENTER}), whose staff sign in as supervisors. The codes never
 * collide: townships are words, departments {@code deptNN}.
 */
public final class LeadUnits {
    /** The 市招商服务中心: leads recorded by a supervisor are its own. */
    public static final String CENTER = "center";
    public static final String CENTER_NAME = "市招商服务中心";
    /**
     * 5亿 (50,000 万元): a lead expected at or above it signs only after a passed 签约前评审 (seed 001 lines 462-472,
     * "三重一大").
     */
    public static final BigDecimal REVIEW_THRESHOLD_WAN = new BigDecimal("50000");

    private LeadUnits() {
    }

    /** The unit's name: the center, a department, or a township (by the name the caller gives for townships). */
    public static String nameOf(String unit, java.util.function.Function<String, String> townshipName) {
        if (unit == null) {
            return null;
        }
        if (CENTER.equals(unit)) {
            return CENTER_NAME;
        }
        String department = Departments.nameOf(unit);
        if (department != null) {
            return department;
        }
        String township = townshipName.apply(unit);
        return township == null ? unit : township;
    }
}
