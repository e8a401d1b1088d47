package org.luodi.bench;

import org.luodi.events.CompanyRegistered;
import org.luodi.events.ConstructionStarted;
import org.luodi.events.CreditCode;
import org.luodi.events.FundsArrived;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.ProductionStarted;
import org.luodi.events.ProjectEvent;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectStored;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.ProjectVoided;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;
import org.luodi.launcher.demo.ProjectProfile;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic lives of investment projects, as the events the command side would record for them: signing, then
 * (depending on the project's fate) registration, start, storage, production, fund arrivals in tranches, the odd
 * correction by the clerk, a retracted ceremonial start or a void by a supervisor, and termination of contracts
 * that stall past six months (seed 001 tells townships to dissolve them). Every date obeys SPEC §2's rules and
 * lies on or before {@code today}. The same (seed, number) always gives the same project, so the generator can
 * re-derive a project instead of keeping 400,000 of them in memory.
 */
final class Plans {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** One recorded event with the metadata the command side would stamp on it. */
    record Planned(ProjectEvent event, String actor, String role, String actorTownship, String reason,
                   Instant recordedAt, String eventId) {
    }

    private final long seed;
    private final LocalDate today;
    private final Instant now;
    private final String[] townships;
    private final int[] townshipWeights;
    private final int weightTotal;

    /** The moment the generated lives end: nothing is recorded later than an hour before it. */
    Instant now() {
        return now;
    }

    Plans(long seed, LocalDate today, Instant now) {
        this.seed = seed;
        this.today = today;
        this.now = now;
        List<String[]> townshipRows = ProjectProfile.csv("reference/townships-daye.csv");
        List<String[]> targets = ProjectProfile.csv("reference/targets-daye-2024.csv");
        townships = new String[townshipRows.size()];
        townshipWeights = new int[townshipRows.size()];
        int total = 0;
        for (int i = 0; i < townshipRows.size(); i++) {
            townships[i] = townshipRows.get(i)[0];
            int weight = 2;
            for (String[] t : targets) {
                if (t[0].equals(townships[i]) && !t[1].isBlank()) {
                    weight = Integer.parseInt(t[1]);
                }
            }
            townshipWeights[i] = weight;
            total += weight;
        }
        weightTotal = total;
    }

    /** The township codes, which are also the clerks' usernames. */
    List<String> townships() {
        return List.of(townships);
    }

    static String projectId(String prefix, long no) {
        return UUID.nameUUIDFromBytes((prefix + no).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The events of project {@code no}, in the order they are recorded (sequence numbers 0, 1, …), signed on a day in
     * [{@code signedFrom}, {@code signedTo}].
     */
    List<Planned> plan(String projectId, long no, LocalDate signedFrom, LocalDate signedTo) {
        Random r = new Random(seed * 1_000_003L + no);
        String township = township(r);
        // name, investor, chain, amount and source region: the demo year's generator, so that both tell one story
        ProjectProfile profile = ProjectProfile.draw(r);
        BigDecimal amount = profile.contractAmountWan();
        SourceRegion source = profile.sourceRegion();
        long span = ChronoUnit.DAYS.between(signedFrom, signedTo) + 1;
        LocalDate signedOn = signedFrom.plusDays(Math.floorMod(r.nextLong(), span));

        List<Dated> milestones = new ArrayList<>();
        milestones.add(new Dated(signedOn, 0, new ProjectSigned(projectId, profile.name(), profile.investor(),
                township, profile.chain(), profile.industrial(), amount, source, signedOn,
                profile.introducedBy(), null, profile.plannedAtSigningWan(), profile.types(),
                profile.investorCategories()), null, false));
        int fate = r.nextInt(100);
        LocalDate registeredOn = null;
        if (r.nextInt(100) < 70) {
            registeredOn = signedOn.plusDays(10 + r.nextInt(40));
            if (!registeredOn.isAfter(today)) {
                milestones.add(new Dated(registeredOn, 1, new CompanyRegistered(projectId, registeredOn,
                        profile.companyName(), creditCode(no), source == SourceRegion.FOREIGN,
                        exportOriented(source, no)), null, false));
            } else {
                registeredOn = null;
            }
        }
        LocalDate latest = registeredOn == null ? signedOn : registeredOn;
        if (fate < 4) {
            terminate(milestones, projectId, max(signedOn.plusMonths(3), latest), "投资方资金链断裂，双方协商解约");
            return record(milestones, township, r);
        }
        if (fate < 22) {
            // stalled: never started. Most contracts six months unstarted are dissolved soon after (seed 001);
            // nearly all the others within a year and a half, so that alerts are mostly about recent contracts
            if (r.nextInt(100) < 85) {
                terminate(milestones, projectId, max(signedOn.plusMonths(6).plusDays(r.nextInt(90)), latest),
                        "签约超过6个月未开工，依约解除合同");
            } else if (r.nextInt(100) < 95) {
                terminate(milestones, projectId, max(signedOn.plusMonths(9).plusDays(r.nextInt(270)), latest),
                        "长期未开工，经协商解除合同");
            }
            return record(milestones, township, r);
        }
        LocalDate startedOn = signedOn.plusDays(15 + r.nextInt(120));
        if (startedOn.isAfter(today)) {
            return record(milestones, township, r);
        }
        milestones.add(new Dated(startedOn, 2, new ConstructionStarted(projectId, startedOn,
                r.nextInt(10) < 8 ? StartKind.NEW : StartKind.RESUMED), null, false));
        LocalDate storedOn = startedOn.plusDays(20 + r.nextInt(90));
        boolean stored = r.nextInt(100) < 75 && !storedOn.isAfter(today);
        if (stored) {
            milestones.add(new Dated(storedOn, 3, new ProjectStored(projectId, storedOn,
                    amount.multiply(BigDecimal.valueOf(60 + r.nextInt(40))).divide(BigDecimal.valueOf(100)).stripTrailingZeros()),
                    null, false));
        }
        LocalDate productionOn = startedOn.plusDays(90 + r.nextInt(200));
        boolean producing = r.nextInt(100) < 35 && !productionOn.isAfter(today);
        if (producing) {
            milestones.add(new Dated(productionOn, 4, new ProductionStarted(projectId, productionOn), null, false));
        }
        int arrivals = 1 + r.nextInt(12);
        List<LocalDate> arrivalDates = new ArrayList<>();
        for (int a = 0; a < arrivals; a++) {
            LocalDate arrivedOn = startedOn.plusDays(r.nextInt(730));
            if (!arrivedOn.isAfter(today)) {
                arrivalDates.add(arrivedOn);
            }
        }
        arrivalDates.sort(Comparator.naturalOrder());
        for (int a = 0; a < arrivalDates.size(); a++) {
            boolean foreign = source == SourceRegion.FOREIGN;
            BigDecimal value = foreign ? BigDecimal.valueOf(20 + r.nextInt(200))
                    : amount.multiply(BigDecimal.valueOf(5 + r.nextInt(20))).divide(BigDecimal.valueOf(100)).stripTrailingZeros();
            milestones.add(new Dated(arrivalDates.get(a), 5, new FundsArrived(projectId, a + 1, arrivalDates.get(a),
                    source, foreign ? null : value, foreign ? value : null), null, false));
        }
        LocalDate last = milestones.stream().map(Dated::date).max(Comparator.naturalOrder()).orElseThrow();
        if (!arrivalDates.isEmpty() && r.nextInt(100) < 6) {
            BigDecimal corrected = BigDecimal.valueOf(10 + r.nextInt(500));
            boolean foreign = source == SourceRegion.FOREIGN;
            milestones.add(new Dated(min(arrivalDates.get(0).plusDays(20), today), 6, new MilestoneCorrected(projectId,
                    Milestone.FUNDS, 1, null, foreign ? null : corrected, foreign ? corrected : null,
                    "财务核对后更正到位金额"), "财务核对后更正到位金额", false));
        }
        if (!stored && !producing && arrivalDates.isEmpty() && r.nextInt(100) < 20) {
            milestones.add(new Dated(min(startedOn.plusDays(30), today), 7, new MilestoneRetracted(projectId,
                    Milestone.START, null, "仪式开工，未实质性施工"), "仪式开工，未实质性施工", true));
        } else if (!producing && r.nextInt(100) < 3) {
            terminate(milestones, projectId, min(last.plusDays(30), today), "投资方战略调整，双方协商解约");
        }
        if (r.nextInt(1000) < 5) {
            milestones.add(new Dated(min(last.plusDays(40), today), 9, new ProjectVoided(projectId, "重复录入"),
                    "重复录入", true));
        }
        return record(milestones, township, r);
    }

    /** A milestone to record on {@code date}; {@code order} breaks ties so that a start precedes its storage. */
    private record Dated(LocalDate date, int order, ProjectEvent event, String reason, boolean bySupervisor) {
    }

    private void terminate(List<Dated> milestones, String projectId, LocalDate on, String reason) {
        if (!on.isAfter(today)) {
            milestones.add(new Dated(on, 8, new ProjectTerminated(projectId, on, reason), reason, false));
        }
    }

    /** Orders by date and stamps each with a recordedAt: that day in office hours, a few days late at most. */
    private List<Planned> record(List<Dated> milestones, String township, Random r) {
        List<Dated> ordered = new ArrayList<>(milestones.subList(1, milestones.size()));
        ordered.sort(Comparator.comparing(Dated::date).thenComparing(Dated::order));
        ordered.add(0, milestones.get(0));
        List<Planned> events = new ArrayList<>(ordered.size());
        Instant previous = Instant.EPOCH;
        for (Dated d : ordered) {
            Instant at = d.date().plusDays(r.nextInt(100) < 70 ? 0 : r.nextInt(5)).atTime(9, 0).atZone(SHANGHAI)
                    .toInstant().plusSeconds(r.nextInt(9 * 3600)).plusNanos(r.nextInt(1_000_000_000));
            if (!at.isAfter(previous)) {
                at = previous.plusSeconds(1 + r.nextInt(600));
            }
            if (at.isAfter(now.minusSeconds(3600))) {
                at = now.minusSeconds(3600);
            }
            if (!at.isAfter(previous)) {
                at = previous.plusMillis(1);
            }
            previous = at;
            String eventId = new UUID((r.nextLong() & ~0xF000L) | 0x4000L,
                    (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
            events.add(d.bySupervisor()
                    ? new Planned(d.event(), "supervisor", "SUPERVISOR", null, d.reason(), at, eventId)
                    : new Planned(d.event(), township, "CLERK", township, d.reason(), at, eventId));
        }
        return events;
    }

    private String township(Random r) {
        int pick = r.nextInt(weightTotal);
        for (int i = 0; i < townships.length; i++) {
            pick -= townshipWeights[i];
            if (pick < 0) {
                return townships[i];
            }
        }
        return townships[0];
    }

    /** A valid 统一社会信用代码 with 大冶's region code 420281, unique per project number. */
    static String creditCode(long no) {
        StringBuilder serial = new StringBuilder();
        long n = no;
        for (int i = 0; i < 7; i++) {
            serial.append(CREDIT_ALPHABET.charAt((int) (n % 31)));
            n /= 31;
        }
        String first17 = "91420281MA" + serial.reverse();
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** 外向型: foreign investors' companies, and one in seven from outside 湖北 (drawn without the generator). */
    private static boolean exportOriented(SourceRegion source, long no) {
        return source == SourceRegion.FOREIGN || source == SourceRegion.OUT_OF_PROVINCE && no % 7 == 0;
    }
}
