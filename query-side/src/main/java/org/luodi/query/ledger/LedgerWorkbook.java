package org.luodi.query.ledger;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.luodi.events.Departments;
import org.luodi.platform.ledger.LedgerLayout;
import org.luodi.platform.ledger.LedgerLayout.FundsColumn;
import org.luodi.platform.ledger.LedgerLayout.ProjectColumn;
import org.luodi.query.project.FundArrival;
import org.luodi.query.project.ProjectView;
import org.luodi.query.project.Stage;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the 台账 layout ({@link LedgerLayout}) as a stream: POI's SXSSF keeps a window of 200 rows in memory and
 * the rest on disk, so the export of a township of thousands of projects stays small. Dates are date cells,
 * amounts numbers in 万元 (万美元 for 境外 funds), townships and chains by their Chinese names, so that the office
 * edits the file in Excel and imports it again.
 */
final class LedgerWorkbook implements AutoCloseable {
    private final SXSSFWorkbook workbook = newWorkbook();
    private final Sheet projects;

    /**
     * A window of 200 rows, and no Zip64 records: POI would add them to entries whose size it cannot know yet, and
     * java.util.zip (and older spreadsheet programs) then refuse the file; a ledger never nears Zip64's 4 GB.
     */
    private static SXSSFWorkbook newWorkbook() {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        workbook.setZip64Mode(org.apache.commons.compress.archivers.zip.Zip64Mode.Never);
        return workbook;
    }
    private final Sheet funds;
    private final CellStyle date;
    private final CellStyle header;
    private final CellStyle readOnly;
    private int projectRow = 1;
    private int fundsRow = 1;

    LedgerWorkbook() {
        workbook.setCompressTempFiles(true);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        readOnly = workbook.createCellStyle();
        readOnly.setFont(bold);
        projects = workbook.createSheet(LedgerLayout.PROJECTS);
        funds = workbook.createSheet(LedgerLayout.FUNDS);
        Row p = projects.createRow(0);
        List<ProjectColumn> pc = ProjectColumn.written();
        for (int i = 0; i < pc.size(); i++) {
            Cell cell = p.createCell(i);
            ProjectColumn c = pc.get(i);
            cell.setCellValue(c.writtenHeader());
            cell.setCellStyle(header);
            projects.setColumnWidth(i, c == ProjectColumn.CODE ? 38 * 256 : 16 * 256);
        }
        Row f = funds.createRow(0);
        List<FundsColumn> fc = FundsColumn.written();
        for (int i = 0; i < fc.size(); i++) {
            Cell cell = f.createCell(i);
            cell.setCellValue((fc.get(i).required() ? "*" : "") + fc.get(i).header());
            cell.setCellStyle(header);
            funds.setColumnWidth(i, fc.get(i) == FundsColumn.CODE ? 38 * 256 : 16 * 256);
        }
    }

    void project(ProjectView v) {
        Map<ProjectColumn, Object> values = new EnumMap<>(ProjectColumn.class);
        values.put(ProjectColumn.CODE, v.projectId());
        values.put(ProjectColumn.NAME, v.name());
        values.put(ProjectColumn.INVESTOR, v.investor());
        values.put(ProjectColumn.TOWNSHIP, v.townshipName());
        values.put(ProjectColumn.CHAIN, v.industryChainName());
        values.put(ProjectColumn.INDUSTRIAL, v.industrial() ? "是" : "否");
        values.put(ProjectColumn.SOURCE, v.sourceRegion().label());
        values.put(ProjectColumn.CONTRACT, v.contractAmountWan());
        values.put(ProjectColumn.SIGNED, v.signedOn());
        values.put(ProjectColumn.INTRODUCED_BY, Departments.nameOf(v.introducedBy()));
        values.put(ProjectColumn.PLANNED, v.plannedInvestmentAtSigningWan());
        values.put(ProjectColumn.REGISTERED, v.registeredOn());
        values.put(ProjectColumn.COMPANY, v.companyName());
        values.put(ProjectColumn.CREDIT_CODE, v.creditCode());
        values.put(ProjectColumn.FOREIGN, v.foreignInvested() == null ? null : v.foreignInvested() ? "是" : "否");
        values.put(ProjectColumn.EXPORT, v.exportOriented() == null || v.registeredOn() == null ? null
                : v.exportOriented() ? "是" : "否");
        values.put(ProjectColumn.STARTED, v.startedOn());
        values.put(ProjectColumn.START_KIND, v.startKind() == null ? null : v.startKind().label());
        values.put(ProjectColumn.STORED, v.storedOn());
        values.put(ProjectColumn.STORED_PLANNED, v.storedOn() == null ? null : v.plannedInvestmentWan());
        values.put(ProjectColumn.PRODUCTION, v.productionOn());
        values.put(ProjectColumn.TERMINATED, v.terminatedOn());
        values.put(ProjectColumn.TERMINATION_REASON, v.terminationReason());
        Stage stage = Stage.byCode(v.stage());
        values.put(ProjectColumn.STAGE, stage == null ? v.stage() : stage.label());
        Row row = projects.createRow(projectRow++);
        List<ProjectColumn> pc = ProjectColumn.written();
        for (int i = 0; i < pc.size(); i++) {
            put(row, i, values.get(pc.get(i)));
        }
        for (FundArrival a : v.funds()) {
            Row f = funds.createRow(fundsRow++);
            boolean usd = a.amountUsdWan() != null;
            Object[] cells = {v.projectId(), v.name(), a.arrivedOn(), a.source().label(),
                    usd ? a.amountUsdWan() : a.amountWan(), usd ? "万美元" : "万元"};
            for (int i = 0; i < cells.length; i++) {
                put(f, i, cells[i]);
            }
        }
    }

    /** The template's example row, marked as an example in its name. */
    void example() {
        Row row = projects.createRow(projectRow++);
        Object[] cells = {null, "（示例）年产 10 万吨新材料项目", "湖北某某集团有限公司", "陈贵镇", "新材料", "是", "省外",
                new BigDecimal("50000"), LocalDate.of(2024, 3, 15), null, new BigDecimal("60000"), "万元",
                LocalDate.of(2024, 4, 2), "大冶某某新材料有限公司", "91420281MA4F0A1B2X", "否", "否",
                LocalDate.of(2024, 5, 20), "新建", null, null, null, null, null};
        for (int i = 0; i < cells.length; i++) {
            put(row, i, cells[i]);
        }
        Row f = funds.createRow(fundsRow++);
        Object[] fc = {null, "（示例）年产 10 万吨新材料项目", LocalDate.of(2024, 6, 30), "省外", new BigDecimal("8000"),
                "万元"};
        for (int i = 0; i < fc.length; i++) {
            put(f, i, fc[i]);
        }
    }

    private void put(Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else if (value instanceof BigDecimal b) {
            cell.setCellValue(b.doubleValue());
        } else {
            cell.setCellValue(value.toString());
        }
    }

    void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
