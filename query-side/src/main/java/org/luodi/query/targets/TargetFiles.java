package org.luodi.query.targets;

import org.luodi.events.ReferenceCsv;
import org.luodi.platform.reference.ReferenceData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            Map.entry("registered_count", new Column(Indicator.REGISTERED_COUNT, false)),
            Map.entry("started_stored_above_1yi_count", new Column(Indicator.STARTED_STORED_COUNT, false)),
            Map.entry("started_stored_planned_yi", new Column(Indicator.STARTED_STORED_PLANNED, true)),
            Map.entry("domestic_funds_yi", new Column(Indicator.DOMESTIC_TOTAL, true)),
            Map.entry("out_of_province_funds_yi", new Column(Indicator.DOMESTIC_OUT_OF_PROVINCE, true)),
            Map.entry("foreign_oriented_entities", new Column(Indicator.FOREIGN_ORIENTED_ENTITIES, false)),
            Map.entry("new_foreign_enterprises", new Column(Indicator.NEW_FOREIGN_ENTERPRISES, false)),
            Map.entry("foreign_capital_usd_wan", new Column(Indicator.FOREIGN_USD, false)));
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
        List<String[]> lines = read(resource);
        String[] header = lines.get(0);
        List<FileTarget> targets = new ArrayList<>();
        for (String[] row : lines.subList(1, lines.size())) {
            String township = row[0];
            if (!reference.isTownship(township)) {
                throw new IllegalStateException(resource + ": unknown township " + township);
            }
            for (int i = 1; i < header.length; i++) {
                Column column = TOWNSHIP_COLUMNS.get(header[i]);
                if (column == null) {
                    throw new IllegalStateException(resource + ": unknown column " + header[i]);
                }
                BigDecimal value = number(row[i], column.inYi(), resource);
                if (value != null) {
                    targets.add(new FileTarget(year, UnitKind.TOWNSHIP, township, column.indicator(), value));
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
