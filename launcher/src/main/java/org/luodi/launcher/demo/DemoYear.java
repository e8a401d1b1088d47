package org.luodi.launcher.demo;

import org.luodi.events.CreditCode;
import org.luodi.events.SourceRegion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A simulated 2024 of 大冶, as the milestones each project reaches: each township signs about its target of 亿元
 * projects (some fall behind, some exceed it), most contracts start within four months and are stored soon after,
 * money arrives in tranches, a few contracts stall past six months and a few are dissolved. The totals land near the
 * 2024 targets (reference/targets-daye-2024.csv), and every amount stays inside the command side's plausibility
 * bounds (funds within the contract, planned investment below it). Seeded: every run tells the same story.
 */
public final class DemoYear {
    public static final LocalDate YEAR_END = LocalDate.of(2024, 12, 31);
    private static final long SEED = 2024;

    /** One fund arrival: {@code amount} in 万元, or in 万美元 when {@code source} is FOREIGN. */
    public record Arrival(LocalDate arrivedOn, SourceRegion source, BigDecimal amount) {
    }

    /**
     * A project's year; a milestone not reached is null. {@code leader} and {@code serviceTeam}: the 包保 a supervisor
     * gives the large projects after signing (null for the others).
     */
    public record Project(String projectId, int no, String township, ProjectProfile profile, LocalDate signedOn,
                          LocalDate registeredOn, String creditCode, LocalDate startedOn, boolean resumed,
                          LocalDate storedOn, BigDecimal plannedInvestmentWan, LocalDate productionOn,
                          LocalDate terminatedOn, String terminationReason, List<Arrival> arrivals, String leader,
                          String serviceTeam) {
    }

    /** The leaders who 包保 the demo's large projects: the deputy mayors of the roster (leaders-daye.csv). */
    private static final List<String> PATRONS = List.of("leader10", "leader20", "leader21", "leader22", "leader23",
            "leader24", "leader25");
    private static final BigDecimal TEN_YI = BigDecimal.valueOf(100_000);

    private DemoYear() {
    }

    /** Every project of the year, township by township in the order of the targets file. */
    public static List<Project> projects() {
        List<Project> projects = new ArrayList<>();
        int no = 0;
        for (Map.Entry<String, Integer> township : projectsPerTownship().entrySet()) {
            for (int i = 0; i < township.getValue(); i++) {
                projects.add(project(township.getKey(), no++));
            }
        }
        return projects;
    }

    /**
     * How many projects each township signs: its target of 亿元 projects times a factor between 0.75 and 1.3 (so
     * that some are behind and some ahead), plus the one in twelve that stays under 1 亿.
     */
    static Map<String, Integer> projectsPerTownship() {
        Random r = new Random(SEED);
        Map<String, Integer> projects = new LinkedHashMap<>();
        for (String[] row : ProjectProfile.csv("reference/targets-daye-2024.csv")) {
            int target = Integer.parseInt(row[1]);
            double factor = 0.75 + 0.55 * r.nextDouble();
            projects.put(row[0], Math.max(2, (int) Math.round(target * factor * 13 / 12)));
        }
        return projects;
    }

