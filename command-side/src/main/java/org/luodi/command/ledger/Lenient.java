package org.luodi.command.ledger;

import org.apache.poi.ss.usermodel.DateUtil;
import org.luodi.events.Departments;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;
import org.luodi.platform.reference.ReferenceData;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what people type into a 台账's cells: dates as Excel date cells or as 2024-05-20, 2024/5/20, 2024.5.20,
 * 2024年5月20日 (or 20240520); amounts as numbers, with thousands separators, with a unit after them or in the unit
 * column; 是/否 and their usual synonyms; a township, chain, department or source by its code or its Chinese name.
 * Anything else is a {@link CellError} with a Chinese message for that cell.
 */
final class Lenient {
    private static final java.math.MathContext EXCEL_PRECISION = new java.math.MathContext(15);

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(\\s+\\d{1,2}:\\d{2}(:\\d{2})?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** What a township's name ends with and people leave out: compiled once, it is tried on every row. */
    private static final Pattern TOWNSHIP_SUFFIX = Pattern.compile("(镇|乡|街道|管理区|经济区|区)$");
    /** Excel's day 0 for serials from 61 on (1900-03-01): Excel counts a 1900-02-29 that never was. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern AMOUNT = Pattern.compile("([-+]?[0-9][0-9,，]*(\\.[0-9]+)?|[-+]?\\.[0-9]+)\\s*(.*)");
    private static final Pattern GROUPED = Pattern.compile("[-+]?[0-9]{1,3}([,，][0-9]{3})*(\\.[0-9]+)?");
    private static final Set<String> YES = Set.of("是", "是的", "y", "yes", "true", "1", "√", "✓", "✔", "对", "有");
    private static final Set<String> NO = Set.of("否", "不是", "n", "no", "false", "0", "×", "✗", "✘", "x", "错", "无");
    /** How many 万 of the base currency one unit is. */
    private static final Map<String, BigDecimal> UNITS = Map.of(
            "万元", BigDecimal.ONE, "万", BigDecimal.ONE, "亿元", new BigDecimal("10000"), "亿", new BigDecimal("10000"),
            "元", new BigDecimal("0.0001"), "万美元", BigDecimal.ONE, "美元", new BigDecimal("0.0001"));

    private Lenient() {
    }

    /** A cell's content as the reader found it: the text, or a number's exact digits; whether Excel shows a date. */
    record Value(String text, boolean numeric, boolean dateFormatted) {
        static Value text(String text) {
            return new Value(text, false, false);
        }

        boolean blank() {
            return text == null || text.isBlank();
        }

        /**
         * The cell for the preview: a number without the trailing zeros of the sheet's XML (12000.0); anything else
         * as it was written. (A date column shows its numbers as the dates they were read as.)
         */
        String shown() {
            return numeric && !blank() ? number(text).stripTrailingZeros().toPlainString() : text;
        }
    }

    /** The message for one cell that cannot be read. */
    static final class CellError extends RuntimeException {
        CellError(String message) {
            super(message, null, false, false);
        }
    }

    static LocalDate date(Value value) {
        String text = value.text().strip();
        if (value.numeric()) {
            double serial = number(text).doubleValue();
            if (value.dateFormatted() || (serial >= 36526 && serial < 73051 && serial == Math.floor(serial)
                    && !COMPACT_DATE.matcher(text).matches())) {
                // an Excel date (days since 1900, 36526 = 2000-01-01) shown as a date, or a whole number in the
                // range of this century's dates in a date column
                if (!DateUtil.isValidExcelDate(serial)) {
                    throw new CellError("不是有效的日期");
                }
                if (serial >= 61 && serial == Math.floor(serial)) {
                    return EXCEL_EPOCH.plusDays((long) serial); // what DateUtil answers, without its BigDecimal sums
                }
                return DateUtil.getLocalDateTime(serial).toLocalDate();
            }
        }
        Matcher m = DATE.matcher(text);
        if (m.matches()) {
            return of(m.group(1), m.group(2), m.group(3), text);
        }
        m = COMPACT_DATE.matcher(text);
        if (m.matches()) {
            return of(m.group(1), m.group(2), m.group(3), text);
        }
        throw new CellError("无法识别的日期「" + shown(text) + "」，请写作 2024-05-20、2024/5/20、2024.5.20 或 2024年5月20日");
    }

    private static LocalDate of(String year, String month, String day, String text) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new CellError("日期「" + shown(text) + "」不存在");
        }
    }

    /**
     * An amount in 万 of its currency. {@code unit} is the unit a unit column or the header names (null: 万元 or
     * 万美元); a unit written after the number wins over it.
     */
    static BigDecimal amount(Value value, String unit) {
        String text = value.text().strip().replace('\u00a0', ' ');
        BigDecimal number;
        String written = null;
        if (value.numeric()) {
            // the file holds a double's 17 digits; Excel keeps and shows 15, the rest is binary noise
            // (12000 × 1.2 is 14400.000000000002) that would otherwise fail the 6-decimal rule
            number = number(text).round(EXCEL_PRECISION).stripTrailingZeros();
        } else {
            Matcher m = AMOUNT.matcher(text.replace("，", ","));
            if (!m.matches()) {
                throw new CellError("无法识别的金额「" + shown(text) + "」，请填数字（如 12000 或 1,200.5），单位默认万元");
            }
            String digits = m.group(1);
            if (digits.contains(",") && !GROUPED.matcher(digits).matches()) {
                throw new CellError("金额「" + shown(text) + "」的千分位逗号位置不对");
            }
            number = number(digits.replace(",", ""));
            written = m.group(3).strip();
            if (written.isEmpty()) {
                written = null;
            }
        }
        String effective = written != null ? written : unit;
        if (effective == null) {
            return number;
        }
        BigDecimal factor = UNITS.get(effective.strip());
        if (factor == null) {
            throw new CellError("无法识别的金额单位「" + shown(effective) + "」，可用：万元、亿元、元、万美元、美元");
        }
        return number.multiply(factor).stripTrailingZeros();
    }

    /** A unit cell: one of 万元, 亿元, 元, 万美元, 美元 (万 is 万元). */
    static String unit(Value value) {
        String text = value.text().strip();
        if (!UNITS.containsKey(text)) {
            throw new CellError("无法识别的金额单位「" + shown(text) + "」，可用：万元、亿元、元、万美元、美元");
        }
        return "万".equals(text) ? "万元" : text;
    }

    static boolean usd(String unit) {
        return unit != null && unit.endsWith("美元");
    }

    static boolean yesNo(Value value) {
        String text = value.text().strip().toLowerCase(Locale.ROOT);
        if (YES.contains(text)) {
            return true;
        }
        if (NO.contains(text)) {
            return false;
        }
        throw new CellError("请填「是」或「否」，而不是「" + shown(value.text()) + "」");
    }

    static String township(ReferenceData reference, Value value) {
        String text = value.text().strip();
        for (ReferenceData.Township t : reference.townships()) {
            if (t.code().equalsIgnoreCase(text) || t.name().equals(text)
                    || java.util.Arrays.asList(t.name().split("·")).contains(text)
                    || shortName(t.name()).equals(text)) {
                return t.code();
            }
        }
        throw new CellError("未知的乡镇「" + shown(text) + "」，请填乡镇的名称（如 陈贵镇）或代码（如 chengui）");
    }

    /** 陈贵镇 → 陈贵, 金湖街道 → 金湖, 高新区 → 高新; names of one character are left whole. */
    private static String shortName(String name) {
        String stripped = TOWNSHIP_SUFFIX.matcher(name).replaceAll("");
        return stripped.length() >= 2 ? stripped : name;
    }

    static String chain(ReferenceData reference, Value value) {
        String text = value.text().strip();
        for (ReferenceData.IndustryChain c : reference.chains()) {
            if (c.code().equalsIgnoreCase(text) || c.name().equals(text) || (c.name() + "产业").equals(text)
                    || (c.name() + "产业链").equals(text)) {
                return c.code();
            }
        }
        throw new CellError("未知的产业链「" + shown(text) + "」，请填产业链的名称（如 新材料）或代码");
    }

    static String department(Value value) {
        String code = Departments.codeOf(value.text());
        if (code == null) {
            throw new CellError("未知的引荐单位「" + shown(value.text()) + "」，请填附件2 中的单位名称或代码");
        }
        return code;
    }

    static SourceRegion source(Value value) {
        String text = value.text().strip();
        for (SourceRegion region : SourceRegion.values()) {
            if (region.name().equalsIgnoreCase(text) || region.label().equals(text)) {
                return region;
            }
        }
        return switch (text) {
            case "本省", "湖北", "湖北省", "省内资金" -> SourceRegion.IN_PROVINCE;
            case "外省", "国内省外", "省外资金" -> SourceRegion.OUT_OF_PROVINCE;
            case "国外", "外资", "海外", "境外资金" -> SourceRegion.FOREIGN;
            default -> throw new CellError("未知的来源「" + shown(text) + "」，请填 省内、省外 或 境外");
        };
    }

    static StartKind startKind(Value value) {
        String text = value.text().strip();
        for (StartKind kind : StartKind.values()) {
            if (kind.name().equalsIgnoreCase(text) || kind.label().equals(text)) {
                return kind;
            }
        }
        return switch (text) {
            case "新开工", "新建项目" -> StartKind.NEW;
            case "复工", "续建", "复工续建", "续建项目" -> StartKind.RESUMED;
            default -> throw new CellError("未知的开工类型「" + shown(text) + "」，请填 新建 或 复工/续建");
        };
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new CellError("不是数字「" + shown(text) + "」");
        }
    }

    /** At most 40 characters of what the cell said, for the message. */
    static String shown(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
