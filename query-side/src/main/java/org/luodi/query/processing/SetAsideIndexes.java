package org.luodi.query.processing;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * The secondary indexes of a read model being rebuilt (V32): its reset handler sets them aside, so that the replay
 * maintains only the unique indexes the projection reads through, and as soon as its processing group has caught up
 * each is built again with one CREATE INDEX over the finished table. The definitions wait in the database, so a
 * restart in the middle of a rebuild still ends with every index back.
 */
@Component
public class SetAsideIndexes {
    private static final Logger log = LoggerFactory.getLogger(SetAsideIndexes.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<ProcessingProgress> progress; // the processors it reports on need the projections

    public SetAsideIndexes(JdbcTemplate jdbc, TransactionTemplate transaction,
                           ObjectProvider<ProcessingProgress> progress) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.progress = progress;
    }

    /** For a reset handler, once it has emptied the tables: drops their secondary indexes until the group caught up. */
    public void setAside(String processingGroup, String... tables) {
        Integer count = jdbc.queryForObject("SELECT set_aside_secondary_indexes(?, ?::text[])", Integer.class,
                processingGroup, tables);
        log.info("read model {}: {} secondary indexes set aside until it has caught up", processingGroup, count);
    }

    /** The processing groups whose indexes are set aside. */
    public List<String> pending() {
        return jdbc.queryForList("SELECT DISTINCT processing_group FROM set_aside_index", String.class);
    }

    @Scheduled(fixedDelayString = "${luodi.processing.set-aside-check-interval-ms:1000}")
    void restoreWhereCaughtUp() {
        for (String group : pending()) {
            if (progress.getObject().caughtUp(group)) {
                restore(group);
            }
        }
    }

    /**
     * Builds a group's indexes again, each in a transaction of its own with the removal of its definition: a crash
     * leaves the rest set aside, to be built at the next check. CREATE INDEX holds back the projection's writes to its
     * table meanwhile (seconds per index nationally; writes wait, none is lost), one index at a time so that a batch
     * never waits near Axon's 60 s limit for a unit of work.
     */
    void restore(String processingGroup) {
        long start = System.nanoTime();
        int built = 0;
        for (String index : jdbc.queryForList("SELECT index_name FROM set_aside_index WHERE processing_group = ?",
                String.class, processingGroup)) {
            built += transaction.execute(status -> {
                jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
                List<String> definition = jdbc.queryForList("DELETE FROM set_aside_index WHERE index_name = ? "
                        + "RETURNING definition", String.class, index);
                definition.forEach(sql -> jdbc.execute(
                        sql.replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ")));
                return definition.size();
            });
        }
        log.info("read model {}: {} secondary indexes built again in {} ms", processingGroup, built,
                (System.nanoTime() - start) / 1_000_000);
    }
}
