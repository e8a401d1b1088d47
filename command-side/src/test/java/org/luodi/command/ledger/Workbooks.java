package org.luodi.command.ledger;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Test workbooks written cell by cell with POI's user model (never the export's code): a sheet is a list of rows,
 * each a list of cell values (String, Number, LocalDate as a date cell, Boolean, null for an empty cell).
 */
final class Workbooks {
    static final List<Object> PROJECT_HEADERS = List.of("项目编号", "项目名称", "投资方", "乡镇", "产业链", "是否工业项目",
            "投资来源地", "合同金额（万元）", "签约日期", "注册日期", "公司名称", "统一社会信用代码", "是否外资", "开工日期",
            "开工类型", "入库日期", "入库计划总投资（万元）", "投产日期");
    static final List<Object> FUNDS_HEADERS = List.of("项目编号", "项目名称", "到位日期", "资金来源", "金额", "单位");

    private Workbooks() {
    }

    static byte[] of(List<List<Object>> projects) {
        return of(projects, null, wb -> { });
    }

    static byte[] of(List<List<Object>> projects, List<List<Object>> funds) {
        return of(projects, funds, wb -> { });
    }

    static byte[] of(List<List<Object>> projects, List<List<Object>> funds, Consumer<XSSFWorkbook> more) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            fill(wb.createSheet("项目台账"), projects, date);
            if (funds != null) {
                fill(wb.createSheet("到位资金"), funds, date);
            }
            more.accept(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void fill(Sheet sheet, List<List<Object>> rows, CellStyle date) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v == null) {
                    continue;
                }
                var cell = row.createCell(c);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(b);
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
    }
}
