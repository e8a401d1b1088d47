package org.luodi.command.ledger;

import org.luodi.command.api.CanonicalUuid;
import org.luodi.command.ledger.Ledger.FundsRow;
import org.luodi.command.ledger.Ledger.ProjectRow;
import org.luodi.command.ledger.LedgerRun.Plan;
import org.luodi.command.ledger.LedgerRun.Step;
import org.luodi.command.project.ProjectCommands.CorrectAttributes;
import org.luodi.command.project.ProjectCommands.CorrectCredit;
import org.luodi.command.project.ProjectCommands.CorrectMilestone;
import org.luodi.command.project.ProjectCommands.RecordFundsArrival;
import org.luodi.command.project.ProjectCommands.RegisterCompany;
import org.luodi.command.project.ProjectCommands.SignProject;
import org.luodi.command.project.ProjectCommands.StartConstruction;
import org.luodi.command.project.ProjectCommands.StartProduction;
import org.luodi.command.project.ProjectCommands.StoreProject;
import org.luodi.command.project.ProjectCommands.TerminateProject;
import org.luodi.events.Milestone;
import org.luodi.events.EventDescriptions;
import org.luodi.events.ProjectAttributes;
import org.luodi.platform.ledger.LedgerLayout;
import org.luodi.platform.ledger.LedgerLayout.FundsColumn;
import org.luodi.platform.ledger.LedgerLayout.ProjectColumn;
import org.luodi.platform.security.LuodiUser;
import org.luodi.platform.security.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The planning of a {@link LedgerRun}: for each row of the ledger, which project it is (by its code, or by its
 * township and name, or a new one), and the commands that would bring the project to what the row says (a
 * milestone it lacks, a fund arrival not recorded yet), or the errors that keep it out: a duplicate, another
 * township's row for a clerk, a voided project, a cell that contradicts what is recorded (a correction instead, when
 * the office has given its reason).
 */
final class LedgerPlanning {
    private final LedgerRun run;
    private final LedgerImport owner;
    private final LuodiUser user;

    LedgerPlanning(LedgerRun run, LedgerImport owner, LuodiUser user) {
        this.run = run;
        this.owner = owner;
        this.user = user;
    }


