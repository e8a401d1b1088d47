package org.luodi.query.bulletin;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles of the table: a workbook allows only so many, so they are made once. */
final class WorkbookStyles {
    /** As the screen shows amounts (亿元, 万美元) and scores: grouped, two decimals; the cell keeps every digit. */
    static final String AMOUNT_FORMAT = "#,##0.00";
    /** As the screen shows rates: one decimal. */
    static final String PERCENT_FORMAT = "0.0%";
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

    WorkbookStyles(Workbook workbook) {
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
        yi = numeric(workbook, plain, AMOUNT_FORMAT);
        decimal = numeric(workbook, plain, AMOUNT_FORMAT);
        percent = numeric(workbook, plain, PERCENT_FORMAT);
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
