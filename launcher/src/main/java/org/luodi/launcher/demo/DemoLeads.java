package org.luodi.launcher.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The leads (项目信息, #20) of the demo year: one project in three was a lead first, reported by its township two
 * months before the signing, assessed, in talks a month before it (and through the 签约前评审 at 5亿 and more); and
 * each township has a few leads that did not sign: one in talks at the year's end, one assessed and waiting, one
 * given up. Seeded like the year itself.
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

    /** Three leads a township that did not sign, reported in the autumn. */
    public static List<OpenLead> others(List<DemoYear.Project> projects) {
        Set<String> townships = new LinkedHashSet<>();
        projects.forEach(p -> townships.add(p.township()));
        Random r = new Random(2024_20);
        List<OpenLead> leads = new ArrayList<>();
        for (String township : townships) {
            for (Fate fate : Fate.values()) {
                LocalDate reportedOn = LocalDate.of(2024, 9, 2).plusDays(r.nextInt(80));
                String id = UUID.nameUUIDFromBytes(("demo-lead-" + township + "-" + fate)
                        .getBytes(StandardCharsets.UTF_8)).toString();
                leads.add(new OpenLead(id, township, ProjectProfile.draw(r), reportedOn, fate));
            }
        }
        return leads;
    }
}
