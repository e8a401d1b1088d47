package org.luodi.query.bulletin;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.luodi.query.reference.Indicator;
import org.luodi.query.stats.StatsRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The bulletin as an Excel workbook laid out like the seed's 附件1 table: a title row, two header rows with the
 * group headings merged over their columns (新签约亿元以上项目 → 个数 / 投资额 / 其中工业项目, …), one row per
 * township in the reference order and a 合计 row. Amounts in 亿元 as in the seed (万美元 for foreign capital),
 * rates as percentages. A second sheet sets each indicator against its target. The numbers are those of the JSON
 * bulletin; a spreadsheet cell holds a binary double, so the exact decimals are converted only here, at the edge.
 */
public final class BulletinWorkbook {
    static final String MAIN_SHEET = "通报";
    static final String TARGET_SHEET = "目标完成情况";
    static final int HEADER_ROWS = 2;
    static final int FIRST_DATA_ROW = 2 + HEADER_ROWS;
    private static final String NONE = "—";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private enum Format { TEXT, COUNT, YI, USD_WAN, PERCENT, SCORE }

    /** One column: its group heading (null for a heading over both header rows), its own heading and value. */
    private record Column(String group, String heading, Format format, Function<Line, Object> value) {
    }

    /** What a data row shows: a township's row, or the total (no score, rank or 约谈). */
    private record Line(int number, StatsRow stats, long warnings, long overdue, long sameYearProduction,
                        BulletinRow bulletin) {
    }

    private BulletinWorkbook() {
    }

    public static byte[] write(Bulletin bulletin) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            List<Line> lines = lines(bulletin);
            String subtitle = subtitle(bulletin);
            table(workbook.createSheet(MAIN_SHEET), styles, bulletin.title(), subtitle, mainColumns(), lines,
                    "注：金额单位为亿元（实际利用外资为万美元）；得分按目标完成率加权（各项封顶 "
                            + percent(bulletin.scoring().completionCap()) + "，无目标的指标不计，其余权重按比例折算至 "
                            + bulletin.scoring().totalWeight().stripTrailingZeros().toPlainString()
                            + " 分），每个逾期未开工项目扣 " + plain(bulletin.scoring().overduePenaltyPerProject())
                            + " 分，每个当年签约当年投产项目加 "
                            + plain(bulletin.scoring().sameYearProductionBonusPerProject())
                            + " 分；得分相同者名次并列；无目标任务的单位不参与排名。");
            table(workbook.createSheet(TARGET_SHEET), styles, bulletin.title() + "（目标完成情况）", subtitle,
                    targetColumns(), lines, "注：完成率低于序时进度的指标列于最后一栏。");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Line> lines(Bulletin bulletin) {
        List<Line> lines = new ArrayList<>();
        for (BulletinRow row : bulletin.rows()) {
            lines.add(new Line(lines.size() + 1, row.indicators(), row.warningCount(), row.overdueCount(),
                    row.signedAndInProductionCount(), row));
        }
        Bulletin.Total total = bulletin.total();
        lines.add(new Line(0, total.indicators(), total.warningCount(), total.overdueCount(),
                total.signedAndInProductionCount(), null));
        return lines;
    }

    private static String subtitle(Bulletin bulletin) {
        String known = bulletin.knownAt() == null ? "截至生成时的全部记录"
                : "截至 " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(bulletin.knownAt().atZone(SHANGHAI))
                + " 已录入的记录";
        return "统计时段：" + bulletin.year() + "年1月1日—" + bulletin.asOf().getMonthValue() + "月"
                + bulletin.asOf().getDayOfMonth() + "日　序时进度：" + percent(bulletin.scheduleProgress())
                + "　数据：" + known;
    }

