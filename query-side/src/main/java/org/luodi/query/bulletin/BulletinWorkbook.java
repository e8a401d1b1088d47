package org.luodi.query.bulletin;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.luodi.events.ProjectType;


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The bulletin as an Excel workbook laid out like the seed's 附件1 table: a title row, two header rows with the
 * group headings merged over their columns (新签约亿元以上项目 → 个数 / 投资额 / 其中工业项目, …), one row per
 * township in the reference order and a 合计 row. Amounts in 亿元 as in the seed (万美元 for foreign capital),
 * rates as percentages. A second sheet sets each indicator against its target. The numbers are those of the JSON
 * bulletin; a spreadsheet cell holds a binary double, so the exact decimals are converted only here, at the edge.
 * Each cell keeps the whole value; its number format rounds it for display as the screen does (two decimals for
 * amounts and scores, one for percentages), so that the sheet and the screen show the same figures.
 */
public final class BulletinWorkbook {
    static final String MAIN_SHEET = "通报";
    static final String TARGET_SHEET = "目标完成情况";
    static final String DEPARTMENT_SHEET = "部门单位";
    static final String STRUCTURE_SHEET = "结构与类型";
    static final String TICKET_SHEET = "问题交办";
    static final String LADDER_SHEET = "预警分级";
    static final int HEADER_ROWS = 2;
    static final int FIRST_DATA_ROW = 2 + HEADER_ROWS;
    private static final String NONE = "—";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private BulletinWorkbook() {
    }

