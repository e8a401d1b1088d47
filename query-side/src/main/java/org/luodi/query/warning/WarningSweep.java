package org.luodi.query.warning;

import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.time.ClockConfig;
import org.luodi.query.notify.Notifications;
import org.luodi.query.processing.ProcessingProgress;
import org.luodi.query.project.ProjectVersionProjection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Announces the ladder's changes: today's yellow and red warnings against those last announced (warning_announced),
 * each difference once, on the alert stream of this instance and, for a new red warning or an escalation, to the
 * offices' group robots in the same transaction. The stalled contract's colours are the alerts' levels, announced by
 * query.alert.AlertSweep already: of that rule only the escalations are announced here. Green is a reminder for the
 * lists, never announced. Not while the project versions catch up (a rebuild would clear and raise everything).
 */
@Component
public class WarningSweep {
    /** Another key than the alert sweep's: the two may run side by side, each alone across instances. */
    private static final long SWEEP_LOCK = 0x4C756F6469_02L;

    private final WarningQueries queries;
    private final JdbcTemplate jdbc;
    private final ProcessingProgress progress;
    private final Notifications notifications;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ReferenceData reference;
    private final TransactionTemplate transaction;

    public WarningSweep(WarningQueries queries, JdbcTemplate jdbc, ProcessingProgress progress,
                        Notifications notifications, ApplicationEventPublisher publisher, Clock clock,
                        ReferenceData reference, PlatformTransactionManager transactionManager) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.progress = progress;
        this.notifications = notifications;
        this.publisher = publisher;
        this.clock = clock;
        this.reference = reference;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${luodi.warnings.sweep-interval-ms:60000}",
            initialDelayString = "${luodi.warnings.sweep-interval-ms:60000}")
    public void scheduled() {
        if (progress.caughtUp(ProjectVersionProjection.GROUP)) {
            sweep(LocalDate.ofInstant(clock.instant(), ClockConfig.ZONE)).forEach(publisher::publishEvent);
        }
    }

    /** Records and answers the changes of {@code today}; nothing on the first sweep, which only records. */
    public List<WarningChange> sweep(LocalDate today) {
        return transaction.execute(tx -> {
            jdbc.query("SELECT pg_advisory_xact_lock(?)", (ResultSetExtractor<Void>) rs -> null, SWEEP_LOCK);
            boolean first = jdbc.update("INSERT INTO warning_sweep (id, first_on, first_at) VALUES (1, ?, ?) "
                    + "ON CONFLICT (id) DO NOTHING", today, Timestamp.from(clock.instant())) == 1;
            Map<String, Announced> before = announced();
            List<WarningChange> changes = new ArrayList<>();
            for (Warning w : queries.warnings(today, null, null, null, null)) {
                if (w.colour() == Colour.GREEN) {
                    continue;
                }
                Announced was = before.remove(key(w.projectId(), w.rule()));
                if (was == null || was.colour != w.colour() || was.escalation != w.escalation()) {
                    record(w);
                    change(w, was, today).ifPresent(changes::add);
                }
            }
            before.values().forEach(gone -> {
                jdbc.update("DELETE FROM warning_announced WHERE project_id = ? AND rule = ?", gone.projectId,
                        gone.rule.name());
                if (gone.rule != WarningRule.STALLED_CONTRACT) {
                    changes.add(cleared(gone, today));
                }
            });
            if (first) {
                return List.of();
            }
            changes.stream().filter(c -> c.colour() == Colour.RED && c.kind() != WarningChange.Kind.LOWERED)
                    .forEach(c -> notifications.warning(c.projectId() + "-" + c.rule() + "-" + c.escalation() + "-"
                            + c.since(), c.projectId(), c.township(), title(c), c.message()));
            return changes;
        });
    }

    private Optional<WarningChange> change(Warning w, Announced was, LocalDate today) {
        Colour previous = was == null ? null : was.colour;
        Escalation previousUp = was == null ? null : was.escalation;
        WarningChange.Kind kind;
        if (previous == null || w.colour().compareTo(previous) > 0) {
            kind = WarningChange.Kind.RAISED;
        } else if (w.colour().compareTo(previous) < 0) {
            kind = WarningChange.Kind.LOWERED;
        } else if (w.escalation().compareTo(previousUp) > 0) {
            kind = WarningChange.Kind.ESCALATED;
        } else {
            return Optional.empty(); // a lower escalation (a corrected date): recorded, not news
        }
        if (w.rule() == WarningRule.STALLED_CONTRACT && kind != WarningChange.Kind.ESCALATED) {
            return Optional.empty();
        }
        String who = w.townshipName() + "「" + w.name() + "」";
        String message = switch (kind) {
            case RAISED -> who + w.detail() + "，列为" + w.colourLabel() + w.ruleLabel() + "预警";
            case LOWERED -> who + w.detail() + "，由" + previous.label() + "降为" + w.colourLabel() + "预警";
            case ESCALATED -> who + w.ruleLabel() + w.colourLabel() + "预警已持续至今（" + w.detail() + "），提级为"
                    + w.escalationLabel();
            case CLEARED -> throw new IllegalStateException("cleared warnings have no Warning");
        };
        return Optional.of(new WarningChange(kind, w.projectId(), w.name(), w.township(), w.townshipName(),
                w.rule(), w.ruleLabel(), w.colour(), previous, w.escalation(), previousUp, w.since(), today, message));
    }

    private static String title(WarningChange c) {
        return c.kind() == WarningChange.Kind.ESCALATED ? "【提级督办】" + c.ruleLabel() + "，" + c.escalation().label()
                : "【红色预警】" + c.ruleLabel();
    }

    /** A warning no longer yellow or red: named by the project's current version (kept even when void). */
    private WarningChange cleared(Announced gone, LocalDate today) {
        return jdbc.query("SELECT name, township FROM project_version WHERE project_id = ? AND recorded_to IS NULL",
                rs -> {
                    rs.next();
                    String township = rs.getString("township");
                    var place = reference.township(township);
                    String townshipName = place == null ? township : place.name();
                    String name = rs.getString("name");
                    return new WarningChange(WarningChange.Kind.CLEARED, gone.projectId, name, township, townshipName,
                            gone.rule, gone.rule.label(), null, gone.colour, null, gone.escalation, null, today,
                            townshipName + "「" + name + "」" + gone.rule.label() + "预警解除");
                }, gone.projectId);
    }

    private void record(Warning w) {
        jdbc.update("INSERT INTO warning_announced (project_id, rule, colour, escalation, since, announced_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, rule) DO UPDATE SET colour = "
                        + "excluded.colour, escalation = excluded.escalation, since = excluded.since, "
                        + "announced_at = excluded.announced_at",
                w.projectId(), w.rule().name(), w.colour().name(), w.escalation().name(), w.since(),
                Timestamp.from(clock.instant()));
    }

    private record Announced(String projectId, WarningRule rule, Colour colour, Escalation escalation) {
    }

    private Map<String, Announced> announced() {
        Map<String, Announced> announced = new HashMap<>();
        jdbc.query("SELECT project_id, rule, colour, escalation FROM warning_announced", rs -> {
            Announced a = new Announced(rs.getString("project_id"), WarningRule.valueOf(rs.getString("rule")),
                    Colour.valueOf(rs.getString("colour")), Escalation.valueOf(rs.getString("escalation")));
            announced.put(key(a.projectId, a.rule), a);
        });
        return announced;
    }

    private static String key(String projectId, WarningRule rule) {
        return projectId + "/" + rule;
    }
}
