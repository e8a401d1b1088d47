package org.luodi.query.notify;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the offices are told in their groups (#19), each with a link back into Luodi: a contract newly 逾期未开工 (the
 * red level), a problem ticket whose department let its deadline lapse, a lead
 * whose follow-up is late, and the monthly bulletin once its month is
 * over. Called inside the transaction that decides the
 * notice, so that it is owed exactly when that decision is recorded.
 */
@Service
@EnableConfigurationProperties(NotifyProperties.class)
public class Notifications {
    private final Deliveries deliveries;
    private final NotifyProperties properties;
    private final Clock clock;

    public Notifications(Deliveries deliveries, NotifyProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    /** A project newly 逾期未开工 (announcement {@code announcementId}), to its township's and the county's groups. */
    public void overdueContract(long announcementId, String projectId, String township, String message) {
        deliveries.owe(new Notice("alert-" + announcementId, Notice.Kind.OVERDUE_ALERT, township, "【红色预警】逾期未开工",
                message + "。请尽快推动开工，确实无法推进的依约解约。", properties.baseUrl() + "/#/project/" + projectId),
                clock.instant());
    }

    /**
     * Ticket {@code ticketId}'s deadline {@code dueOn} lapsed unanswered, to its township's and the county's groups;
     * once per deadline (a reopened ticket gets a new one, and its lapse is told again).
     */
    public void overdueTicket(String ticketId, LocalDate dueOn, String township, String message) {
        deliveries.owe(new Notice("ticket-" + ticketId + "-" + dueOn, Notice.Kind.OVERDUE_TICKET, township,
                "【问题交办】逾期未答复", message + "。请责任单位尽快答复，逾期将提级督办。",
                properties.baseUrl() + "/#/ticket/" + ticketId), clock.instant());
    }

    /**
     * Lead {@code leadId}'s follow-up ({@code obligation}, owed since {@code since}) lapsed, to the groups of
     * {@code township} and of the county; once per lapse. The message names no investor: a group is no lead's unit.
     */
    public void overdueLead(String leadId, String obligation, LocalDate since, String township, String message) {
        deliveries.owe(new Notice("lead-" + leadId + "-" + obligation + "-" + since, Notice.Kind.OVERDUE_LEAD,
                township, "【项目线索】跟进逾期", message + "。请报送单位尽快跟进。",
                properties.baseUrl() + "/#/lead/" + leadId), clock.instant());
    }

    /**
     * A warning of the ladder newly red, or gone up to a higher office ({@code key} names that step once for all),
     * to its township's and the county's groups.
     */
    public void warning(String key, String projectId, String township, String title, String message) {
        deliveries.owe(new Notice("warning-" + key, Notice.Kind.RED_WARNING, township, title, message + "。",
                properties.baseUrl() + "/#/project/" + projectId), clock.instant());
    }

    /** The bulletin of {@code month} (its title), once, to every group; false when it was owed already. */
    public boolean bulletin(YearMonth month, String title) {
        String key = "bulletin-" + month;
        if (deliveries.owed(key)) {
            return false;
        }
        deliveries.owe(new Notice(key, Notice.Kind.BULLETIN, null, title, title + "已生成，请各单位查阅本单位排名和落后指标。",
                properties.baseUrl() + "/#/dashboard?year=" + month.getYear() + "&asOf=" + month.atEndOfMonth()),
                clock.instant());
        return true;
    }
}
