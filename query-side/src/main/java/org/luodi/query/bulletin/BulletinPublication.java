package org.luodi.query.bulletin;

import org.luodi.query.notify.Notifications;
import org.luodi.query.notify.NotifyProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * 一月一通报: from {@code luodi.notify.bulletin-day} of a month on, the previous month's bulletin is final and the
 * offices' groups are told, once (the outbox remembers it; a robot added later in the month still hears of it).
 */
@Component
public class BulletinPublication {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Notifications notifications;
    private final NotifyProperties properties;
    private final BulletinQueries bulletins;
    private final Clock clock;

    public BulletinPublication(Notifications notifications, NotifyProperties properties, BulletinQueries bulletins,
                               Clock clock) {
        this.notifications = notifications;
        this.properties = properties;
        this.bulletins = bulletins;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${luodi.notify.bulletin-check-interval:10m}", initialDelayString = "30s")
    @Transactional
    public void announceLastMonth() {
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        if (today.getDayOfMonth() >= properties.bulletinDay()) {
            YearMonth last = YearMonth.from(today).minusMonths(1);
            notifications.bulletin(last, bulletins.title(last.getYear(), last.getMonthValue()));
        }
    }
}
