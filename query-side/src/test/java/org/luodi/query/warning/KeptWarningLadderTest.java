package org.luodi.query.warning;

import org.junit.jupiter.api.Test;
import org.luodi.events.FundsArrived;
import org.luodi.events.PatronageAssigned;
import org.luodi.events.SourceRegion;
import org.luodi.query.QuerySideTest;
import org.luodi.query.project.ProjectVersionsReset;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.signed;
import static org.luodi.query.SampleEvents.started;

/**
 * The kept ladder answers what working the ladder out from the record answers, for every filter and page, before a
 * refresh has seen a change and after; it stands for its own day only, and not after the project versions are reset.
 */
class KeptWarningLadderTest extends QuerySideTest {
    private static final LocalDate DAY = LocalDate.parse("2024-08-31");

    @Autowired
    private WarningLadder ladder;
    @Autowired
    private WarningsWorkedOut workedOut;
    @Autowired
    private WarningQueries queries;

    @Test
    void keptAnswersEqualWorkedOutOnesThroughChangesAndRefreshes() {
        // signed 2024-01-31, not started: red since 07-31, gone up to the county office on 08-31
        String stalled = newId();
        events().byClerk("gaoxin", signed(stalled, "gaoxin", "保持预警项目", LocalDate.parse("2024-01-31")),
                on("2024-02-01"));
        events().bySupervisor(new PatronageAssigned(stalled, "leader10", null, "包保"), on("2024-02-02"), "包保");
        // started 2024-02-15 with nothing after: 开工即停, yellow since 05-15
        String stopped = newId();
        events().byClerk("chengui", signed(stopped, "chengui", "保持开工即停", LocalDate.parse("2024-01-10")),
                on("2024-01-10"));
        events().byClerk("chengui", started(stopped, LocalDate.parse("2024-02-15")), on("2024-02-15"));
        awaitProcessed();
        assertThat(ladder.page(DAY, null, null, null, null, 0, null)).as("nothing kept for the day yet").isEmpty();

        ladder.refresh(DAY);
        assertThat(ladder.page(DAY, null, null, null, null, 0, null)).isPresent();
        assertKeptEqualsWorkedOut();
        assertThat(ruleOf(stalled)).containsExactly("STALLED_CONTRACT RED COUNTY_OFFICE");
        assertThat(queries.warnings(DAY, null, null, "leader10", null, null)).extracting(Warning::projectId)
                .contains(stalled).doesNotContain(stopped);

        // the stalled contract starts and 500 万元 reach the stopped one, both after the refresh: answered at once
        events().byClerk("gaoxin", started(stalled, LocalDate.parse("2024-08-20")), on("2024-08-30"));
        events().byClerk("chengui", new FundsArrived(stopped, 1, LocalDate.parse("2024-08-01"),
                SourceRegion.IN_PROVINCE, new BigDecimal("500"), null), on("2024-08-30"));
        awaitProcessed();
        assertThat(touched()).contains(stalled, stopped);
        assertThat(ruleOf(stalled)).isEmpty();
        assertThat(ruleOf(stopped)).containsExactly("STORAGE_LAGGING YELLOW TOWNSHIP");
        assertKeptEqualsWorkedOut();

        ladder.refresh(DAY);
        assertThat(touched()).doesNotContain(stalled, stopped);
        assertThat(ruleOf(stopped)).containsExactly("STORAGE_LAGGING YELLOW TOWNSHIP");
        assertKeptEqualsWorkedOut();

        LocalDate nextMonth = LocalDate.parse("2024-09-30");
        ladder.refresh(nextMonth);
        assertThat(ladder.page(DAY, null, null, null, null, 0, null)).as("kept for another day").isEmpty();
        assertThat(ladder.page(nextMonth, null, null, null, null, 0, null)).isPresent();
        assertThat(queries.warnings(nextMonth, null, null, null, null)).isEqualTo(all(nextMonth));

        ladder.on(new ProjectVersionsReset());
        assertThat(ladder.page(nextMonth, null, null, null, null, 0, null)).as("after a reset").isEmpty();
    }

    /** A bulk of changes (a rebuild, an import): worked out meanwhile, kept again after a quieter refresh. */
    @Test
    void tooManyTouchedProjectsAreWorkedOutUntilAQuieterRefresh() {
        ladder.refresh(DAY);
        jdbc.update("INSERT INTO warning_touched (project_id) SELECT 'bulk-' || n FROM generate_series(0, ?) n",
                WarningLadder.LIVE_LIMIT);
        assertThat(ladder.page(DAY, null, null, null, null, 0, null)).isEmpty();
        assertThat(queries.warnings(DAY, null, null, null, null)).isEqualTo(all(DAY));

        ladder.refresh(DAY);
        assertThat(touched()).doesNotContain("bulk-0");
        assertThat(ladder.page(DAY, null, null, null, null, 0, null)).as("forgotten, not worked out in bulk").isEmpty();
        ladder.refresh(DAY);
        assertKeptEqualsWorkedOut();
    }

    /** The kept answer of DAY, whole, per township, colour, rule, leader and page, equals the worked-out one. */
    private void assertKeptEqualsWorkedOut() {
        List<Warning> all = all(DAY);
        assertThat(kept(null, null, null, null, 0, null).warnings()).isEqualTo(all);
        assertThat(kept(Set.of("chengui"), null, null, null, 0, null).warnings())
                .isEqualTo(all.stream().filter(w -> w.township().equals("chengui")).toList());
        assertThat(kept(null, null, null, Colour.YELLOW, 0, null).warnings())
                .isEqualTo(all.stream().filter(w -> w.colour() == Colour.YELLOW).toList());
        assertThat(kept(null, null, WarningRule.STORAGE_LAGGING, null, 0, null).warnings())
                .isEqualTo(all.stream().filter(w -> w.rule() == WarningRule.STORAGE_LAGGING).toList());
        assertThat(kept(null, "leader10", null, null, 0, null).warnings())
                .isEqualTo(all.stream().filter(w -> "leader10".equals(w.leader())).toList());
        WarningLadder.Page second = kept(null, null, null, null, 2, 2);
        assertThat(second.warnings()).isEqualTo(all.subList(Math.min(2, all.size()), Math.min(4, all.size())));
        assertThat(second.total()).isEqualTo(all.size());
        for (Colour c : Colour.values()) {
            assertThat(second.colours().get(c)).isEqualTo(all.stream().filter(w -> w.colour() == c).count());
        }
    }

    private List<Warning> all(LocalDate day) {
        return workedOut.warnings(day, null, null, null, null);
    }

    private WarningLadder.Page kept(Set<String> townships, String leader, WarningRule rule, Colour colour,
                                    long offset, Integer limit) {
        return ladder.page(DAY, townships, leader, rule, colour, offset, limit).orElseThrow();
    }

    private List<String> ruleOf(String projectId) {
        return kept(null, null, null, null, 0, null).warnings().stream().filter(w -> w.projectId().equals(projectId))
                .map(w -> w.rule() + " " + w.colour() + " " + w.escalation()).toList();
    }

    private List<String> touched() {
        return jdbc.queryForList("SELECT project_id FROM warning_touched", String.class);
    }
}
