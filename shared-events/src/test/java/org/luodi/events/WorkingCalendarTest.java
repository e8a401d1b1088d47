package org.luodi.events;

import org.junit.jupiter.api.Test;
import org.luodi.events.WorkingCalendar.Day;
import org.luodi.events.WorkingCalendar.DayKind;
import org.luodi.events.WorkingCalendar.Deadline;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deadlines counted by hand on the State Council's schedules, holidays and 调休 make-up days included. */
class WorkingCalendarTest {
    private final WorkingCalendar calendar = WorkingCalendar.shipped();

    @Test
    void fiveWorkingDaysFromTheFridayBeforeNationalDay2024() {
        // 09-28 Sat off; 09-29 Sun 调休上班 (1); 09-30 Mon (2); 10-01..07 国庆 off; 10-08 (3), 10-09 (4), 10-10 (5)
        assertThat(calendar.deadline(day("2024-09-27"), 5)).isEqualTo(new Deadline(day("2024-10-10"), false));
    }

    @Test
    void theMakeUpSaturdayAfterNationalDayCounts() {
        // ... 10-10 (5), 10-11 Fri (6), 10-12 Sat 调休上班 (7)
        assertThat(calendar.deadline(day("2024-09-27"), 7).dueOn()).isEqualTo(day("2024-10-12"));
        assertThat(calendar.deadline(day("2024-09-27"), 8).dueOn()).isEqualTo(day("2024-10-14"));
        assertThat(calendar.isWorkingDay(day("2024-10-12"))).isTrue();
        assertThat(calendar.isWorkingDay(day("2024-10-13"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2024-10-07"))).isFalse();
    }

    @Test
    void springFestival2025() {
        // 01-25 Sat off; 01-26 Sun 调休上班 (1); 01-27 Mon (2); 01-28..02-04 春节 off; 02-05 (3), 02-06 (4), 02-07 (5)
        assertThat(calendar.deadline(day("2025-01-24"), 5).dueOn()).isEqualTo(day("2025-02-07"));
        // 02-08 Sat is worked, so the sixth day is that Saturday
        assertThat(calendar.deadline(day("2025-01-24"), 6).dueOn()).isEqualTo(day("2025-02-08"));
    }

    @Test
    void theDayOfAssignmentDoesNotCount() {
        assertThat(calendar.deadline(day("2024-11-04"), 1).dueOn()).isEqualTo(day("2024-11-05"));
        // assigned on a Saturday: the first working day is the Monday
        assertThat(calendar.deadline(day("2024-11-09"), 1).dueOn()).isEqualTo(day("2024-11-11"));
    }

    @Test
    void eachShippedYearHasItsPublishedNumberOfWorkingDays() {
        // 2024: 366 days − 104 weekend days − 19 weekday holidays + 8 调休 = 251; 2025: 365 − 104 − 18 + 5 = 248;
        // 2026: 365 − 104 − 19 + 6 = 248
        assertThat(workingDays(2024)).isEqualTo(251);
        assertThat(workingDays(2025)).isEqualTo(248);
        assertThat(workingDays(2026)).isEqualTo(248);
        assertThat(calendar.years()).containsExactlyInAnyOrder(2024, 2025, 2026);
    }

    @Test
    void aYearNotInTheCalendarCountsMondayToFridayAndSaysSo() {
        // 2030-03-06 Wed: 03-07 (1), 03-08 (2), 03-11 Mon (3), 03-12 (4), 03-13 (5)
        assertThat(calendar.deadline(day("2030-03-06"), 5)).isEqualTo(new Deadline(day("2030-03-13"), true));
        // 2026-12-29 Tue: 12-30 (1), 12-31 (2), then 2027, unknown: 01-01 Fri (3), 01-04 Mon (4), 01-05 (5)
        assertThat(calendar.deadline(day("2026-12-29"), 5)).isEqualTo(new Deadline(day("2027-01-05"), true));
        assertThat(calendar.deadline(day("2026-12-21"), 5).assumed()).isFalse();
    }

    @Test
    void aSupervisorExtendsTheCalendar() {
        WorkingCalendar extended = calendar.with(List.of(new Day(day("2027-01-01"), DayKind.HOLIDAY, "元旦")));
        // 12-30 (1), 12-31 (2), 01-01 元旦 off, 01-04 (3), 01-05 (4), 01-06 (5); 2027 is now in the calendar
        assertThat(extended.deadline(day("2026-12-29"), 5)).isEqualTo(new Deadline(day("2027-01-06"), false));
        assertThat(extended.knows(2027)).isTrue();
        assertThat(calendar.knows(2027)).as("the shipped calendar is unchanged").isFalse();
    }

    @Test
    void aLaterChangeOfTheSameDayWinsAndTheWeekdayRuleRemovesAListing() {
        WorkingCalendar changed = calendar.with(List.of(
                new Day(day("2024-10-12"), DayKind.HOLIDAY, "误录"),
                new Day(day("2024-10-12"), DayKind.WEEKDAY_RULE, null)));
        assertThat(changed.isWorkingDay(day("2024-10-12"))).as("a Saturday again").isFalse();
        assertThat(changed.days()).doesNotContainKey(day("2024-10-12"));
    }

    @Test
    void theNumberOfWorkingDaysIsBounded() {
        assertThatThrownBy(() -> calendar.deadline(day("2024-09-27"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.deadline(day("2024-09-27"), WorkingCalendar.MAX_WORKING_DAYS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long workingDays(int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).filter(calendar::isWorkingDay).count();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
