package org.luodi.query.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The one rule that decides which year every page opens on, and up to which date (issue 13: the dashboard, the
 * alerts and the targets each used to pick their own).
 *
 * <p>The year is the latest year up to this one that has targets: a year's numbers mean little without them, and
 * scores and ranks need them. A later year without targets takes over only once at least as many projects were
 * signed in it as in that year of targets (so one entry dated this year does not turn the dashboard to a nearly
 * empty year "无目标", while a year whose targets were never entered is still shown once its data is there). With no
 * targets at all, it is the latest year with a signing; with nothing at all, this year. Years after this one are
 * never chosen (next year's targets are entered in December).
 *
 * <p>The as-of date is today clipped to that year: a past year is seen on its 12-31.
 */
public final class DefaultPeriod {
    private DefaultPeriod() {
    }

    /**
     * @param today            today in Asia/Shanghai
     * @param signingsByYear   how many (not voided) projects were signed in each year
     * @param yearsWithTargets the years that have at least one target
     */
    public static int year(LocalDate today, Map<Integer, Long> signingsByYear, Set<Integer> yearsWithTargets) {
        int thisYear = today.getYear();
        Integer targeted = yearsWithTargets.stream().filter(y -> y <= thisYear).max(Integer::compare).orElse(null);
        if (targeted == null) {
            return signingsByYear.entrySet().stream()
                    .filter(e -> e.getKey() <= thisYear && e.getValue() > 0)
                    .map(Map.Entry::getKey).max(Integer::compare).orElse(thisYear);
        }
        long enough = Math.max(1, signingsByYear.getOrDefault(targeted, 0L));
        return signingsByYear.entrySet().stream()
                .filter(e -> e.getKey() > targeted && e.getKey() <= thisYear && e.getValue() >= enough)
                .map(Map.Entry::getKey).max(Integer::compare).orElse(targeted);
    }

    /** Today clipped to {@code year}: its 12-31 when the year is past, its 01-01 when it is still to come. */
    public static LocalDate asOf(int year, LocalDate today) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return today.isBefore(first) ? first : today.isAfter(last) ? last : today;
    }
}
