package org.luodi.query.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.luodi.query.targets.Indicator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulletin workbook read back with POI, as a spreadsheet program would open it: columns are found by their
 * headings ("group/heading" under a merged group heading), rows by the unit's name.
 */
final class BulletinSheet {
    /** Main sheet column → the JSON field it shows, and whether the JSON has it in 万元 (the sheet in 亿元). */
    private static final Map<String, String> MAIN = new LinkedHashMap<>();
    private static final List<String> IN_YI = List.of("新签约亿元以上项目/投资额（亿元）",
            "亿元以上项目开工入库/计划投资额（亿元）", "实际到位内资（亿元）/总额", "实际到位内资（亿元）/其中：省外资金");

    static {
        MAIN.put("新签约亿元以上项目/个数", "/signedAbove1Yi/count");
        MAIN.put("新签约亿元以上项目/投资额（亿元）", "/signedAbove1Yi/amountWan");
        MAIN.put("新签约亿元以上项目/其中工业项目", "/signedAbove1Yi/industrialCount");
        MAIN.put("新注册项目（个）", "/registered/count");
        MAIN.put("亿元以上项目开工入库/项目个数", "/startedStoredAbove1Yi/count");
        MAIN.put("亿元以上项目开工入库/计划投资额（亿元）", "/startedStoredAbove1Yi/plannedInvestmentWan");
        MAIN.put("实际到位内资（亿元）/总额", "/domesticFunds/totalWan");
        MAIN.put("实际到位内资（亿元）/其中：省外资金", "/domesticFunds/outOfProvinceWan");
        MAIN.put("招商引贸及实际利用外资/新批外资企业（个）", "/newForeignEnterprises/count");
        MAIN.put("招商引贸及实际利用外资/实际利用外资（万美元）", "/foreignFunds/usdWan");
        MAIN.put("项目推进率/签约率", "/rates/signingRate");
        MAIN.put("项目推进率/开工率", "/rates/startRate");
        MAIN.put("项目推进率/入库率", "/rates/storageRate");
        MAIN.put("项目推进率/投产率", "/rates/productionRate");
        MAIN.put("签约未开工项目（个）/预警", "/warningCount");
        MAIN.put("签约未开工项目（个）/逾期未开工", "/overdueCount");
        MAIN.put("当年签约当年投产（个）", "/signedAndInProductionCount");
        MAIN.put("得分", "/score");
        MAIN.put("排名", "/rank");
        MAIN.put("类别内排名", "/rankInCategory");
    }

    private final Table main;
    private final Table targets;

    private final Table structure;

    private BulletinSheet(Table main, Table targets, Table structure) {
        this.main = main;
        this.targets = targets;
        this.structure = structure;
    }

