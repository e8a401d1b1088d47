package org.luodi.command.ledger;

import org.apache.poi.ss.util.CellReference;
import org.luodi.command.ledger.Ledger.FundsRow;
import org.luodi.command.ledger.Ledger.LedgerError;
import org.luodi.command.ledger.Ledger.ProjectRow;
import org.luodi.command.ledger.Lenient.CellError;
import org.luodi.command.ledger.Lenient.Value;
import org.luodi.command.ledger.WorkbookReader.Row;
import org.luodi.command.ledger.WorkbookReader.SheetInfo;
import org.luodi.platform.ledger.LedgerLayout;
import org.luodi.platform.ledger.LedgerLayout.FundsColumn;
import org.luodi.platform.ledger.LedgerLayout.Header;
import org.luodi.platform.ledger.LedgerLayout.ProjectColumn;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.RefusedException;
import org.luodi.platform.reference.ReferenceData;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Turns a workbook's rows into a {@link Ledger}: finds each sheet's header row (the first of its first ten rows
 * in which three or more cells are known headers; a title row above it is skipped), refuses a sheet whose headers
 * are missing or unknown (naming those expected), and reads every cell leniently ({@link Lenient}), collecting each
 * cell that cannot be read as an error instead of stopping at the first.
 */
final class LedgerParser implements WorkbookReader.RowHandler {
    private static final int HEADER_SEARCH_ROWS = 10;

    private final ReferenceData reference;
    private final Ledger ledger = new Ledger();
    private final Map<String, Map<Integer, Header<?>>> headers = new HashMap<>();
    private final Map<String, Integer> rowsBeforeHeader = new HashMap<>();
    private String projectsSheet;
    private String fundsSheet;

    private LedgerParser(ReferenceData reference) {
        this.reference = reference;
    }

    static Ledger parse(Path file, ReferenceData reference) {
        LedgerParser parser = new LedgerParser(reference);
        WorkbookReader.read(file, parser::choose, parser);
        parser.finish();
        return parser.ledger;
    }

    /** The sheet named 项目台账 (else the first), and 到位资金 if there is one; other visible sheets are not read. */
    private List<SheetInfo> choose(List<SheetInfo> sheets) {
        SheetInfo projects = sheets.stream().filter(s -> s.name().strip().equals(LedgerLayout.PROJECTS)).findFirst()
                .orElse(sheets.isEmpty() ? null : sheets.get(0));
        if (projects == null) {
            throw WorkbookReader.unreadable("工作簿中没有工作表");
        }
        projectsSheet = projects.name();
        List<SheetInfo> read = new ArrayList<>(List.of(projects));
        sheets.stream().filter(s -> s.name().strip().equals(LedgerLayout.FUNDS) && s != projects).findFirst()
                .ifPresent(f -> {
                    fundsSheet = f.name();
                    read.add(f);
                });
        return read;
    }

    @Override
    public void row(String sheet, Row row) {
        Map<Integer, Header<?>> columns = headers.get(sheet);
        if (columns == null) {
            lookForHeader(sheet, row);
            return;
        }
        if (sheet.equals(projectsSheet)) {
            ledger.projects.add(project(sheet, row, columns));
        } else {
            ledger.funds.add(funds(sheet, row, columns));
        }
    }

    private void lookForHeader(String sheet, Row row) {
        boolean projects = sheet.equals(projectsSheet);
        Map<Integer, Header<?>> found = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        row.cells().forEach((column, value) -> {
            var header = projects ? LedgerLayout.projectHeader(value.text()).map(h -> (Header<?>) h)
                    : LedgerLayout.fundsHeader(value.text()).map(h -> (Header<?>) h);
            header.ifPresentOrElse(h -> found.put(column, h), () -> unknown.add(
                    CellReference.convertNumToColString(column) + row.number() + "「" + Lenient.shown(value.text()) + "」"));
        });
        if (found.size() < 3) {
            int seen = rowsBeforeHeader.merge(sheet, 1, Integer::sum);
            if (seen >= HEADER_SEARCH_ROWS) {
                refuseHeaders(sheet, "前 " + HEADER_SEARCH_ROWS + " 行中找不到表头");
            }
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!unknown.isEmpty()) {
            problems.add("不认识的表头 " + String.join("、", unknown));
        }
        List<String> missing = (projects ? Arrays.stream(ProjectColumn.values()).filter(ProjectColumn::required)
                .filter(c -> found.values().stream().noneMatch(h -> h.column() == c)).map(ProjectColumn::header)
                : Arrays.stream(FundsColumn.values()).filter(FundsColumn::required)
                .filter(c -> found.values().stream().noneMatch(h -> h.column() == c)).map(FundsColumn::header))
                .toList();
        if (!missing.isEmpty()) {
            problems.add("缺少表头 " + String.join("、", missing));
        }
        List<Object> seen = new ArrayList<>();
        found.values().forEach(h -> {
            if (seen.contains(h.column())) {
                problems.add("重复的表头 " + h.column());
            }
            seen.add(h.column());
        });
        if (!problems.isEmpty()) {
            refuseHeaders(sheet, String.join("；", problems));
        }
        headers.put(sheet, found);
    }

