package org.luodi.bench;

import org.luodi.events.LeadAbandoned;
import org.luodi.events.LeadAssessed;
import org.luodi.events.LeadEvent;
import org.luodi.events.LeadNegotiationStarted;
import org.luodi.events.LeadRecorded;
import org.luodi.events.LeadReviewed;
import org.luodi.events.LeadSigned;
import org.luodi.events.LeadSource;
import org.luodi.events.LeadUnits;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ReviewKind;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The leads (项目信息, #20) of the national data set: three per signed project, reported by its township. One project
 * in three came from its first lead (信息 → 研判 → 在谈, 签约前评审 at 5亿 and more, then signed with the project);
 * the others' leads are mostly abandoned, and those of the last year are still at 信息, 研判 or in talks, as the
 * funnel and the 在谈项目清单 count them.
 */
final class LeadLives {
    /** The aggregate type the command side stores a lead's events under (its aggregate class). */
    static final String AGGREGATE_TYPE = "Lead";
    static final int PER_PROJECT = 3;

    /** Events of one lead, each with who recorded it, in the order they are recorded. */
    record Planned(LeadEvent event, EventRows.Stamp stamp) {
    }

    private static final LeadSource[] SOURCES = LeadSource.values();

    private final LocalDate from;
    private final LocalDate to;
    private final Instant now;

    LeadLives(LocalDate from, LocalDate to, Instant now) {
        this.from = from;
        this.to = to;
        this.now = now;
    }

    static boolean signsFromLead(int projectNo) {
        return projectNo % 3 == 0;
    }

    static String leadId(String projectId, int k) {
        return UUID.nameUUIDFromBytes(("lead-" + projectId + "-" + k).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Lead {@code k} (0 to 2) of project {@code no} whose events are {@code project}: empty when it has none. */
    List<Planned> plan(int no, int k, List<Plans.Planned> project) {
        // seeds of their own, above the tickets' (no * 31 + 17) and the projects' (about 2e9): equal seeds gave a lead
        // and a ticket the same random event identifiers, which the store's unique key refuses
        Random r = new Random((1L << 40) + no * 97L + k * 13L + 5);
        Plans.Planned signing = project.get(0);
        ProjectSigned signed = (ProjectSigned) signing.event();
        String township = signed.township();
        String id = leadId(signed.projectId(), k);
        OfficeHours clock = new OfficeHours(r, now);
        List<Planned> events = new ArrayList<>();
        // (a signing of the data set's first months is left without one: its lead would start before the store)
        if (k == 0 && signsFromLead(no) && signed.signedOn().isAfter(from.plusDays(200))) {
            LocalDate recordedOn = signed.signedOn().minusDays(40 + r.nextInt(160));
            LocalDate assessedOn = recordedOn.plusDays(1 + r.nextInt(7));
            LocalDate talksOn = assessedOn.plusDays(3 + r.nextInt(20));
            record(events, clock, id, township, signed.investor(), signed.name(), signed.contractAmountWan(), r,
                    recordedOn);
            events.add(new Planned(new LeadAssessed(id, assessedOn, "符合产业方向，建议跟进"),
                    clock.stamp(assessedOn, township, "CLERK", township, null, null)));
            events.add(new Planned(new LeadNegotiationStarted(id, talksOn, "乡镇主要负责人"),
                    clock.stamp(talksOn, township, "CLERK", township, null, null)));
            if (signed.contractAmountWan().compareTo(LeadUnits.REVIEW_THRESHOLD_WAN) >= 0) {
                LocalDate reviewedOn = talksOn.plusDays(1 + r.nextInt(10));
                events.add(new Planned(new LeadReviewed(id, ReviewKind.CONTRACT_REVIEW, reviewedOn, true, "同意签约"),
                        clock.stamp(reviewedOn, "supervisor", "SUPERVISOR", null, null, null)));
            }
            // recorded in the signing's own transaction
            events.add(new Planned(new LeadSigned(id, signed.projectId(), signed.signedOn(), List.of(township)),
                    clock.stamp(signing.recordedAt(), signing.actor(), "CLERK", township, null, null)));
            return events;
        }
        long span = ChronoUnit.DAYS.between(from, to);
        LocalDate recordedOn = to.minusDays(r.nextInt((int) span));
        record(events, clock, id, township, "线索" + no + "-" + k + "投资有限公司", "线索" + no + "-" + k + "项目",
                BigDecimal.valueOf(1000L * (1 + r.nextInt(60))), r, recordedOn);
        boolean recent = ChronoUnit.DAYS.between(recordedOn, to) < 365;
        int fate = r.nextInt(100);
        LocalDate last = recordedOn;
        if (fate >= 20) {
            LocalDate assessedOn = last.plusDays(1 + r.nextInt(5));
            if (assessedOn.isAfter(to)) {
                return events;
            }
            events.add(new Planned(new LeadAssessed(id, assessedOn, fate < 50 ? "不符合产业方向" : "可以跟进"),
                    clock.stamp(assessedOn, township, "CLERK", township, null, null)));
            last = assessedOn;
        }
        if (fate >= 50) {
            LocalDate talksOn = last.plusDays(5 + r.nextInt(30));
            if (talksOn.isAfter(to)) {
                return events;
            }
            events.add(new Planned(new LeadNegotiationStarted(id, talksOn, "招商专班"),
                    clock.stamp(talksOn, township, "CLERK", township, null, null)));
            last = talksOn;
        }
        // a lead of the last year may still be open; an older one has long been given up
        if (recent && fate % 2 == 0) {
            return events;
        }
        LocalDate abandonedOn = last.plusDays(10 + r.nextInt(120));
        if (!abandonedOn.isAfter(to)) {
            events.add(new Planned(new LeadAbandoned(id, abandonedOn, "企业投资意向变化"),
                    clock.stamp(abandonedOn, township, "CLERK", township, null, "企业投资意向变化")));
        }
        return events;
    }

    private static void record(List<Planned> events, OfficeHours clock, String id, String township, String investor,
                               String project, BigDecimal amount, Random r, LocalDate on) {
        events.add(new Planned(new LeadRecorded(id, township, investor, null, project, amount, List.of(),
                SOURCES[r.nextInt(SOURCES.length)], township, on, List.of()),
                clock.stamp(on, township, "CLERK", township, null, null)));
    }
}