    public static byte[] write(Bulletin bulletin) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WorkbookStyles styles = new WorkbookStyles(workbook);
            List<BulletinColumns.Line> lines = BulletinColumns.lines(bulletin);
            String subtitle = subtitle(bulletin);
            String title = sheetTitle(bulletin);
            Sheet main = workbook.createSheet(MAIN_SHEET);
            table(main, styles, title, subtitle, BulletinColumns.main(), lines,
                    "注：金额单位为亿元（实际利用外资为万美元）；得分按目标完成率加权（各项封顶 "
                            + percent(bulletin.scoring().completionCap()) + "，无目标的指标不计，其余权重按比例折算至 "
                            + bulletin.scoring().totalWeight().stripTrailingZeros().toPlainString()
                            + " 分），每个逾期未开工项目扣 " + plain(bulletin.scoring().overduePenaltyPerProject())
                            + " 分，每个当年签约当年投产项目加 "
                            + plain(bulletin.scoring().sameYearProductionBonusPerProject())
                            + " 分" + typeBonusNote(bulletin.scoring()) + "；得分相同者名次并列；无目标任务的单位不参与排名。类别内排名在当年的一类、二类、三类乡镇中"
                            + "分别排出，未分类和单列考核的单位不参与类别内排名。");
            // the event store's digest as of the bulletin, for an auditor to verify it against (docs/audit-digest.md)
            merged(main, main.getLastRowNum() + 1, main.getLastRowNum() + 1, 0, BulletinColumns.main().size() - 1,
                    "审计摘要 (digest)：" + (bulletin.digest() == null ? "尚未封存" : bulletin.digest()), styles.note);
            table(workbook.createSheet(TARGET_SHEET), styles, title + "（目标完成情况）", subtitle,
                    BulletinColumns.targets(), lines, "注：完成率低于序时进度的指标列于最后一栏。");
            table(workbook.createSheet(STRUCTURE_SHEET), styles, title + "（开复工、结构占比与项目类型）", subtitle,
                    BulletinColumns.structure(), lines,
                    "注：工业项目、10亿元以上项目、省外企业项目占比以新签约亿元以上项目为基数，省外资金占比以实际到位内资为基数；"
                            + "项目类型与投资方类别按当期签约项目计，不限金额，一个项目可属多类；入库技改项目按合同额1亿元以上计。");
            if (!bulletin.departments().isEmpty()) {
                table(workbook.createSheet(DEPARTMENT_SHEET), styles, title + "（部门单位及金融机构）", subtitle,
                        BulletinColumns.departments(), bulletin.departments(),
                        "注：按附件2，计入引荐单位为本单位的亿元以上项目；得分按目标完成率加权（规则同乡镇，不扣逾期分）；"
                                + "无实效指当月无引荐项目签约或开工入库，连续" + bulletin.scoring().leaderInChargeMonths()
                                + "个月由分管市领导约谈、连续" + bulletin.scoring().topLeadersMonths() + "个月由市委市政府"
                                + "主要领导约谈；出资设立基金的任务暂不计量，该类单位不参与排名。");
            }
            if (!bulletin.tickets().isEmpty()) {
                table(workbook.createSheet(TICKET_SHEET), styles, title + "（问题交办办理情况）", subtitle,
                        BulletinColumns.tickets(), BulletinColumns.ticketLines(bulletin),
                        "注：在办指已交办本单位、尚未销号且未提级的问题（含已答复待销号）；逾期指超过答复期限（按工作日计）"
                                + "仍未答复的问题。");
            }
            if (!bulletin.ladder().isEmpty()) {
                table(workbook.createSheet(LADDER_SHEET), styles, title + "（预警分级）", subtitle,
                        BulletinColumns.ladder(), bulletin.ladder(),
                        "注：签约未开工、开工即停、入库滞后、资金到位滞后四类预警按通报截止日计，一个项目可有多类，按个次计；"
                                + "红色预警持续满规定月数提级至市招商服务中心、市政府督办（阈值见系统配置）。");
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The title, and for a month not over yet a word that it is not final: "…通报（截至 12月4日，本月未结束）". */
    static String sheetTitle(Bulletin bulletin) {
        return bulletin.unfinishedNote() == null ? bulletin.title()
                : bulletin.title() + "（" + bulletin.unfinishedNote() + "）";
    }

    private static String subtitle(Bulletin bulletin) {
        String known = bulletin.knownAt() == null ? "截至生成时的全部记录"
                : "截至 " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(bulletin.knownAt().atZone(SHANGHAI))
                + " 已录入的记录";
        return "统计时段：" + bulletin.year() + "年1月1日—" + bulletin.asOf().getMonthValue() + "月"
                + bulletin.asOf().getDayOfMonth() + "日"
                + (bulletin.unfinishedNote() == null ? "" : "（" + bulletin.unfinishedNote() + "）")
                + "　序时进度：" + rate(bulletin.scheduleProgress())
                + "　数据：" + known;
    }

    private static <L> void table(Sheet sheet, WorkbookStyles styles, String title, String subtitle,
                                  List<BulletinColumns.Column<L>> columns, List<L> lines, String note) {
        int last = columns.size() - 1;
        merged(sheet, 0, 0, 0, last, title, styles.title);
        merged(sheet, 1, 1, 0, last, subtitle, styles.subtitle);
        Row groups = sheet.createRow(2);
        Row headings = sheet.createRow(3);
        groups.setHeightInPoints(24);
        headings.setHeightInPoints(36);
        for (int c = 0; c < columns.size(); c++) {
            BulletinColumns.Column<L> column = columns.get(c);
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
        for (L line : lines) {
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
    private static int width(BulletinColumns.Column<?> column) {
        if (column.heading().equals("序号")) {
            return 6;
        }
        if (column.heading().equals("责任单位")) {
            return 22;
        }
        if (column.format() == BulletinColumns.Format.TEXT) {
            return 36;
        }
        return column.group() == null ? 14 : 12;
    }

    private static void value(Row row, int c, BulletinColumns.Format format, Object value, WorkbookStyles styles) {
        Cell cell = row.createCell(c);
        if (value == null) {
            cell.setCellValue(NONE);
            cell.setCellStyle(styles.centered);
            return;
        }
        if (value instanceof String text) {
            cell.setCellValue(text);
            cell.setCellStyle(format == BulletinColumns.Format.TEXT ? styles.text : styles.centered);
            return;
        }
        BigDecimal number = value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
        if (format == BulletinColumns.Format.YI) {
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

    /** A rate as the screen shows it: a percentage with one decimal, half up. */
    private static String rate(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** "，每签约一个二次招商项目加 2 分，每个入库的亿元以上技改项目加 2 分" (bonuses of 0 are left out). */
    static String typeBonusNote(Bulletin.ScoringRules rules) {
        StringBuilder note = new StringBuilder();
        rules.typeBonusPerSigning().forEach((type, bonus) -> {
            if (bonus.signum() > 0) {
                note.append("，每签约一个").append(ProjectType.valueOf(type).label()).append("项目加 ")
                        .append(plain(bonus)).append(" 分");
            }
        });
        if (rules.storedUpgradeBonusPerProject().signum() > 0) {
            note.append("，每个入库的亿元以上技改项目加 ").append(plain(rules.storedUpgradeBonusPerProject())).append(" 分");
        }
        return note.toString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

}
