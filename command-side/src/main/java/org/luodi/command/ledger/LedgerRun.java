package org.luodi.command.ledger;

import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.luodi.command.ledger.Ledger.FundsRow;
import org.luodi.command.ledger.Ledger.LedgerError;
import org.luodi.command.ledger.Ledger.ProjectRow;
import org.luodi.command.ledger.LedgerPreview.RowResult;
import org.luodi.command.ledger.LedgerPreview.Status;
import org.luodi.command.project.LedgerImports;
import org.luodi.command.project.ProjectCommands.StoreProject;
import org.luodi.platform.ledger.LedgerLayout;
import org.luodi.platform.ledger.LedgerLayout.FundsColumn;
import org.luodi.platform.ledger.LedgerLayout.ProjectColumn;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.Problem;
import org.luodi.platform.security.LuodiUser;
import org.luodi.platform.web.ExceptionProblems;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of {@link LedgerImport} over a ledger, inside the import's transaction: what each row would record (its
 * plan, checked against what is recorded), then the commands sent through the aggregate, then the preview that
 * answers it. Its errors go to the ledger's, so that the preview lists them all.
 */
final class LedgerRun {
    /**
     * Projects whose events are appended together (about six events each): enough for the batch to pay, few enough
     * that what the outer unit of work keeps until it commits (each command's unit of work and events, the loaded
     * aggregates, which Axon scans at every command's commit) stays small.
     */
    static final int PROJECTS_PER_APPEND = 100;

    /** One command of a row, and the column its refusal is shown in when the refusal names no field. */
    record Step(Object command, String sheet, int row, Map<String, String> cells, String column, String words) {
    }

    /** A project row's plan: the project, whether new, its steps (empty: unchanged), its errors. */
    static final class Plan {
        final ProjectRow row;
        String projectId;
        boolean isNew;
        Recorded recorded;
        final List<Step> steps = new ArrayList<>();
        final List<String> adds = new ArrayList<>();
        boolean failed;

        Plan(ProjectRow row) {
            this.row = row;
        }
    }

    final Ledger ledger;
    final boolean dryRun;
    final boolean alreadyImported;
    final List<Plan> plans = new ArrayList<>();
    final Map<FundsRow, Plan> fundsPlans = new HashMap<>();
    final Map<FundsRow, Boolean> fundsNew = new HashMap<>();
    final String correctionReason;
    int events;
    boolean recorded;
    long planned;
    long sent;

    LedgerRun(Ledger ledger, boolean dryRun, boolean alreadyImported, String correctionReason) {
        this.ledger = ledger;
        this.dryRun = dryRun;
        this.alreadyImported = alreadyImported;
        this.correctionReason = correctionReason;
    }

    void error(String sheet, int row, Map<?, String> cells, Object column, String header, String message) {
        ledger.errors.add(new LedgerError(sheet, row, column == null ? null : cells.get(column), header, message));
    }

    void error(ProjectRow row, ProjectColumn column, String message) {
        error(LedgerLayout.PROJECTS, row.row, row.cells, column, column == null ? null : column.header(), message);
    }

    void error(FundsRow row, FundsColumn column, String message) {
        error(LedgerLayout.FUNDS, row.row, row.cells, column, column == null ? null : column.header(), message);
    }

    // ---- sending

    /**
     * Sends the plans' commands, {@link #PROJECTS_PER_APPEND} projects under one Axon unit of work: each command
     * still runs in its own (nested) unit of work through the aggregate's rules, but their events are appended
     * when the outer one commits, as one JDBC batch (global indexes from the one-step sequence, in order, inside
     * the file's transaction), and a project loaded once stays loaded for its next commands. The plans of one
     * project (a row and fund rows by its code, say) always share an outer unit of work.
     * <p>
     * Nothing is appended by a dry run, nor once any error is known (the file is rolled back anyway): the outer
     * unit of work is rolled back instead. Every command has run through the aggregate by then, so the preview
     * holds every answer of the rules; what an append alone could add is a race with another writer, which the
     * real import, holding its lock, cannot lose.
     */
    void execute(LedgerImport owner, String fileName) {
        MetaData extra = MetaData.with(LedgerImports.METADATA_KEY, true);
        Map<String, List<Plan>> byProject = new LinkedHashMap<>();
        plans.stream().filter(p -> !p.failed && !p.steps.isEmpty())
                .forEach(p -> byProject.computeIfAbsent(p.projectId, k -> new ArrayList<>()).add(p));
        List<List<Plan>> projects = new ArrayList<>(byProject.values());
        for (int from = 0; from < projects.size(); from += PROJECTS_PER_APPEND) {
            List<Plan> part = projects.subList(from, Math.min(projects.size(), from + PROJECTS_PER_APPEND))
                    .stream().flatMap(List::stream).toList();
            UnitOfWork<?> append = DefaultUnitOfWork.startAndGet(null);
            boolean aborted = true; // until send returns: whatever it throws, the thread keeps no unit of work
            try {
                aborted = send(owner, fileName, extra, part);
            } finally {
                if (aborted || dryRun || !ledger.errors.isEmpty()) {
                    append.rollback();
                } else {
                    append.commit();
                }
            }
            if (aborted) {
                return;
            }
        }
    }

    /** Sends the commands of {@code part}; true when the database refused one (the transaction is aborted). */
    private boolean send(LedgerImport owner, String fileName, MetaData extra, List<Plan> part) {
        for (Plan plan : part) {
            for (Step step : plan.steps) {
                try {
                    owner.sender.send(step.command(), null, LedgerImport.REASON_PREFIX + fileName, extra);
                    events++;
                } catch (RuntimeException e) {
                    refused(step, e);
                    plan.failed = true;
                    if (isDatabaseFailure(e)) {
                        return true; // nothing more can be sent in the aborted transaction
                    }
                    break;
                }
            }
        }
        return false;
    }

