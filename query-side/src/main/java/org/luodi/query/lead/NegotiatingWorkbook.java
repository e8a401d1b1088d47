package org.luodi.query.lead;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The 在谈项目清单 as a workbook (seed 001 lines 3501-3503), one row per lead in talks, as the caller may see it. */
final class NegotiatingWorkbook {
    static final String[] HEADER = {"序号", "项目名称", "投资方", "预计投资额（万元）", "来源", "报送单位", "首谈日期",
            "首谈带队", "阶段"};

    private NegotiatingWorkbook() {
    }

    static byte[] write(List<LeadQueries.Row> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("在谈项目清单");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                header.createCell(i).setCellValue(HEADER[i]);
            }
            int n = 1;
            for (LeadQueries.Row lead : rows) {
                Row row = sheet.createRow(n);
                row.createCell(0).setCellValue(n);
                row.createCell(1).setCellValue(lead.project());
                row.createCell(2).setCellValue(lead.investor());
                row.createCell(3).setCellValue(lead.expectedAmountWan().doubleValue());
                row.createCell(4).setCellValue(lead.source().label());
                row.createCell(5).setCellValue(lead.unitName());
                row.createCell(6).setCellValue(lead.firstTalkOn() == null ? "" : lead.firstTalkOn().toString());
                row.createCell(7).setCellValue(lead.ledBy() == null ? "" : lead.ledBy());
                row.createCell(8).setCellValue(lead.stage().label());
                n++;
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
