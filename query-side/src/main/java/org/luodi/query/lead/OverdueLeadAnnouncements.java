package org.luodi.query.lead;

import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.luodi.platform.security.Role;
import org.luodi.platform.time.ClockConfig;
import org.luodi.query.notify.Notifications;
import org.luodi.query.processing.ProcessingProgress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Announces each lapse of a lead's service level ({@link OverdueLeads}) once, as query.ticket.OverdueTickets does a
 * ticket's: a lapse (the lead, what it owed, since when) is claimed by inserting it into lead_overdue_announcement,
 * so that of several query-side instances only one announces it, and a restart repeats nothing; a later step owes
 * something new, whose lapse is announced again. Not while the leads' read model is catching up (a lead half
 * replayed looks unanswered). The announcement reaches the streams of the instance that made it; the others'
 * subscribers see the lead in GET /api/leads/overdue. A lapse is also owed to the group robot of the township that
 * owes the follow-up (or where the lead would settle), in the transaction that claims it.
 */
@Component
public class OverdueLeadAnnouncements {
    /** Reads every lead, never its investor: nothing announced may name who is investing. */
    private static final LuodiUser SWEEP = new LuodiUser("lead-service-levels", Role.ADMIN, null);

    private final OverdueLeads overdue;
    private final JdbcTemplate jdbc;
    private final ProcessingProgress progress;
    private final ApplicationEventPublisher publisher;
    private final ReferenceData reference;
    private final Notifications notifications;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public OverdueLeadAnnouncements(OverdueLeads overdue, JdbcTemplate jdbc, ProcessingProgress progress,
                                    ApplicationEventPublisher publisher, ReferenceData reference,
                                    Notifications notifications, Clock clock,
                                    PlatformTransactionManager transactionManager) {
        this.overdue = overdue;
        this.jdbc = jdbc;
        this.progress = progress;
        this.publisher = publisher;
        this.reference = reference;
        this.notifications = notifications;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${luodi.leads.sweep-interval-ms:60000}",
            initialDelayString = "${luodi.leads.sweep-interval-ms:60000}")
    public void scheduled() {
        if (progress.caughtUp(LeadProjection.GROUP)) {
            sweep(LocalDate.ofInstant(clock.instant(), ClockConfig.ZONE)).forEach(publisher::publishEvent);
        }
    }

    /** Claims and answers the lapses late on {@code today} not announced yet. */
    public List<LeadOverdue> sweep(LocalDate today) {
        List<OverdueLeads.Overdue> late = overdue.unannounced(SWEEP, today);
        return transaction.execute(tx -> {
            List<LeadOverdue> announced = new ArrayList<>();
            for (OverdueLeads.Overdue o : late) {
                if (claimed(o)) {
                    LeadOverdue lapse = lapse(o);
                    announced.add(lapse);
                    String township = reference.isTownship(lapse.unit()) ? lapse.unit() : lapse.township();
                    if (township != null) { // no township: no group may be told (null would mean every group)
                        notifications.overdueLead(lapse.leadId(), lapse.obligation().name(), lapse.since(),
                                township, lapse.message());
                    }
                }
            }
            return announced;
        });
    }

    private boolean claimed(OverdueLeads.Overdue o) {
        return jdbc.update("INSERT INTO lead_overdue_announcement (lead_id, obligation, since, due_on, announced_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", o.lead().leadId(), o.obligation().name(),
                o.since(), o.dueOn(), Timestamp.from(clock.instant())) == 1;
    }

    private static LeadOverdue lapse(OverdueLeads.Overdue o) {
        LeadQueries.Row lead = o.lead();
        return new LeadOverdue(lead.leadId(), lead.unit(), lead.unitName(), lead.township(), o.obligation(),
                o.obligationName(), o.since(), o.dueOn(), lead.unitName() + "报送的项目线索" + o.obligationName()
                + "已逾期（期限 " + o.dueOn() + "）");
    }
}