    static BulletinSheet read(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return new BulletinSheet(new Table(workbook.getSheet(BulletinWorkbook.MAIN_SHEET)),
                    new Table(workbook.getSheet(BulletinWorkbook.TARGET_SHEET)),
                    new Table(workbook.getSheet(BulletinWorkbook.STRUCTURE_SHEET)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String title() {
        return main.title;
    }

    String subtitle() {
        return main.subtitle;
    }

    /** The number format of a cell of the main sheet. */
    String format(String unit, String column) {
        return main.cell(unit, column).getCellStyle().getDataFormatString();
    }

    /** A cell of the main sheet as a spreadsheet program shows it, through its number format. */
    String shown(String unit, String column) {
        return new DataFormatter(java.util.Locale.ROOT).formatCellValue(main.cell(unit, column));
    }

    List<String> unitNames() {
        return new ArrayList<>(main.rows.keySet());
    }

    /** The merged group heading above a column heading of the main sheet. */
    String groupOver(String heading) {
        return main.columns.keySet().stream().filter(key -> key.endsWith("/" + heading)).findFirst()
                .map(key -> key.substring(0, key.length() - heading.length() - 1)).orElse(null);
    }

    BigDecimal number(String unit, String column) {
        return main.number(unit, column);
    }

    /** A number of the sheet of starts, shares and project types ("group/heading" as on the main sheet). */
    BigDecimal structureNumber(String unit, String column) {
        return structure.number(unit, column);
    }

    String text(String unit, String column) {
        return main.cell(unit, column).getStringCellValue();
    }

    /** Every township's row and the total show the JSON bulletin's numbers, on both sheets. */
    void assertMatches(JsonNode bulletin) {
        List<JsonNode> lines = new ArrayList<>();
        bulletin.get("rows").forEach(lines::add);
        lines.add(bulletin.get("total"));
        assertThat(unitNames()).hasSize(lines.size());
        for (JsonNode line : lines) {
            String unit = line.get("name").asText();
            boolean total = !line.has("township");
            MAIN.forEach((column, pointer) -> {
                if (total && (column.equals("得分") || column.equals("排名") || column.equals("类别内排名"))) {
                    assertThat(main.cell(unit, column).getStringCellValue()).isEmpty();
                    return;
                }
                expect(main, unit, column, line.at(pointer), IN_YI.contains(column));
            });
            assertThat(main.cell(unit, "类别").getStringCellValue()).as(unit + " / 类别")
                    .isEqualTo(total ? "" : line.get("categoryName").asText());
            for (Indicator indicator : Indicator.values()) {
                boolean inYi = indicator.unit() == Indicator.Unit.WAN;
                String group = indicator.label() + "（" + (inYi ? "亿元" : indicator.unit().label()) + "）";
                expect(targets, unit, group + "/目标", line.at("/targets/" + indicator.key()), inYi);
                expect(targets, unit, group + "/完成率", line.at("/completion/" + indicator.key()), false);
            }
        }
    }

    private static void expect(Table table, String unit, String column, JsonNode json, boolean inYi) {
        String where = unit + " / " + column;
        if (json.isMissingNode() || json.isNull()) {
            assertThat(table.cell(unit, column).getStringCellValue()).as(where).isEqualTo("—");
            return;
        }
        BigDecimal expected = json.decimalValue();
        assertThat(table.number(unit, column)).as(where)
                .isEqualByComparingTo(inYi ? expected.movePointLeft(4) : expected);
    }

    /** One sheet: its title, its columns by heading, its data rows by unit name. */
    private static final class Table {
        final String title;
        final String subtitle;
        final Map<String, Integer> columns = new LinkedHashMap<>();
        final Map<String, Row> rows = new LinkedHashMap<>();

        Table(Sheet sheet) {
            title = sheet.getRow(0).getCell(0).getStringCellValue();
            subtitle = sheet.getRow(1).getCell(0).getStringCellValue();
            Map<Integer, String> groups = new HashMap<>();
            for (CellRangeAddress region : sheet.getMergedRegions()) {
                if (region.getFirstRow() == 2 && region.getLastRow() == 2) {
                    String group = sheet.getRow(2).getCell(region.getFirstColumn()).getStringCellValue();
                    for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                        groups.put(c, group);
                    }
                }
            }
            Row top = sheet.getRow(2);
            Row headings = sheet.getRow(3);
            for (int c = 0; c < top.getLastCellNum(); c++) {
                String key = groups.containsKey(c) ? groups.get(c) + "/" + headings.getCell(c).getStringCellValue()
                        : top.getCell(c).getStringCellValue();
                columns.put(key, c);
            }
            int nameColumn = columns.get("责任单位");
            for (int r = BulletinWorkbook.FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
                Cell name = sheet.getRow(r).getCell(nameColumn);
                if (name == null || name.getCellType() != CellType.STRING || name.getStringCellValue().isBlank()) {
                    break; // the note below the table
                }
                rows.put(name.getStringCellValue(), sheet.getRow(r));
            }
        }

        Cell cell(String unit, String column) {
            Row row = rows.get(unit);
            Integer c = columns.get(column);
            assertThat(row).as("row " + unit).isNotNull();
            assertThat(c).as("column " + column + " in " + columns.keySet()).isNotNull();
            return row.getCell(c);
        }

        BigDecimal number(String unit, String column) {
            Cell cell = cell(unit, column);
            assertThat(cell.getCellType()).as(unit + " / " + column).isEqualTo(CellType.NUMERIC);
            return BigDecimal.valueOf(cell.getNumericCellValue());
        }
    }
}