    private static boolean isDatabaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException || t instanceof org.springframework.dao.DataAccessException) {
                return true;
            }
        }
        return false;
    }

    private void refused(Step step, RuntimeException e) {
        Problem problem = ExceptionProblems.known(e).orElse(null);
        if (problem == null) {
            throw e;
        }
        boolean funds = step.sheet().equals(LedgerLayout.FUNDS);
        if (problem.errors() == null || problem.errors().isEmpty()) {
            add(step, step.column(), problem.detail(), funds);
            return;
        }
        for (FieldProblem p : problem.errors()) {
            add(step, columnOf(p.field(), step), p.message(), funds);
        }
    }

    private void add(Step step, String column, String message, boolean funds) {
        String header = funds ? FundsColumn.valueOf(column).header() : ProjectColumn.valueOf(column).header();
        ledger.errors.add(new LedgerError(step.sheet(), step.row(), step.cells().get(column), header, message));
    }

    /** The ledger column a command's field is read from. */
    private static String columnOf(String field, Step step) {
        boolean funds = step.sheet().equals(LedgerLayout.FUNDS);
        if (funds) {
            return switch (field == null ? "" : field) {
                case "arrivedOn" -> FundsColumn.ARRIVED.name();
                case "source" -> FundsColumn.SOURCE.name();
                default -> FundsColumn.AMOUNT.name();
            };
        }
        ProjectColumn column = switch (field == null ? "" : field) {
            case "name" -> ProjectColumn.NAME;
            case "investor" -> ProjectColumn.INVESTOR;
            case "township" -> ProjectColumn.TOWNSHIP;
            case "industryChain" -> ProjectColumn.CHAIN;
            case "industrial" -> ProjectColumn.INDUSTRIAL;
            case "sourceRegion" -> ProjectColumn.SOURCE;
            case "contractAmountWan" -> ProjectColumn.CONTRACT;
            case "signedOn" -> ProjectColumn.SIGNED;
            case "introducedBy" -> ProjectColumn.INTRODUCED_BY;
            case "plannedInvestmentWan" -> step.command() instanceof StoreProject ? ProjectColumn.STORED_PLANNED
                    : ProjectColumn.PLANNED;
            case "registeredOn" -> ProjectColumn.REGISTERED;
            case "companyName" -> ProjectColumn.COMPANY;
            case "creditCode" -> ProjectColumn.CREDIT_CODE;
            case "foreignInvested" -> ProjectColumn.FOREIGN;
            case "startedOn" -> ProjectColumn.STARTED;
            case "kind" -> ProjectColumn.START_KIND;
            case "storedOn" -> ProjectColumn.STORED;
            case "productionOn" -> ProjectColumn.PRODUCTION;
            case "terminatedOn" -> ProjectColumn.TERMINATED;
            case "reason" -> ProjectColumn.TERMINATION_REASON;
            default -> ProjectColumn.valueOf(step.column());
        };
        return column.name();
    }

    // ---- answer

    /** Plans every row ({@link LedgerPlanning}). */
    void plan(LedgerImport owner, LuodiUser user) {
        new LedgerPlanning(this, owner, user).plan();
    }

    LedgerPreview preview(String file, String sha, long millis) {
        Set<String> errorRows = new HashSet<>();
        ledger.errors.forEach(e -> errorRows.add(e.sheet() + "#" + e.row()));
        List<RowResult> rows = new ArrayList<>();
        int newProjects = 0;
        int added = 0;
        int unchanged = 0;
        for (Plan plan : plans) {
            if (plan.row == null) {
                continue;
            }
            ProjectRow r = plan.row;
            Status status = errorRows.contains(LedgerLayout.PROJECTS + "#" + r.row) ? Status.ERROR
                    : plan.isNew ? Status.NEW : plan.steps.isEmpty() ? Status.UNCHANGED : Status.ADDED;
            switch (status) {
                case NEW -> newProjects++;
                case ADDED -> added++;
                case UNCHANGED -> unchanged++;
                default -> {
                }
            }
            if (rows.size() < LedgerPreview.LISTED_ROWS || status == Status.ERROR) {
                rows.add(new RowResult(LedgerLayout.PROJECTS, r.row, status, plan.projectId, r.name,
                        List.copyOf(plan.adds), r.shown));
            }
        }
        for (FundsRow f : ledger.funds) {
            boolean error = errorRows.contains(LedgerLayout.FUNDS + "#" + f.row);
            Plan plan = fundsPlans.get(f);
            Status status = error ? Status.ERROR : Boolean.TRUE.equals(fundsNew.get(f)) ? Status.ADDED
                    : Status.UNCHANGED;
            if (rows.size() < LedgerPreview.LISTED_ROWS || error) {
                rows.add(new RowResult(LedgerLayout.FUNDS, f.row, status, plan == null ? null : plan.projectId,
                        f.name, status == Status.ADDED ? List.of("到位资金 " + f.arrivedOn) : List.of(), f.shown));
            }
        }
        int errorRowCount = errorRows.size();
        List<LedgerPreview.Error> errors = ledger.errors.stream()
                .sorted(Comparator.comparing(LedgerError::sheet).thenComparingInt(LedgerError::row))
                .map(e -> new LedgerPreview.Error(e.sheet(), e.row(), e.cell(), e.column(), e.message())).toList();
        int fundsRows = ledger.funds.size();
        int writtenEvents = dryRun ? events : (recorded ? events : 0);
        return new LedgerPreview(file, sha, dryRun, recorded, alreadyImported,
                new LedgerPreview.Summary(ledger.projects.size(), fundsRows, newProjects, added, unchanged,
                        errorRowCount, writtenEvents, millis), rows, errors);
    }
}