    private static List<Column> mainColumns() {
        String signed = "新签约亿元以上项目";
        String stored = "亿元以上项目开工入库";
        String domestic = "实际到位内资（亿元）";
        String foreign = "招商引贸及实际利用外资";
        String rates = "项目推进率";
        String stalled = "签约未开工项目（个）";
        return List.of(
                new Column(null, "序号", Format.COUNT, l -> l.bulletin() == null ? "" : l.number()),
                new Column(null, "责任单位", Format.TEXT, l -> l.stats().name()),
                new Column(signed, "个数", Format.COUNT, l -> l.stats().signedAbove1Yi().count()),
                new Column(signed, "投资额（亿元）", Format.YI, l -> l.stats().signedAbove1Yi().amountWan()),
                new Column(signed, "其中工业项目", Format.COUNT, l -> l.stats().signedAbove1Yi().industrialCount()),
                new Column(null, "新注册项目（个）", Format.COUNT, l -> l.stats().registered().count()),
                new Column(stored, "项目个数", Format.COUNT, l -> l.stats().startedStoredAbove1Yi().count()),
                new Column(stored, "计划投资额（亿元）", Format.YI,
                        l -> l.stats().startedStoredAbove1Yi().plannedInvestmentWan()),
                new Column(domestic, "总额", Format.YI, l -> l.stats().domesticFunds().totalWan()),
                new Column(domestic, "其中：省外资金", Format.YI, l -> l.stats().domesticFunds().outOfProvinceWan()),
                new Column(foreign, "新批外资企业（个）", Format.COUNT, l -> l.stats().newForeignEnterprises().count()),
                new Column(foreign, "实际利用外资（万美元）", Format.USD_WAN, l -> l.stats().foreignFunds().usdWan()),
                new Column(rates, "签约率", Format.PERCENT, l -> l.stats().rates().signingRate()),
                new Column(rates, "开工率", Format.PERCENT, l -> l.stats().rates().startRate()),
                new Column(rates, "入库率", Format.PERCENT, l -> l.stats().rates().storageRate()),
                new Column(rates, "投产率", Format.PERCENT, l -> l.stats().rates().productionRate()),
                new Column(stalled, "预警", Format.COUNT, Line::warnings),
                new Column(stalled, "逾期未开工", Format.COUNT, Line::overdue),
                new Column(null, "当年签约当年投产（个）", Format.COUNT, Line::sameYearProduction),
                new Column(null, "得分", Format.SCORE, l -> l.bulletin() == null ? "" : l.bulletin().score()),
                new Column(null, "排名", Format.COUNT, l -> l.bulletin() == null ? "" : l.bulletin().rank()),
                new Column(null, "约谈提醒", Format.TEXT, l -> talk(l.bulletin())));
    }

