package org.luodi.query.project;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The index bound of the alert query must never leave out a project that the exact month arithmetic keeps. */
class LatestSigningTest {

    @Test
    void everySigningThatReachesTheThresholdByAsOfLiesWithinTheBound() {
        for (int months = 1; months <= 24; months++) {
            for (LocalDate signed = LocalDate.of(2023, 1, 1); signed.isBefore(LocalDate.of(2029, 1, 1));
                 signed = signed.plusDays(1)) {
                LocalDate firstAsOf = signed.plusMonths(months); // the earliest asOf on which it is stalled
                assertThat(signed).as("signed %s, %d months", signed, months)
                        .isBeforeOrEqualTo(StalledProjects.latestSigning(firstAsOf, months));
            }
        }
    }

    @Test
    void theBoundIsTight() {
        // 2024-08-31 + 6 months = 2025-02-28, and 2025-02-28 - 6 months + 3 days = 2024-08-31
        assertThat(StalledProjects.latestSigning(LocalDate.of(2025, 2, 28), 6)).isEqualTo(LocalDate.of(2024, 8, 31));
    }
}