    private static Project project(String township, int no) {
        Random r = new Random(SEED * 1_000_003L + no);
        String id = UUID.nameUUIDFromBytes(("luodi-demo-2024-" + no).getBytes(StandardCharsets.UTF_8)).toString();
        ProjectProfile profile = ProjectProfile.draw(r);
        BigDecimal contract = profile.contractAmountWan();
        LocalDate signedOn = LocalDate.of(2024, 1, 5).plusDays(r.nextInt(330));
        LocalDate registeredOn = r.nextInt(100) < 80 ? within(signedOn.plusDays(10 + r.nextInt(40))) : null;
        String creditCode = registeredOn == null ? null : creditCode(no);

        int fate = r.nextInt(100);
        if (fate < 3) {
            LocalDate terminatedOn = within(signedOn.plusMonths(3).plusDays(r.nextInt(60)));
            if (registeredOn != null && terminatedOn != null && terminatedOn.isBefore(registeredOn)) {
                terminatedOn = registeredOn;
            }
            return new Project(id, no, township, profile, signedOn, registeredOn, creditCode, null, false, null, null,
                    null, terminatedOn, terminatedOn == null ? null : "投资方资金链断裂，双方协商解约", List.of(),
                    patron(id, contract), team(id, contract, profile));
        }
        LocalDate startedOn = fate < 9 ? null : within(signedOn.plusDays(15 + r.nextInt(95)));
        if (startedOn == null) {
            return new Project(id, no, township, profile, signedOn, registeredOn, creditCode, null, false, null, null,
                    null, null, null, List.of(), patron(id, contract), team(id, contract, profile));
        }
        boolean resumed = r.nextInt(10) == 0;
        LocalDate storedOn = r.nextInt(100) < 85 ? within(startedOn.plusDays(20 + r.nextInt(60))) : null;
        BigDecimal planned = storedOn == null ? null
                : roundTo(contract.multiply(BigDecimal.valueOf(25 + r.nextInt(31))).movePointLeft(2), 100);
        LocalDate productionOn = r.nextInt(100) < 25 ? within(startedOn.plusDays(90 + r.nextInt(150))) : null;

        List<Arrival> arrivals = new ArrayList<>();
        boolean foreign = profile.sourceRegion() == SourceRegion.FOREIGN;
        int tranches = foreign ? 1 + r.nextInt(2) : 2 + r.nextInt(3);
        BigDecimal share = BigDecimal.valueOf(60 + r.nextInt(41)).movePointLeft(2);
        LocalDate arrivedOn = startedOn;
        for (int t = 0; t < tranches; t++) {
            arrivedOn = arrivedOn.plusDays(t == 0 ? r.nextInt(20) : 20 + r.nextInt(50));
            BigDecimal amount = foreign ? BigDecimal.valueOf(20 + 10L * r.nextInt(11))
                    : roundTo(contract.multiply(share).divide(BigDecimal.valueOf(tranches), 0, RoundingMode.DOWN), 10);
            if (!arrivedOn.isAfter(YEAR_END) && amount.signum() > 0) {
                arrivals.add(new Arrival(arrivedOn, profile.sourceRegion(), amount));
            }
        }
        return new Project(id, no, township, profile, signedOn, registeredOn, creditCode, startedOn, resumed,
                storedOn, planned, productionOn, null, null, List.copyOf(arrivals), patron(id, contract),
                team(id, contract, profile));
    }

    /**
     * 包保: every project of 10 亿 or more gets a deputy mayor (seed 000 line 100, 重点项目"包保制"), chosen from the
     * project's id so that every other draw stays as it was.
     */
    private static String patron(String id, BigDecimal contractWan) {
        return contractWan.compareTo(TEN_YI) < 0 ? null : PATRONS.get(Math.floorMod(id.hashCode(), PATRONS.size()));
    }

    /** The 服务专班 of a 包保 project: its chain's 产业招商专班 (seed 000 line 100). */
    private static String team(String id, BigDecimal contractWan, ProjectProfile profile) {
        return patron(id, contractWan) == null ? null : ProjectProfile.chainName(profile.chain()) + "产业招商专班";
    }

    /** The date, or null when it falls after the demo year. */
    private static LocalDate within(LocalDate date) {
        return date.isAfter(YEAR_END) ? null : date;
    }

    private static BigDecimal roundTo(BigDecimal wan, int step) {
        return wan.divide(BigDecimal.valueOf(step), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(step));
    }

    /** A valid 统一社会信用代码 (GB 32100-2015) with 大冶's region code 420281. */
    static String creditCode(int no) {
        String first17 = "91420281MA" + String.format("%07d", 4_000_000 + no * 37);
        return first17 + CreditCode.checkCharacter(first17);
    }
}
