package org.luodi.query.lead;

import org.luodi.events.LeadSource;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.targets.LeadInfoTargets;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The 项目信息 targets (#20, kept with the other targets) against the leads recorded, for the funnel: the targets of
 * the year of {@code to} that apply to the period asked (the year's always, a quarter's when the period reaches into
 * it), each counted from its period's first day to {@code to} (a quarter's at most to its last day).
 */
@Component
public class LeadTargetProgress {
    private final LeadInfoTargets targets;
    private final LeadQueries queries;

    public LeadTargetProgress(LeadInfoTargets targets, LeadQueries queries) {
        this.targets = targets;
        this.queries = queries;
    }

    /**
     * A target with what its period has reached by the funnel's {@code to}: counted over [countedFrom, countedTo].
     * {@code unit} null: the county as a whole.
     */
    public record Completion(int year, String key, String period, LeadSource source, String unit, String unitName,
                             String label, long target, long actual, BigDecimal completion, LocalDate countedFrom,
                             LocalDate countedTo, String basis) {
    }

    /** Supervisors and leaders: every target; a clerk or a department: its own unit's (a count names no investor). */
    public List<Completion> of(LuodiUser user, LocalDate from, LocalDate to) {
        List<Completion> completions = new ArrayList<>();
        for (LeadInfoTargets.LeadTarget t : targets.of(to.getYear(), null)) {
            boolean own = t.unit() != null && (t.unit().equals(user.township()) || t.unit().equals(user.department()));
            if (!(user.seesEveryUnit() || own) || t.periodFrom().isAfter(to) || t.periodTo().isBefore(from)) {
                continue;
            }
            LocalDate end = t.periodTo().isBefore(to) ? t.periodTo() : to;
            long actual = queries.recorded(t.unit(), t.source(), t.periodFrom(), end);
            // a unit's target names the unit, so that a card of it reads apart from the county's
            completions.add(new Completion(t.year(), t.key(), t.period(), t.source(), t.unit(), t.unitName(),
                    t.unit() == null ? t.label() : t.unitName() + t.label(), t.count(), actual, LeadQueries.rate(actual, t.count()), t.periodFrom(), end, t.basis()));
        }
        return completions;
    }
}
