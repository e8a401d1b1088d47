package org.luodi.query.assessment;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The year-end assessment as an Excel workbook: 乡镇 and 部门单位 (the rows of the JSON answer, in the reference
 * order) and 加减分记录 (every adjustment with who, when and why). Numbers are written as the JSON holds them; a
 * cell is a binary double, so the exact decimals are converted only here, at the edge.
 */
final class AssessmentWorkbook {
    static final String TOWNSHIP_SHEET = "乡镇";
    static final String DEPARTMENT_SHEET = "部门单位";
    static final String ADJUSTMENT_SHEET = "加减分记录";
    /** The first row of data: after the title and the heading. */
    static final int FIRST_DATA_ROW = 2;
    private static final String NONE = "—";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AssessmentWorkbook() {
    }

    static byte[] write(Assessment assessment, List<Adjustment> adjustments) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle title = style(workbook, true);
            CellStyle plain = style(workbook, false);
            String subtitle = assessment.unfinishedNote() == null ? "" : "（" + assessment.unfinishedNote() + "）";
            List<List<Object>> townships = new ArrayList<>();
            int n = 1;
            for (Assessment.Row row : assessment.townships()) {
                townships.add(List.of(n++, row.name(), row.categoryName(), or(row.score()), row.adjustments(),
                        or(row.finalScore()), or(row.rank()), row.allTasksComplete() ? "是" : "否",
                        or(row.rewardWan()), row.barredFromExcellent() ? "是" : "否", row.rewardNote()));
            }
            sheet(workbook, TOWNSHIP_SHEET, assessment.title() + "（乡镇）" + subtitle, title, plain, List.of("序号",
                    "单位", "类别", "通报得分", "加减分", "最终得分", "类别内排名", "完成各项任务", "奖励(万元)",
                    "不得评优", "说明"), townships);
            if (!assessment.departments().isEmpty()) {
                List<List<Object>> departments = new ArrayList<>();
                n = 1;
                for (Assessment.Row row : assessment.departments()) {
                    departments.add(List.of(n++, row.name(), or(row.score()), row.adjustments(), or(row.finalScore()),
                            or(row.rank()), row.allTasksComplete() ? "是" : "否", or(row.rewardWan()),
                            row.barredFromExcellent() ? "是" : "否", or(row.fundingWan()), row.rewardNote()));
                }
                sheet(workbook, DEPARTMENT_SHEET, assessment.title() + "（部门单位及金融机构）" + subtitle, title, plain,
                        List.of("序号", "单位", "通报得分", "加减分", "最终得分", "排名", "完成各项任务", "奖励(万元)",
                                "不得评优", "工作经费(万元)", "说明"), departments);
            }
            List<List<Object>> log = new ArrayList<>();
            for (Adjustment a : adjustments) {
                log.add(List.of(MINUTES.format(a.recordedAt().atZone(SHANGHAI)), or(a.unitName()), a.kindName()
                        + (a.cancels() == null ? "" : "（撤销）"), a.points(), a.reason(), a.recordedBy(),
                        a.id().toString(), a.cancels() == null ? NONE : a.cancels().toString()));
            }
            sheet(workbook, ADJUSTMENT_SHEET, assessment.title() + "（加减分记录）", title, plain, List.of("录入时间",
                    "单位", "类别", "分值", "原因", "录入人", "编号", "撤销的记录"), log);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(Workbook workbook, String name, String heading, CellStyle title, CellStyle plain,
                              List<String> columns, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(name);
        sheet.createRow(0).createCell(0).setCellValue(heading);
        sheet.getRow(0).getCell(0).setCellStyle(title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
        Row header = sheet.createRow(1);
        for (int c = 0; c < columns.size(); c++) {
            header.createCell(c).setCellValue(columns.get(c));
            header.getCell(c).setCellStyle(title);
            sheet.setColumnWidth(c, (columns.get(c).equals("说明") || columns.get(c).equals("原因") ? 40 : 12) * 256);
        }
        int r = FIRST_DATA_ROW;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value instanceof BigDecimal number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                } else if (value instanceof Integer number) {
                    row.createCell(c).setCellValue(number);
                } else {
                    row.createCell(c).setCellValue(String.valueOf(value));
                }
                row.getCell(c).setCellStyle(plain);
            }
        }
        sheet.createFreezePane(2, FIRST_DATA_ROW);
    }

    private static Object or(Object value) {
        return value == null ? NONE : value;
    }

    private static CellStyle style(Workbook workbook, boolean bold) {
        Font font = workbook.createFont();
        font.setFontName("宋体");
        font.setBold(bold);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setWrapText(!bold);
        return style;
    }
}