    void plan() {
        Set<Integer> rowsWithErrors = new HashSet<>();
        run.ledger.errors.forEach(e -> rowsWithErrors.add(e.row()));
        Map<String, List<ProjectRow>> byCode = new LinkedHashMap<>();
        Map<String, List<ProjectRow>> byName = new LinkedHashMap<>();
        for (ProjectRow row : run.ledger.projects) {
            if (row.code != null) {
                byCode.computeIfAbsent(row.code.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(row);
            }
            if (row.name != null && row.township != null) {
                byName.computeIfAbsent(KnownProjects.key(row.township, row.name), k -> new ArrayList<>()).add(row);
            }
        }
        byCode.forEach((code, rows) -> {
            if (rows.size() > 1) {
                rows.forEach(r -> run.error(r, ProjectColumn.CODE, "项目编号重复：第 "
                        + rows.stream().map(x -> String.valueOf(x.row)).reduce((a, b) -> a + "、" + b).orElse("")
                        + " 行是同一个编号"));
            }
        });
        byName.forEach((key, rows) -> {
            if (rows.size() > 1 && rows.stream().anyMatch(r -> r.code == null)) {
                rows.forEach(r -> run.error(r, ProjectColumn.NAME, "同一乡镇的项目名称重复（第 "
                        + rows.stream().map(x -> String.valueOf(x.row)).reduce((a, b) -> a + "、" + b).orElse("")
                        + " 行）；同名的不同项目请填项目编号，或把名称写得能区分"));
            }
        });
        KnownProjects known = null;
        Map<String, Plan> planByName = new HashMap<>();
        for (ProjectRow row : run.ledger.projects) {
            Plan plan = new Plan(row);
            run.plans.add(plan);
            if (row.code != null) {
                String id = CanonicalUuid.of(row.code.strip());
                Recorded recorded = id == null ? null : owner.recorded(id);
                if (recorded == null) {
                    run.error(row, ProjectColumn.CODE, "项目编号「" + Lenient.shown(row.code)
                            + "」不存在；新项目请把项目编号留空，导入时会分配编号");
                    plan.failed = true;
                    continue;
                }
                plan.projectId = id;
                plan.recorded = recorded;
            } else if (row.name != null && row.township != null) {
                if (known == null) {
                    known = KnownProjects.read(owner.jdbc, run.ledger.projects.stream().map(p -> p.township)
                            .filter(Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
                }
                List<String> ids = known.find(row.township, row.name);
                if (ids.size() > 1) {
                    run.error(row, ProjectColumn.NAME, "本乡镇已有 " + ids.size() + " 个同名项目，请填项目编号说明是哪一个");
                    plan.failed = true;
                    continue;
                }
                if (ids.size() == 1) {
                    plan.projectId = ids.get(0);
                    plan.recorded = owner.recorded(plan.projectId);
                } else {
                    plan.projectId = UUID.randomUUID().toString();
                    plan.isNew = true;
                }
            } else {
                plan.failed = true;
                continue;
            }
            if (row.name != null && row.township != null) {
                planByName.putIfAbsent(row.name, plan);
            }
            String township = plan.recorded != null ? plan.recorded.attributes.township() : row.township;
            if (user.role() == Role.CLERK && township != null && !township.equals(user.township())) {
                run.error(row, ProjectColumn.TOWNSHIP, "不能导入其他乡镇的项目（本账号属于"
                        + owner.townshipName(user.township()) + "，此行是" + owner.townshipName(township) + "）");
                plan.failed = true;
                continue;
            }
            if (plan.recorded != null && plan.recorded.voided) {
                run.error(row, ProjectColumn.CODE, "该项目已作废，不能再导入");
                plan.failed = true;
                continue;
            }
            if (rowsWithErrors.contains(row.row) && run.ledger.errors.stream()
                    .anyMatch(e -> e.row() == row.row && e.sheet().equals(LedgerLayout.PROJECTS))) {
                plan.failed = true;
                continue;
            }
            if (plan.isNew) {
                planNew(plan);
            } else {
                planExisting(plan);
            }
        }
        Map<String, Plan> byId = new HashMap<>();
        run.plans.stream().filter(p -> p.projectId != null).forEach(p -> byId.putIfAbsent(p.projectId, p));
        Map<Plan, List<Recorded.Arrival>> unmatched = new HashMap<>();
        List<FundsRow> sorted = new ArrayList<>(run.ledger.funds);
        sorted.sort(Comparator.comparing((FundsRow f) -> f.arrivedOn == null ? LocalDate.MIN : f.arrivedOn)
                .thenComparingInt(f -> f.row));
        for (FundsRow funds : sorted) {
            Plan plan = null;
            if (funds.code != null) {
                String id = CanonicalUuid.of(funds.code.strip());
                plan = id == null ? null : byId.get(id);
                if (plan == null && id != null) {
                    Recorded recorded = owner.recorded(id);
                    if (recorded != null) {
                        plan = new Plan(null);
                        plan.projectId = id;
                        plan.recorded = recorded;
                        byId.put(id, plan);
                        String township = recorded.attributes.township();
                        if (user.role() == Role.CLERK && !township.equals(user.township())) {
                            run.error(funds, FundsColumn.CODE, "不能导入其他乡镇项目的到位资金");
                            plan.failed = true;
                        }
                    }
                }
                if (plan == null) {
                    run.error(funds, FundsColumn.CODE, "项目编号「" + Lenient.shown(funds.code) + "」不存在");
                    continue;
                }
            } else if (funds.name != null) {
                plan = planByName.get(funds.name);
                if (plan == null) {
                    run.error(funds, FundsColumn.NAME, "「" + Lenient.shown(funds.name)
                            + "」不是本台账“项目台账”表中的项目名称；已录入的项目请填项目编号");
                    continue;
                }
            }
            if (plan == null || plan.failed || funds.arrivedOn == null || funds.amount == null
                    || funds.source == null) {
                continue;
            }
            List<Recorded.Arrival> left = unmatched.computeIfAbsent(plan,
                    p -> p.recorded == null ? new ArrayList<>() : p.recorded.arrivals());
            Recorded.Arrival match = left.stream().filter(a -> a.on().equals(funds.arrivedOn)
                    && a.source() == funds.source && a.usd() == funds.usd && a.amount() != null
                    && a.amount().compareTo(funds.amount) == 0).findFirst().orElse(null);
            run.fundsPlans.put(funds, plan);
            if (match != null) {
                left.remove(match);
                run.fundsNew.put(funds, false);
                continue;
            }
            run.fundsNew.put(funds, true);
            plan.steps.add(new Step(new RecordFundsArrival(plan.projectId, funds.arrivedOn, funds.source,
                    funds.usd ? null : funds.amount, funds.usd ? funds.amount : null, null), LedgerLayout.FUNDS,
                    funds.row, columnsOf(funds.cells), FundsColumn.AMOUNT.name(),
                    "到位资金 " + funds.arrivedOn + " " + funds.amount.stripTrailingZeros().toPlainString()
                            + (funds.usd ? " 万美元" : " 万元")));
            plan.adds.add("到位资金 " + funds.arrivedOn);
        }
        // termination last: a terminated project takes no milestone
        for (Plan plan : run.plans) {
            plan.steps.sort(Comparator.comparingInt(s -> s.command() instanceof TerminateProject ? 1 : 0));
        }
        byId.values().stream().filter(p -> p.row == null && !run.plans.contains(p)).forEach(run.plans::add);
    }

    private static Map<String, String> columnsOf(Map<?, String> cells) {
        Map<String, String> out = new HashMap<>();
        cells.forEach((k, v) -> out.put(((Enum<?>) k).name(), v));
        return out;
    }

    private void planNew(Plan plan) {
        ProjectRow r = plan.row;
        step(plan, new SignProject(plan.projectId, r.name, r.investor, r.township, r.chain, r.industrial, r.contract,
                r.source, r.signedOn, r.introducedBy, r.planned, null, null, null), ProjectColumn.SIGNED, "新项目 签约 " + r.signedOn);
        planMilestones(plan, new Recorded());
    }

    private void planExisting(Plan plan) {
        ProjectRow r = plan.row;
        Recorded rec = plan.recorded;
        ProjectAttributes a = rec.attributes;
        String name = corrected(plan, ProjectColumn.NAME, r.name, a.name(), Function.identity());
        String investor = corrected(plan, ProjectColumn.INVESTOR, r.investor, a.investor(), Function.identity());
        String township = corrected(plan, ProjectColumn.TOWNSHIP, r.township, a.township(), t -> ownerName(t));
        String chain = corrected(plan, ProjectColumn.CHAIN, r.chain, a.industryChain(), Function.identity());
        Boolean industrial = corrected(plan, ProjectColumn.INDUSTRIAL, r.industrial, a.industrial(),
                b -> b ? "是" : "否");
        var source = corrected(plan, ProjectColumn.SOURCE, r.source, a.sourceRegion(), s -> s.label());
        BigDecimal contract = correctedAmount(plan, ProjectColumn.CONTRACT, r.contract, a.contractAmountWan());
        BigDecimal planned = correctedAmount(plan, ProjectColumn.PLANNED, r.planned, a.plannedInvestmentWan());
        if (name != null || investor != null || township != null || chain != null || industrial != null
                || source != null || contract != null || planned != null) {
            correction(plan, new CorrectAttributes(plan.projectId, name, investor, township, chain, industrial,
                    source, contract, planned, null, null, run.correctionReason, null), ProjectColumn.NAME);
        }
        LocalDate signedOn = corrected(plan, ProjectColumn.SIGNED, r.signedOn, rec.signedOn, Object::toString);
        if (signedOn != null) {
            correction(plan, milestone(plan, Milestone.SIGNING, signedOn, null), ProjectColumn.SIGNED);
        }
        String introducedBy = corrected(plan, ProjectColumn.INTRODUCED_BY, r.introducedBy, rec.introducedBy,
                Function.identity());
        if (introducedBy != null) {
            correction(plan, new CorrectCredit(plan.projectId, introducedBy, run.correctionReason),
                    ProjectColumn.INTRODUCED_BY);
        }
        planMilestones(plan, rec);
    }

    private String ownerName(String township) {
        return township;
    }

    private void planMilestones(Plan plan, Recorded rec) {
        ProjectRow r = plan.row;
        if (r.registeredOn != null) {
            if (rec.registeredOn == null) {
                step(plan, new RegisterCompany(plan.projectId, r.registeredOn, r.company, r.creditCode, r.foreign,
                        r.exportOriented), ProjectColumn.REGISTERED, "注册 " + r.registeredOn);
            } else {
                correctDate(plan, ProjectColumn.REGISTERED, Milestone.REGISTRATION, r.registeredOn, rec.registeredOn);
                same(plan, ProjectColumn.COMPANY, r.company, rec.companyName, Function.identity());
                same(plan, ProjectColumn.CREDIT_CODE, r.creditCode, rec.creditCode, Function.identity());
                same(plan, ProjectColumn.FOREIGN, r.foreign, rec.foreignInvested, b -> b ? "是" : "否");
            }
        }
        if (r.startedOn != null) {
            if (rec.startedOn == null) {
                step(plan, new StartConstruction(plan.projectId, r.startedOn, r.startKind), ProjectColumn.STARTED,
                        "开工 " + r.startedOn);
            } else {
                correctDate(plan, ProjectColumn.STARTED, Milestone.START, r.startedOn, rec.startedOn);
                same(plan, ProjectColumn.START_KIND, r.startKind, rec.startKind, k -> k.label());
            }
        }
        if (r.storedOn != null) {
            if (rec.storedOn == null) {
                step(plan, new StoreProject(plan.projectId, r.storedOn, r.storedPlanned), ProjectColumn.STORED,
                        "入库 " + r.storedOn);
            } else {
                LocalDate on = corrected(plan, ProjectColumn.STORED, r.storedOn, rec.storedOn, Object::toString);
                BigDecimal amount = correctedAmount(plan, ProjectColumn.STORED_PLANNED, r.storedPlanned,
                        rec.storedPlanned);
                if (on != null || amount != null) {
                    correction(plan, milestone(plan, Milestone.STORAGE, on, amount), ProjectColumn.STORED);
                }
            }
        }
        if (r.productionOn != null) {
            if (rec.productionOn == null) {
                step(plan, new StartProduction(plan.projectId, r.productionOn), ProjectColumn.PRODUCTION,
                        "投产 " + r.productionOn);
            } else {
                correctDate(plan, ProjectColumn.PRODUCTION, Milestone.PRODUCTION, r.productionOn, rec.productionOn);
            }
        }
        if (r.terminatedOn != null) {
            if (rec.terminatedOn == null) {
                step(plan, new TerminateProject(plan.projectId, r.terminatedOn, r.terminationReason),
                        ProjectColumn.TERMINATED, "解约 " + r.terminatedOn);
            } else {
                correctDate(plan, ProjectColumn.TERMINATED, Milestone.TERMINATION, r.terminatedOn, rec.terminatedOn);
            }
        }
    }

    private void step(Plan plan, Object command, ProjectColumn column, String words) {
        plan.steps.add(new Step(command, LedgerLayout.PROJECTS, plan.row.row, columnsOf(plan.row.cells),
                column.name(), words));
        plan.adds.add(words);
    }

    private <T> void same(Plan plan, ProjectColumn column, T inLedger, T recorded, Function<T, String> shown) {
        if (inLedger != null && !Objects.equals(inLedger, recorded)) {
            contradiction(plan, column, recorded == null ? "（空）" : shown.apply(recorded), shown.apply(inLedger),
                    "。此项不能由导入更正，请与已录入保持一致，或联系市级督查人员处理");
        }
    }

    private void contradiction(Plan plan, ProjectColumn column, String recorded, String inLedger, String then) {
        run.error(plan.row, column, "与已录入不一致：已录入「" + recorded + "」，台账为「" + inLedger + "」" + then);
        plan.failed = true;
    }

    /**
     * The ledger's value where it differs from the recorded one and the import corrects (a reason was given),
     * worded in the row's preview; null where it is the same, and an error where it differs without a reason.
     */
    private <T> T corrected(Plan plan, ProjectColumn column, T inLedger, T recorded, Function<T, String> shown) {
        if (inLedger == null || Objects.equals(inLedger, recorded)) {
            return null;
        }
        return correctedTo(plan, column, inLedger, recorded == null ? "（空）" : shown.apply(recorded),
                shown.apply(inLedger));
    }

    private BigDecimal correctedAmount(Plan plan, ProjectColumn column, BigDecimal inLedger, BigDecimal recorded) {
        if (inLedger == null || ProjectAttributes.sameAmount(inLedger, recorded)) {
            return null;
        }
        return correctedTo(plan, column, inLedger, recorded == null ? "（空）" : EventDescriptions.wan(recorded),
                EventDescriptions.wan(inLedger));
    }

    private <T> T correctedTo(Plan plan, ProjectColumn column, T inLedger, String recorded, String shown) {
        if (run.correctionReason == null) {
            contradiction(plan, column, recorded, shown, "。如确需更改，请在项目详情页用“更正”表单修改；或确认台账无误后，"
                    + "在导入页勾选“以台账为准更正”并填写理由");
            return null;
        }
        plan.adds.add("更正 " + column.header() + "：" + recorded + " → " + shown);
        return inLedger;
    }

    private void correctDate(Plan plan, ProjectColumn column, Milestone milestone, LocalDate inLedger,
                             LocalDate recorded) {
        LocalDate on = corrected(plan, column, inLedger, recorded, Object::toString);
        if (on != null) {
            correction(plan, milestone(plan, milestone, on, null), column);
        }
    }

    private CorrectMilestone milestone(Plan plan, Milestone milestone, LocalDate on, BigDecimal amountWan) {
        return new CorrectMilestone(plan.projectId, milestone, null, on, amountWan, null, run.correctionReason);
    }

    /** A correction's step: its words are already in the row's preview. */
    private void correction(Plan plan, Object command, ProjectColumn column) {
        plan.steps.add(new Step(command, LedgerLayout.PROJECTS, plan.row.row, columnsOf(plan.row.cells),
                column.name(), "更正"));
    }
}
