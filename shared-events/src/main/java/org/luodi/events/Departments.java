package org.luodi.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The departments and financial institutions of 附件2 (reference/departments-daye.csv), the units credited as
 * 引荐单位. Here in shared-events because both sides and the upcaster of {@link ProjectSigned} need them.
 */
public final class Departments {
    /** One unit: a stable code, its name in the seed, its kind (party-government, state-investment, financial). */
    public record Department(String code, String name, String kind) {

        /** The kind as people say it: 市直部门, 国有投融资公司 (鄂东基金 among them), 金融机构 (seed 000 lines 58, 84). */
        public String kindName() {
            return switch (kind) {
                case "party-government" -> "市直部门";
                case "state-investment" -> "国有投融资公司";
                case "financial" -> "金融机构";
                default -> kind;
            };
        }
    }

    private static final Map<String, Department> BY_CODE = read();
    private static final Map<String, String> CODE_BY_NAME = byName();

    private Departments() {
    }

    /** In file order, which is the order of the seed's 附件2 table. */
    public static List<Department> all() {
        return List.copyOf(BY_CODE.values());
    }

    public static boolean isDepartment(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    public static Department of(String code) {
        return code == null ? null : BY_CODE.get(code);
    }

    /** The unit's name, or null for a code that names none. */
    public static String nameOf(String code) {
        Department department = of(code);
        return department == null ? null : department.name();
    }

    /**
     * The code a person's text names, or null: the code itself, or the unit's name as the seed writes it, compared
     * without spaces and with full-width parentheses as half-width ones ("市委党校（市行政学校…）").
     */
    public static String codeOf(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return BY_CODE.containsKey(stripped) ? stripped : CODE_BY_NAME.get(normalised(stripped));
    }

    private static String normalised(String name) {
        return name.replaceAll("\\s+", "").replace('（', '(').replace('）', ')');
    }

    private static Map<String, Department> read() {
        Map<String, Department> units = new LinkedHashMap<>();
        ReferenceCsv.read("reference/departments-daye.csv").rows()
                .forEach(row -> units.put(row[0], new Department(row[0], row[1], row[2])));
        return Collections.unmodifiableMap(units);
    }

    private static Map<String, String> byName() {
        Map<String, String> codes = new LinkedHashMap<>();
        BY_CODE.values().forEach(d -> codes.put(normalised(d.name()), d.code()));
        return Collections.unmodifiableMap(codes);
    }
}