    private void refuseHeaders(String sheet, String why) {
        boolean projects = sheet.equals(projectsSheet);
        String expected = projects
                ? String.join("、", ProjectColumn.written().stream().map(LedgerLayout.Column::writtenHeader).toList())
                : String.join("、", FundsColumn.written().stream().map(LedgerLayout.Column::writtenHeader).toList());
        throw new RefusedException(ErrorCode.LEDGER_UNREADABLE, "工作表「" + sheet + "」的表头不对：" + why
                + "。应有的表头（* 为必填列）：" + expected + "；可下载模板对照",
                List.of(new FieldProblem(sheet, why)));
    }

    private void finish() {
        if (!headers.containsKey(projectsSheet)) {
            refuseHeaders(projectsSheet, "工作表是空的或没有表头");
        }
        if (fundsSheet != null && !headers.containsKey(fundsSheet) && rowsBeforeHeader.getOrDefault(fundsSheet, 0) > 0) {
            refuseHeaders(fundsSheet, "找不到表头");
        }
    }

    // ---- rows

    private ProjectRow project(String sheet, Row row, Map<Integer, Header<?>> columns) {
        ProjectRow p = new ProjectRow(row.number());
        Map<ProjectColumn, Value> values = new HashMap<>();
        Map<ProjectColumn, String> units = new HashMap<>();
        row.cells().forEach((column, value) -> {
            Header<?> h = columns.get(column);
            if (h != null) {
                ProjectColumn c = (ProjectColumn) h.column();
                values.put(c, value);
                p.cells.put(c, CellReference.convertNumToColString(column) + row.number());
                p.shown.put(c.header(), value.shown());
                if (h.unit() != null) {
                    units.put(c, h.unit());
                }
            }
        });
        columns.forEach((column, h) -> {
            ProjectColumn c = (ProjectColumn) h.column();
            p.cells.putIfAbsent(c, CellReference.convertNumToColString(column) + row.number());
            if (h.unit() != null) {
                units.putIfAbsent(c, h.unit());
            }
        });
        Cells<ProjectColumn> cells = new Cells<>(sheet, row.number(), values, p.cells, ProjectColumn::header,
                p.shown);
        String rowUnit = cells.read(ProjectColumn.UNIT, Lenient::unit);
        Function<ProjectColumn, BigDecimal> amount = c -> cells.read(c,
                v -> Lenient.amount(v, rowUnit != null ? rowUnit : units.get(c)));
        if (rowUnit != null && Lenient.usd(rowUnit)) {
            cells.error(ProjectColumn.UNIT, "项目台账的金额以万元计，这里不能填美元");
        }
        p.code = cells.read(ProjectColumn.CODE, v -> v.text().strip());
        p.name = cells.read(ProjectColumn.NAME, v -> v.text().strip());
        p.investor = cells.read(ProjectColumn.INVESTOR, v -> v.text().strip());
        p.township = cells.read(ProjectColumn.TOWNSHIP, v -> Lenient.township(reference, v));
        p.chain = cells.read(ProjectColumn.CHAIN, v -> Lenient.chain(reference, v));
        p.industrial = cells.read(ProjectColumn.INDUSTRIAL, Lenient::yesNo);
        p.source = cells.read(ProjectColumn.SOURCE, Lenient::source);
        p.contract = amount.apply(ProjectColumn.CONTRACT);
        p.signedOn = cells.date(ProjectColumn.SIGNED);
        p.introducedBy = cells.read(ProjectColumn.INTRODUCED_BY, Lenient::department);
        p.planned = amount.apply(ProjectColumn.PLANNED);
        p.registeredOn = cells.date(ProjectColumn.REGISTERED);
        p.company = cells.read(ProjectColumn.COMPANY, v -> v.text().strip());
        p.creditCode = cells.read(ProjectColumn.CREDIT_CODE, v -> v.text().strip().toUpperCase(java.util.Locale.ROOT));
        p.foreign = cells.read(ProjectColumn.FOREIGN, Lenient::yesNo);
        p.exportOriented = cells.read(ProjectColumn.EXPORT, Lenient::yesNo);
        p.startedOn = cells.date(ProjectColumn.STARTED);
        p.startKind = cells.read(ProjectColumn.START_KIND, Lenient::startKind);
        p.storedOn = cells.date(ProjectColumn.STORED);
        p.storedPlanned = amount.apply(ProjectColumn.STORED_PLANNED);
        p.productionOn = cells.date(ProjectColumn.PRODUCTION);
        p.terminatedOn = cells.date(ProjectColumn.TERMINATED);
        p.terminationReason = cells.read(ProjectColumn.TERMINATION_REASON, v -> v.text().strip());
        for (ProjectColumn c : ProjectColumn.values()) {
            if (c.required() && !values.containsKey(c) && (p.code == null || c == ProjectColumn.NAME)) {
                cells.error(c, "必填");
            }
        }
        // a milestone named without its date, or the other way round
        pair(cells, values, ProjectColumn.REGISTERED, ProjectColumn.COMPANY, ProjectColumn.CREDIT_CODE);
        pair(cells, values, ProjectColumn.STARTED, ProjectColumn.START_KIND);
        pair(cells, values, ProjectColumn.STORED, ProjectColumn.STORED_PLANNED);
        pair(cells, values, ProjectColumn.TERMINATED, ProjectColumn.TERMINATION_REASON);
        if (values.containsKey(ProjectColumn.REGISTERED) && !values.containsKey(ProjectColumn.FOREIGN)) {
            cells.error(ProjectColumn.FOREIGN, "填了注册日期，请填是否外资（是/否）");
        }
        return p;
    }

