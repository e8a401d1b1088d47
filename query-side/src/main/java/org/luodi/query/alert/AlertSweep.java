package org.luodi.query.alert;

import org.luodi.platform.reference.ReferenceData;
import org.luodi.query.notify.Notifications;
import org.luodi.query.processing.ProcessingProgress;
import org.luodi.query.project.ProjectState;
import org.luodi.query.project.ProjectVersionProjection;
import org.luodi.query.project.ProjectVersions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One sweep: today's alerts (from the project versions, the same computation as GET /api/alerts) against the level
 * last announced for each project; every difference is recorded as an {@link AlertChange}. What was announced lives
 * in the database, so a sweep after a restart repeats nothing and catches up on whatever crossed meanwhile. A
 * contract newly 逾期未开工 is also owed to the offices' group robots, in the same transaction.
 */
@Service
public class AlertSweep {
    private final AlertQueries queries;
    private final AlertAnnouncements announcements;
    private final ProjectVersions versions;
    private final ProcessingProgress progress;
    private final AlertProperties thresholds;
    private final ReferenceData reference;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Notifications notifications;

    public AlertSweep(AlertQueries queries, AlertAnnouncements announcements, ProjectVersions versions,
                      ProcessingProgress progress, AlertProperties thresholds, ReferenceData reference, Clock clock,
                      PlatformTransactionManager transactionManager, Notifications notifications) {
        this.queries = queries;
        this.announcements = announcements;
        this.versions = versions;
        this.progress = progress;
        this.thresholds = thresholds;
        this.reference = reference;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.notifications = notifications;
    }

    /**
     * The changes recorded for {@code today}, oldest id first; empty (nothing recorded) while the project versions
     * are not caught up with the event store: a starting or rebuilding read model would report every stalled project
     * as cleared, or a started one as stalled.
     */
    public Optional<List<AlertChange>> sweep(LocalDate today) {
        return transaction.execute(tx -> {
            announcements.lockSweeps();
            if (!progress.caughtUp(ProjectVersionProjection.GROUP)) {
                return Optional.empty();
            }
            Map<String, Alert> alerts = queries.alerts(today, null, null, null).stream()
                    .collect(Collectors.toMap(Alert::projectId, Function.identity()));
            List<AlertChange> changes = changes(today, alerts, announcements.announcedLevels());
            if (!progress.caughtUp(ProjectVersionProjection.GROUP)) {
                tx.setRollbackOnly(); // a rebuild emptied the tables between the check and the read
                return Optional.empty();
            }
            List<AlertChange> recorded = changes.stream().map(announcements::record).toList();
            recorded.stream().filter(AlertSweep::newlyOverdue).forEach(change -> notifications.overdueContract(
                    change.id(), change.projectId(), change.township(), change.message()));
            return Optional.of(recorded);
        });
    }

    /** 逾期未开工 reached, or reached again after a start or a termination was retracted: the groups are told. */
    private static boolean newlyOverdue(AlertChange change) {
        return change.level() == AlertLevel.OVERDUE
                && (change.kind() == AlertChange.Kind.RAISED || change.kind() == AlertChange.Kind.RESTORED);
    }

    private List<AlertChange> changes(LocalDate today, Map<String, Alert> alerts,
                                      Map<String, AlertAnnouncements.Announced> announced) {
        Instant now = clock.instant();
        List<AlertChange> changes = new ArrayList<>();
        for (Alert alert : alerts.values()) {
            AlertAnnouncements.Announced before = announced.get(alert.projectId());
            if (before == null || before.level() == null) {
                AlertChange.Kind kind = before == null ? AlertChange.Kind.RAISED : AlertChange.Kind.RESTORED;
                changes.add(change(kind, alert, null, null, today, now,
                        message(kind, alert, null, before == null ? null : before.cause())));
            } else if (before.level() != alert.level()) {
                AlertChange.Kind kind = alert.level().compareTo(before.level()) > 0
                        ? AlertChange.Kind.RAISED : AlertChange.Kind.LOWERED;
                changes.add(change(kind, alert, before.level(), null, today, now,
                        message(kind, alert, before.level(), null)));
            }
        }
        announced.forEach((projectId, before) -> {
            if (before.level() != null && !alerts.containsKey(projectId)) {
                versions.current(projectId).ifPresent(project ->
                        changes.add(cleared(project, before.level(), cause(project, today), today, now)));
            }
        });
        changes.sort(Comparator.comparing(AlertChange::township).thenComparing(AlertChange::projectId));
        return changes;
    }

    private static AlertChange.Cause cause(ProjectState project, LocalDate today) {
        if (project.voided()) {
            return AlertChange.Cause.VOIDED;
        }
        if (project.terminatedOn() != null && !project.terminatedOn().isAfter(today)) {
            return AlertChange.Cause.TERMINATED;
        }
        if (project.startedOn() != null && !project.startedOn().isAfter(today)) {
            return AlertChange.Cause.STARTED;
        }
        return AlertChange.Cause.NOT_DUE;
    }

    private AlertChange change(AlertChange.Kind kind, Alert alert, AlertLevel previous, AlertChange.Cause cause,
                               LocalDate today, Instant now, String message) {
        return new AlertChange(0, kind, alert.projectId(), alert.name(), alert.township(), alert.townshipName(),
                alert.level(), previous, cause, alert.signedOn(), alert.crossedOn(), today, now, message);
    }

    private AlertChange cleared(ProjectState project, AlertLevel previous, AlertChange.Cause cause, LocalDate today,
                                Instant now) {
        String why = cause == AlertChange.Cause.NOT_DUE
                ? "签约未满" + thresholds.warningMonths() + "个月" : cause.label();
        String message = townshipName(project.township()) + "「" + project.name() + "」" + why + "，解除"
                + previous.label();
        return new AlertChange(0, AlertChange.Kind.CLEARED, project.projectId(), project.name(), project.township(),
                townshipName(project.township()), null, previous, cause, project.signedOn(), null, today, now,
                message);
    }

    private String message(AlertChange.Kind kind, Alert alert, AlertLevel previous, AlertChange.Cause undone) {
        String who = townshipName(alert.township()) + "「" + alert.name() + "」";
        String stalled = "签约已满" + alert.level().months(thresholds) + "个月仍未开工";
        String reached = alert.level() == AlertLevel.WARNING ? "进入预警" : "列为逾期未开工";
        return switch (kind) {
            case RAISED -> who + stalled + "，" + reached;
            case LOWERED -> who + "签约未满" + previous.months(thresholds) + "个月，由" + previous.label() + "降为"
                    + alert.level().label();
            case RESTORED -> who + undone(undone) + "重新" + reached + "（" + stalled + "）";
            case CLEARED -> throw new IllegalArgumentException("see cleared()");
        };
    }

    private static String undone(AlertChange.Cause cause) {
        if (cause == AlertChange.Cause.STARTED) {
            return "开工记录已撤销，";
        }
        return cause == AlertChange.Cause.TERMINATED ? "解约已撤销，" : "";
    }

    private String townshipName(String code) {
        ReferenceData.Township township = reference.township(code);
        return township == null ? code : township.name();
    }
}
