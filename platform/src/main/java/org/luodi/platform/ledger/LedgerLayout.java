package org.luodi.platform.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 台账's workbook layout (docs/ledger.md), one for the template, the export (query side) and the import (command
 * side): sheet {@value #PROJECTS} with one row per project, sheet {@value #FUNDS} with one row per 到位资金. Each
 * column has its Chinese header as written, the other headers offices use for it (read as the same column), and
 * whether a row needs it. A header may carry its unit in brackets, e.g. 合同金额（亿元）.
 */
public final class LedgerLayout {
    public static final String PROJECTS = "项目台账";
    public static final String FUNDS = "到位资金";

    private LedgerLayout() {
    }

    /** What a column holds, so that the reader knows how to read it. */
    public enum Kind { TEXT, DATE, AMOUNT, YES_NO, TOWNSHIP, CHAIN, SOURCE, START_KIND, DEPARTMENT, UNIT, READ_ONLY }

    /** A column of either sheet: its header as written, the other headers offices use, whether a row needs it. */
    public interface Column {
        record Spec(String header, Kind kind, boolean required, List<String> aliases) {
        }

        Spec spec();

        default String header() {
            return spec().header();
        }

        default Kind kind() {
            return spec().kind();
        }

        default boolean required() {
            return spec().required();
        }

        /** The header as the template writes it: required columns marked with an asterisk. */
        default String writtenHeader() {
            return (required() ? "*" : "") + header();
        }
    }

    public enum ProjectColumn implements Column {
        CODE("项目编号", Kind.TEXT, false, "编号", "项目代码"),
        NAME("项目名称", Kind.TEXT, true, "名称"),
        INVESTOR("投资方", Kind.TEXT, true, "投资主体", "投资商", "投资企业", "投资方名称"),
        TOWNSHIP("乡镇", Kind.TOWNSHIP, true, "所属乡镇", "乡镇园区", "乡镇区"),
        CHAIN("产业链", Kind.CHAIN, true, "所属产业链"),
        INDUSTRIAL("是否工业项目", Kind.YES_NO, true, "工业项目", "是否工业"),
        SOURCE("投资来源地", Kind.SOURCE, true, "来源地", "投资方来源地"),
        CONTRACT("合同金额（万元）", Kind.AMOUNT, true, "签约金额", "协议投资额", "合同投资额"),
        SIGNED("签约日期", Kind.DATE, true, "签约时间"),
        INTRODUCED_BY("引荐单位", Kind.DEPARTMENT, false, "引荐部门"),
        PLANNED("计划总投资（万元）", Kind.AMOUNT, false),
        UNIT("金额单位", Kind.UNIT, false, "单位"),
        REGISTERED("注册日期", Kind.DATE, false, "注册时间"),
        COMPANY("公司名称", Kind.TEXT, false, "注册公司名称", "企业名称"),
        CREDIT_CODE("统一社会信用代码", Kind.TEXT, false, "信用代码"),
        FOREIGN("是否外资", Kind.YES_NO, false, "外资"),
        EXPORT("是否外向型", Kind.YES_NO, false, "外向型"),
        STARTED("开工日期", Kind.DATE, false, "开工时间"),
        START_KIND("开工类型", Kind.START_KIND, false, "开工方式"),
        STORED("入库日期", Kind.DATE, false, "入库时间"),
        STORED_PLANNED("入库计划总投资（万元）", Kind.AMOUNT, false, "入库投资额"),
        PRODUCTION("投产日期", Kind.DATE, false, "投产时间"),
        TERMINATED("解约日期", Kind.DATE, false, "解约时间"),
        TERMINATION_REASON("解约原因", Kind.TEXT, false),
        STAGE("当前阶段", Kind.READ_ONLY, false, "阶段"),
        ALERT("预警等级", Kind.READ_ONLY, false, "预警"),
        ROW_NO("序号", Kind.READ_ONLY, false),
        NOTE("备注", Kind.READ_ONLY, false);

        private final Column.Spec spec;

        ProjectColumn(String header, Kind kind, boolean required, String... aliases) {
            this.spec = new Column.Spec(header, kind, required, List.of(aliases));
        }

        @Override
        public Column.Spec spec() {
            return spec;
        }

        /** The columns written by the template and the export, in order (序号 and 备注 are only read). */
        public static List<ProjectColumn> written() {
            return Arrays.stream(values()).filter(c -> c != ROW_NO && c != NOTE).toList();
        }
    }

    public enum FundsColumn implements Column {
        CODE("项目编号", Kind.TEXT, false, "编号", "项目代码"),
        NAME("项目名称", Kind.TEXT, false, "名称"),
        ARRIVED("到位日期", Kind.DATE, true, "到位时间", "日期"),
        SOURCE("资金来源", Kind.SOURCE, true, "来源", "来源地"),
        AMOUNT("金额", Kind.AMOUNT, true, "到位金额", "到位资金"),
        UNIT("单位", Kind.UNIT, false, "金额单位"),
        ROW_NO("序号", Kind.READ_ONLY, false),
        NOTE("备注", Kind.READ_ONLY, false);

        private final Column.Spec spec;

        FundsColumn(String header, Kind kind, boolean required, String... aliases) {
            this.spec = new Column.Spec(header, kind, required, List.of(aliases));
        }

        @Override
        public Column.Spec spec() {
            return spec;
        }

        public static List<FundsColumn> written() {
            return Arrays.stream(values()).filter(c -> c != ROW_NO && c != NOTE).toList();
        }
    }

    /** A header as read: its column, and the unit its brackets name (万元, 亿元, 元, 万美元, 美元), if any. */
    public record Header<C>(C column, String unit) {
    }

    public static Optional<Header<ProjectColumn>> projectHeader(String text) {
        return match(text, ProjectColumn.values());
    }

    public static Optional<Header<FundsColumn>> fundsHeader(String text) {
        return match(text, FundsColumn.values());
    }

    private static <C extends Column> Optional<Header<C>> match(String text, C[] columns) {
        if (text == null) {
            return Optional.empty();
        }
        String unit = unitIn(text);
        String key = key(text);
        for (C column : columns) {
            if (key(column.header()).equals(key)
                    || column.spec().aliases().stream().anyMatch(a -> key(a).equals(key))) {
                return Optional.of(new Header<>(column, unit));
            }
        }
        return Optional.empty();
    }

    /** A header without spaces, asterisks (marks of required columns) and bracketed units. */
    static String key(String header) {
        return header.replaceAll("[（(【\\[][^）)】\\]]*[）)】\\]]", "")
                .replaceAll("[\\s*＊:：、/·]", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String unitIn(String header) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[（(【\\[]\\s*([^）)】\\]]*?)\\s*[）)】\\]]")
                .matcher(header);
        while (m.find()) {
            String unit = m.group(1);
            if (List.of("万元", "亿元", "元", "万美元", "美元").contains(unit)) {
                return unit;
            }
        }
        return null;
    }
}
