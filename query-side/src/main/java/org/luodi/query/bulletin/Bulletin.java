package org.luodi.query.bulletin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.luodi.query.stats.StatsRow;
import org.luodi.query.ticket.TicketQueries;
import org.luodi.query.warning.WarningQueries;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GET /api/bulletin (SPEC §5, 一月一通报): every township at the end of the month, ranked. {@code knownAt}, when
 * given, reproduces the bulletin as it could be published then; {@code rankedTownships} is how many were ranked.
 * A month not over yet (today, or on knownAt's day) is counted up to that day: {@code asOf} is that day,
 * {@code monthEnded} false and {@code unfinishedNote} says so ("截至 12月4日，本月未结束"), 序时进度 too is to that day.
 * {@code ranking} is every ranked township's rank and nothing else, which the bulletin publishes to all;
 * {@code categories} the same within each ranked category (一类 / 二类 / 三类乡镇, all three, a category without a
 * ranked township with an empty ranking): the pools the year-end rewards go by. The {@code rows} are those the user may
 * read (a clerk: its own).
 * {@code departments}: 附件2's departments (for supervisors and admins; empty for a clerk), see {@link DepartmentRow}.
 * {@code tickets}: per department of 附件2, its problem tickets (问题交办) open and overdue on {@code asOf} as recorded
 * by {@code knownAt} (query.ticket; a clerk counts its own township's tickets, a department its own row).
 * {@code ladder}: per township the warning ladder's warnings on {@code asOf} (query.warning: red, yellow, green, and
 * red ones escalated beyond the township), with a total line; a clerk's own township only.
 * {@code digest}: the event store's audit digest as of that moment (docs/audit-digest.md; null before any seal).
 */
public record Bulletin(int year, int month, LocalDate asOf, boolean monthEnded, String unfinishedNote,
                       Instant knownAt, String title, BigDecimal scheduleProgress, ScoringRules scoring,
                       int rankedTownships, List<Ranked> ranking, List<CategoryRanking> categories,
                       List<BulletinRow> rows, Total total, List<DepartmentRow> departments,
                       List<TicketQueries.DepartmentCount> tickets, List<WarningQueries.TownshipCount> ladder,
                       String digest) {

    /** A township's place in the month's ranking. */
    public record Ranked(String township, String name, int rank) {
    }

    /** One category's ranking: its key, its Chinese name and its townships' places within it, best first. */
    public record CategoryRanking(String category, String name, List<Ranked> ranking) {
    }

    /** The scoring rules and the 约谈 ladder in force, so that a reader can recompute every score and flag. */
    public record ScoringRules(Map<String, BigDecimal> weights, BigDecimal totalWeight, BigDecimal completionCap,
                               BigDecimal overduePenaltyPerProject, BigDecimal sameYearProductionBonusPerProject,
                               Map<String, BigDecimal> typeBonusPerSigning, BigDecimal storedUpgradeBonusPerProject,
                               int leaderInChargeMonths, int topLeadersMonths) {
    }

    /** The rows shown, added up. */
    public record Total(@JsonUnwrapped StatsRow indicators, long warningCount, long overdueCount,
                        long signedAndInProductionCount) {
    }
}
