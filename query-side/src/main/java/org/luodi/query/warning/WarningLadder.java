package org.luodi.query.warning;

import org.luodi.platform.time.ClockConfig;
import org.luodi.query.jdbc.CopyBatch;
import org.luodi.query.processing.ProcessingProgress;
import org.luodi.query.project.ProjectVersionProjection;
import org.luodi.query.project.ProjectVersionsChanged;
import org.luodi.query.project.ProjectVersionsReset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Today's warning ladder, kept (V160) so that the list answers in one indexed read on the national data set instead
 * of working out every project's facts per request. warning_current holds the ladder of one day as worked out at the
 * last refresh; the projects whose versions or arrivals changed since are marked in warning_touched in the project
 * versions' own transaction, and each read works those out live. Reads and refreshes run in REPEATABLE READ, so both
 * see the kept rows and the marks of one moment: a read's answer equals {@link WarningsWorkedOut}'s at that moment.
 * A refresh works out the touched projects again (every project on a new day, under new thresholds or after the
 * project versions were rebuilt) and clears their marks.
 */
@Component
public class WarningLadder {
    private static final Logger log = LoggerFactory.getLogger(WarningLadder.class);
    /** Another key than the sweeps': a refresh runs alone across instances, and skips while another runs. */
    private static final long REFRESH_LOCK = 0x4C756F6469_03L;
    /** More touched projects than this are worked out in one go, not one by one beside the kept rows. */
    static final int LIVE_LIMIT = 5_000;
    private static final String ORDER = " ORDER BY w.colour_rank DESC, w.since, w.project_id COLLATE \"C\", w.rule_rank";
    private static final CopyBatch INSERT = new CopyBatch("warning_current", "project_id", "rule", "township",
            "leader", "name", "contract_amount_wan", "signed_on", "colour", "colour_rank", "rule_rank", "since",
            "escalation", "detail");

    private final WarningsWorkedOut workedOut;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate consistent;
    private final TransactionTemplate readConsistent;
    private final Clock clock;
    private final ProcessingProgress progress;

    public WarningLadder(WarningsWorkedOut workedOut, JdbcTemplate jdbc, NamedParameterJdbcTemplate named,
                         PlatformTransactionManager transactions, Clock clock, ProcessingProgress progress) {
        this.workedOut = workedOut;
        this.jdbc = jdbc;
        this.named = named;
        this.clock = clock;
        this.progress = progress;
        this.consistent = new TransactionTemplate(transactions);
        consistent.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readConsistent = new TransactionTemplate(transactions);
        readConsistent.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        readConsistent.setReadOnly(true);
    }

    /** One page of a day's ladder: how many warnings match, per colour, and the page's, most urgent first. */
    public record Page(long total, Map<Colour, Long> colours, List<Warning> warnings) {
    }

    /** The projects of a batch got new versions: their kept warnings no longer stand (same transaction). */
    @EventListener
    void on(ProjectVersionsChanged changed) {
        jdbc.update("INSERT INTO warning_touched (project_id) SELECT unnest(?::varchar[])",
                (Object) changed.projectIds().toArray(String[]::new));
    }

    /** The project versions are rebuilt from the first event: nothing kept stands until a refresh of everything. */
    @EventListener
    void on(ProjectVersionsReset reset) {
        jdbc.update("DELETE FROM warning_ladder");
        jdbc.update("DELETE FROM warning_touched");
    }

    @Scheduled(fixedDelayString = "${luodi.warnings.ladder-refresh-ms:10000}",
            initialDelayString = "${luodi.warnings.ladder-refresh-ms:10000}")
    public void scheduled() {
        try {
            refresh(LocalDate.ofInstant(clock.instant(), ClockConfig.ZONE));
        } catch (RuntimeException e) {
            log.warn("warning ladder not refreshed, kept rows stand with their marks: {}", e.toString());
        }
    }

