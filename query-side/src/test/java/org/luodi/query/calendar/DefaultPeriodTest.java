package org.luodi.query.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of {@link DefaultPeriod}, case by case. */
class DefaultPeriodTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void theLatestYearWithTargetsWinsOverAYearWithLessData() {
        // issue 13: one entry dated this year turned the dashboard to an almost empty year without targets
        assertThat(DefaultPeriod.year(TODAY, Map.of(2024, 150L, 2026, 1L), Set.of(2023, 2024))).isEqualTo(2024);
    }

    @Test
    void aLaterYearWithoutTargetsTakesOverOnceItHasAsMuchData() {
        assertThat(DefaultPeriod.year(TODAY, Map.of(2024, 150L, 2025, 149L), Set.of(2024))).isEqualTo(2024);
        assertThat(DefaultPeriod.year(TODAY, Map.of(2024, 150L, 2025, 150L), Set.of(2024))).isEqualTo(2025);
        assertThat(DefaultPeriod.year(TODAY, Map.of(2024, 150L, 2025, 160L, 2026, 170L), Set.of(2024)))
                .isEqualTo(2026);
    }

    @Test
    void aYearOfTargetsWithoutDataGivesWayToAnyLaterData() {
        assertThat(DefaultPeriod.year(TODAY, Map.of(2026, 1L), Set.of(2025))).isEqualTo(2026);
        assertThat(DefaultPeriod.year(TODAY, Map.of(), Set.of(2025))).isEqualTo(2025);
    }

    @Test
    void futureYearsAreNeverChosen() {
        assertThat(DefaultPeriod.year(TODAY, Map.of(2024, 3L, 2027, 40L), Set.of(2024, 2027, 2030))).isEqualTo(2024);
    }

    @Test
    void withoutTargetsTheLatestYearWithASigningAndWithNothingThisYear() {
        assertThat(DefaultPeriod.year(TODAY, Map.of(2022, 5L, 2023, 2L, 2028, 9L), Set.of())).isEqualTo(2023);
        assertThat(DefaultPeriod.year(TODAY, Map.of(), Set.of())).isEqualTo(2026);
    }

    @Test
    void theAsOfDateIsTodayClippedToTheYear() {
        assertThat(DefaultPeriod.asOf(2024, TODAY)).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(DefaultPeriod.asOf(2026, TODAY)).isEqualTo(TODAY);
        assertThat(DefaultPeriod.asOf(2027, TODAY)).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
