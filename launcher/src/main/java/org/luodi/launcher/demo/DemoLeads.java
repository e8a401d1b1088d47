package org.luodi.launcher.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.UUID;

/**
 * The leads (项目信息, #20) of the demo year: one project in three was a lead first, reported by its township two
 * months before the signing, assessed, in talks a month before it (and through the 签约前评审 at 5亿 and more); and
 * each township has leads that did not sign: one in talks at the year's end, one assessed and waiting (both reported
 * in the autumn), and, reported through the year and given up after the assessment, one more than twice as many as
 * signed from a lead: most leads come to nothing, and a township converts about a third of what it reports.
 * Seeded like the year itself.
 */
public final class DemoLeads {
    private static final BigDecimal REVIEW_THRESHOLD_WAN = BigDecimal.valueOf(50_000);

    /** A lead that did not sign: reported on {@code reportedOn}, then as far as {@code fate} says. */
    public record OpenLead(String leadId, String township, ProjectProfile profile, LocalDate reportedOn, Fate fate) {
    }

    public enum Fate { IN_TALKS, ASSESSED, ABANDONED }

    private DemoLeads() {
    }

    public static boolean signsFromLead(DemoYear.Project p) {
        return p.no() % 3 == 0;
    }

    public static String leadId(String projectId) {
        return UUID.nameUUIDFromBytes(("demo-lead-" + projectId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Whether the lead's contract asks for a passed 签约前评审 ("三重一大") before it signs. */
    public static boolean needsContractReview(DemoYear.Project p) {
        return p.profile().contractAmountWan().compareTo(REVIEW_THRESHOLD_WAN) >= 0;
    }

    /** The leads of each township that did not sign: one in talks, one assessed, and those given up. */
    public static List<OpenLead> others(List<DemoYear.Project> projects) {
        Map<String, Integer> signedFromLead = new LinkedHashMap<>();
        projects.forEach(p -> signedFromLead.merge(p.township(), signsFromLead(p) ? 1 : 0, Integer::sum));
        Random r = new Random(2024_20);
        List<OpenLead> leads = new ArrayList<>();
        signedFromLead.forEach((township, signed) -> {
            leads.add(open(township, Fate.IN_TALKS, 0, LocalDate.of(2024, 9, 2).plusDays(r.nextInt(80)), r));
            leads.add(open(township, Fate.ASSESSED, 0, LocalDate.of(2024, 9, 2).plusDays(r.nextInt(80)), r));
            for (int n = 0; n < 1 + 2 * signed; n++) {
                leads.add(open(township, Fate.ABANDONED, n, LocalDate.of(2024, 1, 2).plusDays(r.nextInt(330)), r));
            }
        });
        return leads;
    }

    private static OpenLead open(String township, Fate fate, int n, LocalDate reportedOn, Random r) {
        String id = UUID.nameUUIDFromBytes(("demo-lead-" + township + "-" + fate + (n == 0 ? "" : "-" + n))
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new OpenLead(id, township, ProjectProfile.draw(r), reportedOn, fate);
    }
}