    private static List<Column> targetColumns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(null, "责任单位", Format.TEXT, l -> l.stats().name()));
        for (Indicator indicator : Indicator.values()) {
            if (!indicator.measured()) {
                continue;
            }
            String group = indicator.label() + "（" + unitLabel(indicator) + "）";
            Format format = indicator.unit() == Indicator.Unit.WAN ? Format.YI
                    : indicator.unit() == Indicator.Unit.USD_WAN ? Format.USD_WAN : Format.COUNT;
            columns.add(new Column(group, "目标", format, l -> l.stats().targets().get(indicator.key())));
            columns.add(new Column(group, "完成", format, l -> actual(l.stats(), indicator)));
            columns.add(new Column(group, "完成率", Format.PERCENT, l -> l.stats().completion().get(indicator.key())));
        }
        columns.add(new Column(null, "落后于序时进度的指标", Format.TEXT, l -> String.join("、",
                l.stats().behindSchedule().stream()
                        .map(key -> Indicator.byKey(key).map(Indicator::label).orElse(key)).toList())));
        return columns;
    }

    private static String unitLabel(Indicator indicator) {
        return indicator.unit() == Indicator.Unit.WAN ? "亿元" : indicator.unit().label();
    }

    private static Object actual(StatsRow row, Indicator indicator) {
        return switch (indicator) {
            case SIGNED_COUNT -> row.signedAbove1Yi().count();
            case SIGNED_AMOUNT -> row.signedAbove1Yi().amountWan();
            case SIGNED_INDUSTRIAL_COUNT -> row.signedAbove1Yi().industrialCount();
            case REGISTERED_COUNT -> row.registered().count();
            case STARTED_STORED_COUNT -> row.startedStoredAbove1Yi().count();
            case STARTED_STORED_PLANNED -> row.startedStoredAbove1Yi().plannedInvestmentWan();
            case DOMESTIC_TOTAL -> row.domesticFunds().totalWan();
            case DOMESTIC_OUT_OF_PROVINCE -> row.domesticFunds().outOfProvinceWan();
            case NEW_FOREIGN_ENTERPRISES -> row.newForeignEnterprises().count();
            case FOREIGN_USD -> row.foreignFunds().usdWan();
            case FOREIGN_ORIENTED_ENTITIES -> null;
        };
    }

    private static String talk(BulletinRow row) {
        if (row == null) {
            return "";
        }
        if (row.talkWithTopLeaders()) {
            return "连续" + row.lastPlaceMonthsRunning() + "个月排名末位，由市委市政府主要领导约谈";
        }
        if (row.talkWithLeaderInCharge()) {
            return "连续" + row.lastPlaceMonthsRunning() + "个月排名末位，由分管市领导约谈";
        }
        return row.lastPlace() ? "本月排名末位" : "";
    }

    private static void table(Sheet sheet, Styles styles, String title, String subtitle, List<Column> columns,
                              List<Line> lines, String note) {
        int last = columns.size() - 1;
        merged(sheet, 0, 0, 0, last, title, styles.title);
        merged(sheet, 1, 1, 0, last, subtitle, styles.subtitle);
        Row groups = sheet.createRow(2);
        Row headings = sheet.createRow(3);
        groups.setHeightInPoints(24);
        headings.setHeightInPoints(36);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            if (column.group() == null) {
                merged(sheet, 2, 3, c, c, column.heading(), styles.header);
            } else {
                boolean first = c == 0 || !column.group().equals(columns.get(c - 1).group());
                if (first) {
                    int end = c;
                    while (end + 1 < columns.size() && column.group().equals(columns.get(end + 1).group())) {
                        end++;
                    }
                    merged(sheet, 2, 2, c, end, column.group(), styles.header);
                }
                text(headings, c, column.heading(), styles.header);
            }
            sheet.setColumnWidth(c, width(column) * 256);
        }
        int r = FIRST_DATA_ROW;
        for (Line line : lines) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                value(row, c, columns.get(c).format(), columns.get(c).value().apply(line), styles);
            }
        }
        merged(sheet, r, r, 0, last, note, styles.note);
        sheet.getRow(r).setHeightInPoints(32);
        sheet.createFreezePane(2, FIRST_DATA_ROW);
        // printed as the seed's table is: landscape, one page wide, headings repeated on every page
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(2, FIRST_DATA_ROW - 1, -1, -1));
    }

    /** In characters: narrow numbers, a wide name, wider free text. */
    private static int width(Column column) {
        if (column.heading().equals("序号")) {
            return 6;
        }
        if (column.heading().equals("责任单位")) {
            return 22;
        }
        if (column.format() == Format.TEXT) {
            return 36;
        }
        return column.group() == null ? 14 : 12;
    }

    private static void value(Row row, int c, Format format, Object value, Styles styles) {
        Cell cell = row.createCell(c);
        if (value == null) {
            cell.setCellValue(NONE);
            cell.setCellStyle(styles.centered);
            return;
        }
        if (value instanceof String text) {
            cell.setCellValue(text);
            cell.setCellStyle(format == Format.TEXT ? styles.text : styles.centered);
            return;
        }
        BigDecimal number = value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
        if (format == Format.YI) {
            number = number.movePointLeft(4); // 万元 → 亿元, exact
        }
        cell.setCellValue(number.doubleValue());
        cell.setCellStyle(switch (format) {
            case PERCENT -> styles.percent;
            case YI -> styles.yi;
            case USD_WAN, SCORE -> styles.decimal;
            default -> styles.count;
        });
    }

    private static void merged(Sheet sheet, int firstRow, int lastRow, int firstCol, int lastCol, String text,
                               CellStyle style) {
        for (int r = firstRow; r <= lastRow; r++) {
            Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            for (int c = firstCol; c <= lastCol; c++) {
                row.createCell(c).setCellStyle(style);
            }
        }
        sheet.getRow(firstRow).getCell(firstCol).setCellValue(text);
        if (firstRow != lastRow || firstCol != lastCol) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
        }
    }

    private static void text(Row row, int c, String text, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The few cell styles of the table: a workbook allows only so many, so they are made once. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        final CellStyle note;
        final CellStyle text;
        final CellStyle centered;
        final CellStyle count;
        final CellStyle yi;
        final CellStyle decimal;
        final CellStyle percent;

        Styles(Workbook workbook) {
            Font titleFont = workbook.createFont();
            titleFont.setFontName("宋体");
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            Font bold = workbook.createFont();
            bold.setFontName("宋体");
            bold.setBold(true);
            Font plain = workbook.createFont();
            plain.setFontName("宋体");

            title = workbook.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            subtitle = workbook.createCellStyle();
            subtitle.setFont(plain);
            subtitle.setAlignment(HorizontalAlignment.CENTER);
            note = workbook.createCellStyle();
            note.setFont(plain);
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.TOP);
            header = bordered(workbook, bold, HorizontalAlignment.CENTER);
            header.setWrapText(true);
            text = bordered(workbook, plain, HorizontalAlignment.LEFT);
            text.setWrapText(true);
            centered = bordered(workbook, plain, HorizontalAlignment.CENTER);
            count = numeric(workbook, plain, "0");
            yi = numeric(workbook, plain, "#,##0.00##");
            decimal = numeric(workbook, plain, "#,##0.00");
            percent = numeric(workbook, plain, "0.00%");
        }

        private static CellStyle numeric(Workbook workbook, Font font, String format) {
            CellStyle style = bordered(workbook, font, HorizontalAlignment.RIGHT);
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }

        private static CellStyle bordered(Workbook workbook, Font font, HorizontalAlignment alignment) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setAlignment(alignment);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
