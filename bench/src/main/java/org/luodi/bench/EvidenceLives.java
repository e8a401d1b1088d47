package org.luodi.bench;

import org.luodi.events.ConstructionStarted;
import org.luodi.events.EvidenceAttached;
import org.luodi.events.EvidenceFile;
import org.luodi.events.EvidenceKind;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.MilestoneVerified;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectVoided;
import org.luodi.events.Verdict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The evidence metadata (实证, #19) of the national data set, added to a project's planned life: a site photo of the
 * start a day or two after it, attached by the township's clerk, on one started project in three found 已核实 by the
 * supervisor some days later; and the contract (PDF) on one signed project in four. Only the national set has them:
 * the write path's workloads send {@link Plans#plan} as commands, and no command there uploads a file. The bytes are
 * never stored (the set only measures the metadata's queries), so their SHA-256 is made up, but well-formed.
 */
final class EvidenceLives {
    private EvidenceLives() {
    }

    static boolean hasContract(int no) {
        return no % 4 == 1;
    }

    static boolean verified(int no) {
        return no % 3 == 0;
    }

    /**
     * {@code plan} with its evidence events placed in recording order. An attachment or finding that would come after
     * a void, after the start's retraction (the milestone is no longer there) or later than an hour ago is left out.
     */
    static List<Plans.Planned> add(int no, List<Plans.Planned> plan, Instant now) {
        Random r = new Random(no * 131L + 7);
        ProjectSigned signed = (ProjectSigned) plan.get(0).event();
        String projectId = signed.projectId();
        String township = signed.township();
        Instant latest = now.minusSeconds(3600);
        for (Plans.Planned p : plan) {
            if (p.event() instanceof ProjectVoided || p.event() instanceof MilestoneRetracted m
                    && m.milestone() == Milestone.START) {
                latest = min(latest, p.recordedAt());
            }
        }
        List<Plans.Planned> added = new ArrayList<>(3);
        if (hasContract(no)) {
            Instant at = after(plan.get(0).recordedAt(), signed.signedOn().plusDays(r.nextInt(4)), r);
            EvidenceFile contract = new EvidenceFile("投资合同-" + signed.name() + ".pdf", "application/pdf",
                    300_000 + r.nextInt(2_000_000), sha256(projectId, "contract"), EvidenceKind.CONTRACT, null, null,
                    null);
            added.add(clerk(new EvidenceAttached(projectId, evidenceId(projectId, "contract"), Milestone.SIGNING,
                    contract), township, at, projectId, "contract"));
        }
        Plans.Planned start = plan.stream().filter(p -> p.event() instanceof ConstructionStarted).findFirst()
                .orElse(null);
        if (start != null) {
            LocalDate startedOn = ((ConstructionStarted) start.event()).startedOn();
            Instant at = after(start.recordedAt(), startedOn.plusDays(1 + r.nextInt(2)), r);
            LocalDateTime capturedAt = startedOn.atTime(8 + r.nextInt(9), r.nextInt(60), r.nextInt(60));
            EvidenceFile photo = new EvidenceFile("IMG_" + startedOn.toString().replace("-", "") + "_"
                    + (1000 + r.nextInt(9000)) + ".jpg", "image/jpeg", 2_000_000 + r.nextInt(4_000_000),
                    sha256(projectId, "start"), EvidenceKind.SITE_PHOTO, capturedAt,
                    round(30.05 + r.nextDouble() * 0.12), round(114.88 + r.nextDouble() * 0.18));
            if (at.isBefore(latest)) {
                added.add(clerk(new EvidenceAttached(projectId, evidenceId(projectId, "start"), Milestone.START,
                        photo), township, at, projectId, "start"));
                Instant verifiedAt = at.plusSeconds(86_400L * (3 + r.nextInt(18)) + r.nextInt(3600));
                if (verified(no) && verifiedAt.isBefore(latest)) {
                    added.add(new Plans.Planned(new MilestoneVerified(projectId, Milestone.START, Verdict.VERIFIED,
                            null), "supervisor", "SUPERVISOR", null, null, verifiedAt,
                            eventId(projectId, "start-verified")));
                }
            }
        }
        Instant end = latest;
        added.removeIf(p -> !p.recordedAt().isBefore(end));
        added.sort(Comparator.comparing(Plans.Planned::recordedAt));
        if (added.isEmpty()) {
            return plan;
        }
        // merge by recordedAt; an existing event recorded at the same instant stays first
        List<Plans.Planned> merged = new ArrayList<>(plan.size() + added.size());
        int i = 0;
        for (Plans.Planned p : plan) {
            while (i < added.size() && added.get(i).recordedAt().isBefore(p.recordedAt())) {
                merged.add(added.get(i++));
            }
            merged.add(p);
        }
        while (i < added.size()) {
            merged.add(added.get(i++));
        }
        return merged;
    }

    /** Evidence events among {@code plan}'s: EvidenceAttached ones. */
    static int files(List<Plans.Planned> plan) {
        int n = 0;
        for (Plans.Planned p : plan) {
            if (p.event() instanceof EvidenceAttached) {
                n++;
            }
        }
        return n;
    }

    /** In office hours on {@code day}, and after {@code previous} (a start may be recorded some days late). */
    private static Instant after(Instant previous, LocalDate day, Random r) {
        Instant at = day.atTime(9, 0).atZone(Plans.SHANGHAI).toInstant().plusSeconds(r.nextInt(9 * 3600))
                .plusNanos(r.nextInt(1_000_000_000));
        return at.isAfter(previous) ? at : previous.plusSeconds(600 + r.nextInt(3600));
    }

    private static Plans.Planned clerk(EvidenceAttached e, String township, Instant at, String projectId,
                                       String what) {
        return new Plans.Planned(e, township, "CLERK", township, null, at, eventId(projectId, what));
    }

    private static String evidenceId(String projectId, String what) {
        return UUID.nameUUIDFromBytes(("evidence-" + what + "-" + projectId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String eventId(String projectId, String what) {
        return UUID.nameUUIDFromBytes(("evidence-event-" + what + "-" + projectId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Lower-case hex SHA-256 of a name, not of any file: the set stores no bytes. */
    private static String sha256(String projectId, String what) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((what + ":" + projectId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