    private static void pair(Cells<ProjectColumn> cells, Map<ProjectColumn, Value> values, ProjectColumn date,
                             ProjectColumn... with) {
        for (ProjectColumn other : with) {
            if (values.containsKey(date) && !values.containsKey(other)) {
                cells.error(other, "填了" + date.header() + "，此项必填");
            } else if (!values.containsKey(date) && values.containsKey(other)) {
                cells.error(date, "填了" + other.header() + "，请填" + date.header());
            }
        }
    }

    private FundsRow funds(String sheet, Row row, Map<Integer, Header<?>> columns) {
        FundsRow f = new FundsRow(row.number());
        Map<FundsColumn, Value> values = new HashMap<>();
        Map<FundsColumn, String> units = new HashMap<>();
        columns.forEach((column, h) -> {
            FundsColumn c = (FundsColumn) h.column();
            f.cells.put(c, CellReference.convertNumToColString(column) + row.number());
            if (h.unit() != null) {
                units.put(c, h.unit());
            }
        });
        row.cells().forEach((column, value) -> {
            Header<?> h = columns.get(column);
            if (h != null) {
                values.put((FundsColumn) h.column(), value);
                f.shown.put(((FundsColumn) h.column()).header(), value.shown());
            }
        });
        Cells<FundsColumn> cells = new Cells<>(sheet, row.number(), values, f.cells, FundsColumn::header,
                f.shown);
        f.code = cells.read(FundsColumn.CODE, v -> v.text().strip());
        f.name = cells.read(FundsColumn.NAME, v -> v.text().strip());
        f.arrivedOn = cells.date(FundsColumn.ARRIVED);
        f.source = cells.read(FundsColumn.SOURCE, Lenient::source);
        String unit = cells.read(FundsColumn.UNIT, Lenient::unit);
        String effective = unit != null ? unit : units.get(FundsColumn.AMOUNT);
        f.amount = cells.read(FundsColumn.AMOUNT, v -> Lenient.amount(v, effective));
        Value amountCell = values.get(FundsColumn.AMOUNT);
        boolean writtenUsd = amountCell != null && !amountCell.numeric() && amountCell.text().strip().endsWith("美元");
        f.usd = Lenient.usd(effective) || writtenUsd;
        if (f.source != null && f.amount != null) {
            if (f.source == org.luodi.events.SourceRegion.FOREIGN && effective == null && !writtenUsd) {
                f.usd = true; // 境外 money is counted in 万美元 unless the row says otherwise
            } else if (f.usd != (f.source == org.luodi.events.SourceRegion.FOREIGN)) {
                cells.error(FundsColumn.UNIT, f.usd ? "省内、省外资金以万元计，不能填美元"
                        : "境外资金以万美元计，请把单位填作 万美元");
            }
        }
        if (f.code == null && f.name == null) {
            cells.error(FundsColumn.NAME, "请填项目编号或项目名称，说明是哪个项目的资金");
        }
        for (FundsColumn c : FundsColumn.values()) {
            if (c.required() && !values.containsKey(c)) {
                cells.error(c, "必填");
            }
        }
        return f;
    }

    /** The cells of one row: reads each leniently, and turns what cannot be read into the ledger's errors. */
    private final class Cells<C> {
        private final String sheet;
        private final int row;
        private final Map<C, Value> values;
        private final Map<C, String> refs;
        private final Function<C, String> header;
        private final Map<String, String> shown;

        Cells(String sheet, int row, Map<C, Value> values, Map<C, String> refs, Function<C, String> header,
              Map<String, String> shown) {
            this.sheet = sheet;
            this.row = row;
            this.values = values;
            this.refs = refs;
            this.header = header;
            this.shown = shown;
        }

        /** A date column: a number in it (an Excel date, its format kept or lost) is shown as the date it was read as. */
        LocalDate date(C column) {
            LocalDate date = read(column, Lenient::date);
            if (date != null && values.get(column).numeric()) {
                shown.put(header.apply(column), date.toString());
            }
            return date;
        }

        <T> T read(C column, Function<Value, T> reader) {
            Value value = values.get(column);
            if (value == null) {
                return null;
            }
            try {
                return reader.apply(value);
            } catch (CellError e) {
                error(column, e.getMessage());
                return null;
            }
        }

        void error(C column, String message) {
            ledger.errors.add(new LedgerError(sheet, row, refs.get(column), header.apply(column), message));
        }
    }
}