    /**
     * Works out {@code day}'s warnings of the touched projects, or of every project when the kept day is another (or
     * none is kept) and the project versions have caught up with the store. With more touched projects than
     * {@link #LIVE_LIMIT} since the last refresh (a rebuild, a bulk import), or while the project versions catch up,
     * nothing is kept until a quieter refresh: reads work the ladder out meanwhile.
     */
    public void refresh(LocalDate day) {
        consistent.executeWithoutResult(tx -> {
            if (!jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, REFRESH_LOCK)) {
                return;
            }
            Set<String> touched = new HashSet<>(jdbc.queryForList(
                    "DELETE FROM warning_touched RETURNING project_id", String.class));
            boolean kept = keptDay().filter(day::equals).isPresent();
            if (kept && touched.size() <= LIVE_LIMIT) {
                named.update("DELETE FROM warning_current WHERE project_id IN (:ids)",
                        new MapSqlParameterSource("ids", touched.isEmpty() ? Set.of("") : touched));
                insert(workedOut.warnings(day, null, null, null, touched));
            } else if (touched.size() <= LIVE_LIMIT && progress.caughtUp(ProjectVersionProjection.GROUP)) {
                jdbc.update("DELETE FROM warning_current");
                insert(workedOut.warnings(day, null, null, null, null));
            } else {
                jdbc.update("DELETE FROM warning_ladder"); // marks without a kept ladder mean nothing: dropped
                return;
            }
            jdbc.update("INSERT INTO warning_ladder (id, day, settings, refreshed_at) VALUES (1, ?, ?, ?) "
                            + "ON CONFLICT (id) DO UPDATE SET day = excluded.day, settings = excluded.settings, "
                            + "refreshed_at = excluded.refreshed_at",
                    day, workedOut.settings(), Timestamp.from(clock.instant()));
        });
    }

    /**
     * Rows {@code offset} to {@code offset + limit} (limit null: all) of {@code day}'s warnings that match, when the
     * kept ladder is that day's; empty otherwise (or with too many touched projects): then work them out.
     */
    Optional<Page> page(LocalDate day, Set<String> townships, String leader, WarningRule rule, Colour colour,
                        long offset, Integer limit) {
        return readConsistent.execute(tx -> {
            if (keptDay().filter(day::equals).isEmpty()) {
                return Optional.empty();
            }
            List<String> touched = jdbc.queryForList("SELECT DISTINCT project_id FROM warning_touched", String.class);
            if (touched.size() > LIVE_LIMIT) {
                return Optional.empty();
            }
            List<Warning> live = workedOut.warnings(day, null, townships, leader, touched).stream()
                    .filter(w -> (rule == null || w.rule() == rule) && (colour == null || w.colour() == colour))
                    .toList();
            MapSqlParameterSource params = new MapSqlParameterSource();
            String where = where(townships, leader, rule, colour, params);
            Map<Colour, Long> colours = new EnumMap<>(Colour.class);
            for (Colour c : Colour.values()) {
                colours.put(c, live.stream().filter(w -> w.colour() == c).count());
            }
            named.query("SELECT w.colour, count(*) AS n FROM warning_current w" + where + " GROUP BY w.colour", params,
                    rs -> {
                        colours.merge(Colour.valueOf(rs.getString("colour")), rs.getLong("n"), Long::sum);
                    });
            String window = limit == null ? "" : " LIMIT " + (offset + limit);
            List<Warning> merged = new ArrayList<>(named.query("SELECT w.* FROM warning_current w" + where + ORDER
                    + window, params, kept()));
            merged.addAll(live);
            merged.sort(WarningsWorkedOut.MOST_URGENT_FIRST);
            int from = (int) Math.min(offset, merged.size());
            int to = limit == null ? merged.size() : (int) Math.min(offset + limit, merged.size());
            long total = colours.values().stream().mapToLong(Long::longValue).sum();
            return Optional.of(new Page(total, colours, List.copyOf(merged.subList(from, to))));
        });
    }

    private Optional<LocalDate> keptDay() {
        return jdbc.query("SELECT day, settings FROM warning_ladder WHERE id = 1", rs -> rs.next()
                && rs.getString("settings").equals(workedOut.settings())
                ? Optional.of(rs.getObject("day", LocalDate.class)) : Optional.empty());
    }

    private static String where(Set<String> townships, String leader, WarningRule rule, Colour colour,
                                MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(
                " WHERE NOT EXISTS (SELECT 1 FROM warning_touched t WHERE t.project_id = w.project_id)");
        if (townships != null) {
            where.append(" AND w.township IN (:townships)");
            params.addValue("townships", townships.isEmpty() ? Set.of("") : townships);
        }
        if (leader != null) {
            where.append(" AND w.leader = :leader");
            params.addValue("leader", leader);
        }
        if (rule != null) {
            where.append(" AND w.rule = :rule");
            params.addValue("rule", rule.name());
        }
        if (colour != null) {
            where.append(" AND w.colour = :colour");
            params.addValue("colour", colour.name());
        }
        return where.toString();
    }

    private RowMapper<Warning> kept() {
        return (rs, i) -> {
            WarningRule rule = WarningRule.valueOf(rs.getString("rule"));
            Colour colour = Colour.valueOf(rs.getString("colour"));
            Escalation escalation = Escalation.valueOf(rs.getString("escalation"));
            String township = rs.getString("township");
            return new Warning(rs.getString("project_id"), rs.getString("name"), township,
                    workedOut.townshipName(township), rs.getString("leader"),
                    WarningsWorkedOut.strip(rs.getBigDecimal("contract_amount_wan")),
                    rs.getObject("signed_on", LocalDate.class), rule, rule.label(), colour, colour.label(),
                    rs.getObject("since", LocalDate.class), escalation, escalation.label(), rs.getString("detail"));
        };
    }

    private void insert(List<Warning> warnings) {
        INSERT.execute(jdbc, warnings.stream().map(w -> new Object[]{w.projectId(), w.rule().name(), w.township(),
                w.leader(), w.name(), w.contractAmountWan(), w.signedOn(), w.colour().name(), w.colour().ordinal(),
                w.rule().ordinal(), w.since(), w.escalation().name(), w.detail()}).toList());
    }
}
