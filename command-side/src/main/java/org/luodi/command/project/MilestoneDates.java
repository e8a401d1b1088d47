package org.luodi.command.project;

import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.RuleViolationException;

import java.time.LocalDate;
import java.util.Map;

/**
 * The dates a project has reached, and the order SPEC §2 requires of them. Every command that adds or changes a
 * date builds the would-be dates and asks {@link #check(String)}, so that a correction obeys exactly the rules a
 * first entry obeys.
 */
record MilestoneDates(LocalDate signed, LocalDate registered, LocalDate started, LocalDate stored,
                      LocalDate production, LocalDate terminated, Map<Integer, LocalDate> funds) {

    /** Throws a 409 naming {@code field} when the dates break a rule. */
    void check(String field) {
        String broken = brokenRule();
        if (broken != null) {
            throw new RuleViolationException(ErrorCode.MILESTONE_OUT_OF_ORDER, field, broken);
        }
    }

    private String brokenRule() {
        if (before(registered, signed)) {
            return "注册日期不能早于签约日期";
        }
        if (before(started, signed)) {
            return "开工日期不能早于签约日期";
        }
        if (stored != null && started == null) {
            return "尚未开工，不能入库";
        }
        if (before(stored, started)) {
            return "入库日期不能早于开工日期";
        }
        if (production != null && started == null) {
            return "尚未开工，不能投产";
        }
        if (before(production, started)) {
            return "投产日期不能早于开工日期";
        }
        if (funds.values().stream().anyMatch(d -> before(d, signed))) {
            return "资金到位日期不能早于签约日期";
        }
        if (terminated != null) {
            if (production != null) {
                return "已投产的项目不能解约";
            }
            boolean milestoneAfterTermination = before(terminated, signed) || before(terminated, registered)
                    || before(terminated, started) || before(terminated, stored)
                    || funds.values().stream().anyMatch(d -> before(terminated, d));
            if (milestoneAfterTermination) {
                return "解约日期不能早于已记录的里程碑";
            }
        }
        return null;
    }

    private static boolean before(LocalDate date, LocalDate reference) {
        return date != null && reference != null && date.isBefore(reference);
    }

    MilestoneDates withRegistered(LocalDate d) {
        return new MilestoneDates(signed, d, started, stored, production, terminated, funds);
    }

    MilestoneDates withSigned(LocalDate d) {
        return new MilestoneDates(d, registered, started, stored, production, terminated, funds);
    }

    MilestoneDates withStarted(LocalDate d) {
        return new MilestoneDates(signed, registered, d, stored, production, terminated, funds);
    }

    MilestoneDates withStored(LocalDate d) {
        return new MilestoneDates(signed, registered, started, d, production, terminated, funds);
    }

    MilestoneDates withProduction(LocalDate d) {
        return new MilestoneDates(signed, registered, started, stored, d, terminated, funds);
    }

    MilestoneDates withTerminated(LocalDate d) {
        return new MilestoneDates(signed, registered, started, stored, production, d, funds);
    }

    MilestoneDates withFunds(int arrivalNo, LocalDate d) {
        Map<Integer, LocalDate> changed = new java.util.HashMap<>(funds);
        changed.put(arrivalNo, d);
        return new MilestoneDates(signed, registered, started, stored, production, terminated, Map.copyOf(changed));
    }
}
