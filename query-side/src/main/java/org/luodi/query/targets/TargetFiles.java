package org.luodi.query.targets;

import org.luodi.events.ReferenceCsv;
import org.luodi.platform.reference.ReferenceData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the target files shipped in {@code reference/}. Their columns are named after the seed's 附件1 table and
 * hold 亿元 where the name ends in {@code _yi}; targets are kept in 万元 (1 亿 = 10,000 万). A blank cell (the
 * seed's "/") is no target. An unknown column or unit code stops the start: a silently ignored target would be
 * worse than none.
 */
final class TargetFiles {
    private static final BigDecimal WAN_PER_YI = BigDecimal.valueOf(10_000);

    /** Township file column → indicator, and whether the column is in 亿元. */
    private static final Map<String, Column> TOWNSHIP_COLUMNS = Map.ofEntries(
            Map.entry("signed_above_1yi_count", new Column(Indicator.SIGNED_COUNT, false)),
            Map.entry("signed_above_1yi_amount_yi", new Column(Indicator.SIGNED_AMOUNT, true)),
            Map.entry("industrial_min_count", new Column(Indicator.SIGNED_INDUSTRIAL_COUNT, false)),
            Map.entry("above_100yi_count", new Column(Indicator.SIGNED_ABOVE_100YI, false)),
            Map.entry("from_50_to_100yi_count", new Column(Indicator.SIGNED_50_TO_100YI, false)),
            Map.entry("from_10_to_50yi_count", new Column(Indicator.SIGNED_10_TO_50YI, false)),
            Map.entry("above_10yi_count", new Column(Indicator.SIGNED_ABOVE_10YI, false)),
            Map.entry("above_5yi_count", new Column(Indicator.SIGNED_ABOVE_5YI, false)),
            Map.entry("registered_count", new Column(Indicator.REGISTERED_COUNT, false)),
            Map.entry("started_stored_above_1yi_count", new Column(Indicator.STARTED_STORED_COUNT, false)),
            Map.entry("started_stored_planned_yi", new Column(Indicator.STARTED_STORED_PLANNED, true)),
            Map.entry("domestic_funds_yi", new Column(Indicator.DOMESTIC_TOTAL, true)),
            Map.entry("out_of_province_funds_yi", new Column(Indicator.DOMESTIC_OUT_OF_PROVINCE, true)),
            Map.entry("foreign_oriented_entities", new Column(Indicator.FOREIGN_ORIENTED_ENTITIES, false)),
            Map.entry("new_foreign_enterprises", new Column(Indicator.NEW_FOREIGN_ENTERPRISES, false)),
            Map.entry("foreign_capital_usd_wan", new Column(Indicator.FOREIGN_USD, false)),
            Map.entry("new_start_count", new Column(Indicator.NEW_STARTS_COUNT, false)),
            Map.entry("new_start_planned_yi", new Column(Indicator.NEW_STARTS_PLANNED, true)),
            Map.entry("new_start_above_1yi_count", new Column(Indicator.NEW_STARTS_ABOVE_1YI, false)),
            Map.entry("production_count", new Column(Indicator.IN_PRODUCTION_COUNT, false)),
            Map.entry("production_planned_yi", new Column(Indicator.IN_PRODUCTION_PLANNED, true)));
    /**
     * Department file column → indicator (附件2: 新签约项目, 签约额, 新开工入库项目), counted as for townships, among the
     * projects of 1 亿元 and more credited to the department. Two columns are the seed's words kept for people and
     * measured by nothing yet: {@code fund_wan} (the four state investment companies' 出资 8000 万元基金, a
     * contribution to a fund that no project event records) and {@code foreign_projects_only} (市商务局's signing is a
     * foreign project). {@code signed_amount_usd_wan} (市商务局's 700 万美元) is measured as the foreign capital that
     * arrives for its credited projects, since Luodi keeps contract amounts in 万元 only.
     */
    private static final Map<String, Column> DEPARTMENT_COLUMNS = Map.of(
            "signed_count", new Column(Indicator.SIGNED_COUNT, false),
            "signed_amount_yi", new Column(Indicator.SIGNED_AMOUNT, true),
            "started_stored_count", new Column(Indicator.STARTED_STORED_COUNT, false),
            "signed_amount_usd_wan", new Column(Indicator.FOREIGN_USD, false));
    private static final List<String> DEPARTMENT_COLUMNS_NOT_MEASURED = List.of("fund_wan", "foreign_projects_only");
    private static final Pattern CHAIN_SIGNING = Pattern.compile("signing_target_(\\d{4})");
    private static final Pattern CHAIN_AMOUNT = Pattern.compile("amount_target_(\\d{4})_yi");

    private record Column(Indicator indicator, boolean inYi) {
    }

    /** One target as a file states it. */
    record FileTarget(int year, UnitKind kind, String unitCode, Indicator indicator, BigDecimal value) {
    }

    private TargetFiles() {
    }

    static List<FileTarget> townshipTargets(int year, String resource, ReferenceData reference) {
        return unitTargets(year, resource, UnitKind.TOWNSHIP, reference::isTownship, TOWNSHIP_COLUMNS, List.of());
    }

    static List<FileTarget> departmentTargets(int year, String resource, ReferenceData reference) {
        return unitTargets(year, resource, UnitKind.DEPARTMENT, reference::isDepartment, DEPARTMENT_COLUMNS,
                DEPARTMENT_COLUMNS_NOT_MEASURED);
    }

    /** A file with one unit per row (its code first) and one indicator per column, for one year. */
    private static List<FileTarget> unitTargets(int year, String resource, UnitKind kind, Predicate<String> known,
                                                Map<String, Column> columns, List<String> notMeasured) {
        List<String[]> lines = read(resource);
        String[] header = lines.get(0);
        List<FileTarget> targets = new ArrayList<>();
        for (String[] row : lines.subList(1, lines.size())) {
            String unit = row[0];
            if (!known.test(unit)) {
                throw new IllegalStateException(resource + ": unknown " + kind.code() + " " + unit);
            }
            for (int i = 1; i < header.length; i++) {
                if (notMeasured.contains(header[i])) {
                    continue;
                }
                Column column = columns.get(header[i]);
                if (column == null) {
                    throw new IllegalStateException(resource + ": unknown column " + header[i]);
                }
                BigDecimal value = number(row[i], column.inYi(), resource);
                if (value != null) {
                    targets.add(new FileTarget(year, kind, unit, column.indicator(), value));
                }
            }
        }
        return targets;
    }

    /** The chain file's target columns; its other columns (code, name, kind of chain) are not targets. */
    static List<FileTarget> chainTargets(String resource, ReferenceData reference) {
        List<String[]> lines = read(resource);
        String[] header = lines.get(0);
        List<FileTarget> targets = new ArrayList<>();
        for (String[] row : lines.subList(1, lines.size())) {
            String chain = row[0];
            if (!reference.isIndustryChain(chain)) {
                throw new IllegalStateException(resource + ": unknown industry chain " + chain);
            }
            for (int i = 1; i < header.length; i++) {
                Matcher signing = CHAIN_SIGNING.matcher(header[i]);
                Matcher amount = CHAIN_AMOUNT.matcher(header[i]);
                FileTarget target = null;
                if (signing.matches()) {
                    BigDecimal value = number(row[i], false, resource);
                    target = value == null ? null : new FileTarget(Integer.parseInt(signing.group(1)),
                            UnitKind.CHAIN, chain, Indicator.SIGNED_COUNT, value);
                } else if (amount.matches()) {
                    BigDecimal value = number(row[i], true, resource);
                    target = value == null ? null : new FileTarget(Integer.parseInt(amount.group(1)),
                            UnitKind.CHAIN, chain, Indicator.SIGNED_AMOUNT, value);
                }
                if (target != null) {
                    targets.add(target);
                }
            }
        }
        return targets;
    }

    private static BigDecimal number(String cell, boolean inYi, String resource) {
        if (cell == null || cell.isBlank() || cell.strip().equals("/")) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(cell.strip());
            return inYi ? value.multiply(WAN_PER_YI) : value;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(resource + ": not a number: " + cell, e);
        }
    }

    /** The header and then the rows, each cell stripped. */
    private static List<String[]> read(String resource) {
        ReferenceCsv csv = ReferenceCsv.read(resource);
        List<String[]> lines = new ArrayList<>();
        lines.add(csv.header());
        lines.addAll(csv.rows());
        return lines;
    }
}
