package org.luodi.command.ledger;

import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.luodi.command.ledger.Lenient.Value;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.RefusedException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an uploaded .xlsx as a stream of rows (POI's event API over the sheets' XML: the workbook is never held whole
 * in memory), and refuses, before any row is used, what cannot be a ledger: another kind of file (.xls, CSV, PDF, a
 * renamed one), a zip bomb, a formula, a merged cell, a hidden sheet, row or column, or thousands of empty
 * formatted rows. Each refusal says where, in Chinese ({@link ErrorCode#LEDGER_UNREADABLE}).
 */
final class WorkbookReader {
    /** More empty (formatted but blank) rows than this in a sheet: a file to clean up before importing. */
    static final int MAX_EMPTY_ROWS = 1_000;
    /** Rows with content in one sheet; a county has a few thousand projects, the bench 10,000. */
    static final int MAX_ROWS = 60_000;
    /** Cells named in one refusal at most. */
    private static final int NAMED = 20;

    static {
        // Deliberately, for uploads (POI's defaults are for trusted files): a part that inflates more than 100× (an
        // xlsx's XML inflates 5–20×) or to more than 100 MiB is a zip bomb, and so is a text over 20 M characters.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(20L * 1024 * 1024);
    }

    /** One row with content: its 1-based number and its cells by 0-based column. */
    record Row(int number, Map<Integer, Value> cells) {
    }

    interface RowHandler {
        void row(String sheet, Row row);
    }

    /** A sheet as the workbook lists it. */
    record SheetInfo(String name, String relationId, boolean hidden) {
    }

    private WorkbookReader() {
    }

    /** Refuses what is not an .xlsx at all, by its first bytes, with words for what it is instead. */
    static void checkKind(Path file) {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw unreadable("无法读取上传的文件");
        }
        if (n == 0) {
            throw unreadable("上传的文件是空的");
        }
        if (n >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0) {
            throw unreadable("这是旧版 Excel（.xls）或加了密码的工作簿，请在 Excel 中“另存为” .xlsx（不加密码）后再导入");
        }
        if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            throw unreadable("这是 PDF 文件，不是 Excel 工作簿；请上传 .xlsx 台账");
        }
        if (!(n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)) {
            throw unreadable("这不是 Excel 工作簿（可能是 CSV 或文本文件改了扩展名）；请上传 .xlsx 台账");
        }
    }

    /**
     * Reads every visible sheet's rows, in order, handing each row with content to {@code handler}; the sheets
     * themselves first to {@code sheets}, which answers the names to read.
     */
    static void read(Path file, java.util.function.Function<List<SheetInfo>, List<SheetInfo>> sheets,
                     RowHandler handler) {
        checkKind(file);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            List<SheetInfo> all = sheetsOf(reader);
            List<FieldProblem> hidden = all.stream().filter(SheetInfo::hidden)
                    .map(s -> new FieldProblem(s.name(), "隐藏的工作表")).toList();
            if (!hidden.isEmpty()) {
                throw new RefusedException(ErrorCode.LEDGER_UNREADABLE, "工作簿中有隐藏的工作表（"
                        + String.join("、", hidden.stream().map(FieldProblem::field).toList())
                        + "），隐藏的内容无法核对；请取消隐藏或删除后再导入", hidden);
            }
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            for (SheetInfo sheet : sheets.apply(all)) {
                try (InputStream in = reader.getSheet(sheet.relationId())) {
                    SheetHandler sax = new SheetHandler(sheet.name(), styles, strings, handler);
                    XMLReader xml = SAXHelper.newXMLReader();
                    xml.setContentHandler(sax);
                    xml.parse(new InputSource(in));
                    sax.finish();
                }
            }
        } catch (RefusedException e) {
            throw e;
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw unreadable("这不是有效的 .xlsx 工作簿（文件已损坏，或是其他格式改了扩展名）");
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | RuntimeException e) {
            if (isZipBomb(e)) {
                throw unreadable("工作簿解压后异常庞大（疑为“压缩炸弹”），已拒绝；正常台账解压后不会超过 100 MiB");
            }
            throw unreadable("这不是有效的 .xlsx 工作簿（文件已损坏，或是其他格式改了扩展名）");
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("zip bomb") || message.contains("max entry size") || message.contains("inflate")
                    || message.contains("maxtextsize") || message.contains("text size")) {
                return true;
            }
        }
        return false;
    }

    static RefusedException unreadable(String detail) {
        return new RefusedException(ErrorCode.LEDGER_UNREADABLE, detail);
    }

    private static List<SheetInfo> sheetsOf(XSSFReader reader) throws IOException, InvalidFormatException,
            SAXException, ParserConfigurationException {
        List<SheetInfo> sheets = new ArrayList<>();
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader xml = SAXHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes atts) {
                    if ("sheet".equals(local)) {
                        String state = atts.getValue("state");
                        String id = null;
                        for (int i = 0; i < atts.getLength(); i++) {
                            if ("id".equals(atts.getLocalName(i))) {
                                id = atts.getValue(i);
                            }
                        }
                        sheets.add(new SheetInfo(atts.getValue("name"), id,
                                "hidden".equals(state) || "veryHidden".equals(state)));
                    }
                }
            });
            xml.parse(new InputSource(in));
        }
        return sheets;
    }

    /** The 0-based column of a cell reference as the sheet's XML writes it ("AB12" is 27). */
    static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c == '$') {
                continue;
            }
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    /** The SAX handler of one sheet's XML (worksheet part): rows, cells, and what makes a sheet unreadable. */
    private static final class SheetHandler extends DefaultHandler {
        private final String sheet;
        private final StylesTable styles;
        private final ReadOnlySharedStringsTable strings;
        private final RowHandler handler;
        private final List<String> formulas = new ArrayList<>();
        private final List<String> merged = new ArrayList<>();
        private final List<String> hiddenRows = new ArrayList<>();
        private final List<String> hiddenColumns = new ArrayList<>();
        private final Map<Integer, Boolean> dateStyles = new java.util.HashMap<>();
        private final StringBuilder text = new StringBuilder();
        private Map<Integer, Value> cells = new TreeMap<>();
        private int rowNumber;
        private int emptyRows;
        private int rows;
        private String cellRef;
        private String cellType;
        private int cellStyle;
        private boolean inValue;
        private boolean inInline;
        private String value;

        SheetHandler(String sheet, StylesTable styles, ReadOnlySharedStringsTable strings, RowHandler handler) {
            this.sheet = sheet;
            this.styles = styles;
            this.strings = strings;
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "row" -> {
                    String r = atts.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new TreeMap<>();
                    if ("1".equals(atts.getValue("hidden")) || "true".equals(atts.getValue("hidden"))) {
                        hiddenRows.add(String.valueOf(rowNumber));
                    }
                }
                case "col" -> {
                    if ("1".equals(atts.getValue("hidden")) || "true".equals(atts.getValue("hidden"))) {
                        String min = atts.getValue("min");
                        String max = atts.getValue("max");
                        hiddenColumns.add(CellReference.convertNumToColString(Integer.parseInt(min) - 1)
                                + (min.equals(max) ? "" : "–" + CellReference.convertNumToColString(
                                Math.min(Integer.parseInt(max), 16384) - 1)));
                    }
                }
                case "c" -> {
                    cellRef = atts.getValue("r");
                    cellType = atts.getValue("t");
                    String s = atts.getValue("s");
                    cellStyle = s == null ? 0 : Integer.parseInt(s);
                    value = null;
                }
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "is" -> {
                    inInline = true;
                    text.setLength(0);
                }
                case "f" -> formulas.add(cellRef);
                case "mergeCell" -> merged.add(atts.getValue("ref"));
                default -> {
                    // other elements carry nothing a ledger needs
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInline) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v" -> {
                    inValue = false;
                    value = text.toString();
                }
                case "is" -> {
                    inInline = false;
                    value = text.toString();
                }
                case "c" -> cell();
                case "row" -> endRow();
                default -> {
                    // nothing
                }
            }
        }

        private void cell() {
            if (value == null || cellRef == null) {
                return;
            }
            int column = column(cellRef);
            Value read;
            if ("s".equals(cellType)) {
                read = Value.text(strings.getItemAt(Integer.parseInt(value.strip())).getString());
            } else if ("b".equals(cellType)) {
                read = Value.text("1".equals(value.strip()) ? "是" : "否");
            } else if ("e".equals(cellType)) {
                read = Value.text(value);
            } else if ("str".equals(cellType) || "inlineStr".equals(cellType)) {
                read = Value.text(value);
            } else {
                read = new Value(value, true, dateStyle(cellStyle));
            }
            if (!read.blank()) {
                cells.put(column, read);
            }
        }

        private boolean dateStyle(int index) {
            return dateStyles.computeIfAbsent(index, i -> {
                if (styles == null || i >= styles.getNumCellStyles()) {
                    return false;
                }
                XSSFCellStyle style = styles.getStyleAt(i);
                return style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
            });
        }

        private void endRow() {
            if (cells.isEmpty()) {
                if (++emptyRows > MAX_EMPTY_ROWS) {
                    throw new RefusedException(ErrorCode.LEDGER_UNREADABLE, "工作表「" + sheet + "」有超过 "
                            + MAX_EMPTY_ROWS + " 个带格式的空行；请删除表格下方的空行（选中后“删除行”）后再导入");
                }
                return;
            }
            if (++rows > MAX_ROWS) {
                throw new RefusedException(ErrorCode.LEDGER_UNREADABLE, "工作表「" + sheet + "」超过 " + MAX_ROWS
                        + " 行；请按乡镇分成几个文件导入");
            }
            handler.row(sheet, new Row(rowNumber, cells));
        }

        /** After the whole sheet: every cell that makes it unreadable, named at once. */
        void finish() {
            Map<String, List<String>> found = new LinkedHashMap<>();
            found.put("含有公式（台账须填写数值；请复制后“选择性粘贴→数值”）", formulas);
            found.put("含有合并单元格（请取消合并，每个单元格各填其值）", merged);
            found.put("含有隐藏的行（隐藏的内容无法核对；请取消隐藏或删除）", hiddenRows);
            found.put("含有隐藏的列（隐藏的内容无法核对；请取消隐藏或删除）", hiddenColumns);
            List<FieldProblem> problems = new ArrayList<>();
            List<String> summary = new ArrayList<>();
            found.forEach((why, where) -> {
                if (!where.isEmpty()) {
                    summary.add(why + "：" + String.join("、", where.stream().limit(NAMED).toList())
                            + (where.size() > NAMED ? " 等 " + where.size() + " 处" : ""));
                    where.stream().limit(NAMED).forEach(w -> problems.add(new FieldProblem(sheet + "!" + w, why)));
                }
            });
            if (!problems.isEmpty()) {
                throw new RefusedException(ErrorCode.LEDGER_UNREADABLE, "工作表「" + sheet + "」"
                        + String.join("；", summary), problems);
            }
        }
    }
}
