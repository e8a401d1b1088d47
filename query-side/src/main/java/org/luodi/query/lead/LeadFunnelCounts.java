package org.luodi.query.lead;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the funnel's appended differences (lead_funnel_delta, written by the triggers of V161 with each change of a
 * lead) into its counts per unit and day (lead_funnel_day), so that a funnel sums a few rows per unit and day of the
 * period instead of every lead. Alone across instances; in one transaction, so a reader (one statement over both
 * tables) counts each difference exactly once.
 */
@Component
class LeadFunnelCounts {
    private static final Logger log = LoggerFactory.getLogger(LeadFunnelCounts.class);
    private static final long FOLD_LOCK = 0x4C756F6469_04L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    LeadFunnelCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${luodi.leads.funnel-fold-ms:10000}",
            initialDelayString = "${luodi.leads.funnel-fold-ms:10000}")
    void scheduled() {
        try {
            fold();
        } catch (RuntimeException e) {
            log.warn("funnel counts not folded, the differences stand and are counted: {}", e.toString());
        }
    }

    /** Moves every difference there is into the day counts; days whose counts all come to nothing are dropped. */
    void fold() {
        transaction.executeWithoutResult(tx -> {
            if (!jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, FOLD_LOCK)) {
                return;
            }
            jdbc.update("""
                    WITH moved AS (DELETE FROM lead_funnel_delta RETURNING *)
                    INSERT INTO lead_funnel_day AS d (unit, day, info, biz, assessed, talks, talk_amount)
                    SELECT unit, day, sum(info), sum(biz), sum(assessed), sum(talks), sum(talk_amount)
                      FROM moved GROUP BY unit, day
                    ON CONFLICT (unit, day) DO UPDATE SET info = d.info + excluded.info, biz = d.biz + excluded.biz,
                        assessed = d.assessed + excluded.assessed, talks = d.talks + excluded.talks,
                        talk_amount = d.talk_amount + excluded.talk_amount""");
            jdbc.update("DELETE FROM lead_funnel_day WHERE info = 0 AND biz = 0 AND assessed = 0 AND talks = 0 "
                    + "AND talk_amount = 0");
        });
    }
}
