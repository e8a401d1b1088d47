package org.luodi.query.processing;

import org.junit.jupiter.api.Test;
import org.luodi.query.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** V32's set_aside_secondary_indexes and {@link SetAsideIndexes}, on a table of the test's own. */
class SetAsideIndexesTest extends QuerySideTest {
    @Autowired
    SetAsideIndexes indexes;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void secondaryIndexesAreSetAsideAndComeBackAsTheyWere() {
        jdbc.execute("CREATE TABLE rebuild_scratch (id INT PRIMARY KEY, code TEXT UNIQUE, township TEXT, day DATE)");
        jdbc.execute("CREATE INDEX rebuild_scratch_township_idx ON rebuild_scratch (township, day) "
                + "WHERE day IS NOT NULL");
        jdbc.execute("CREATE INDEX rebuild_scratch_day_idx ON rebuild_scratch ((coalesce(day, 'infinity'::date)) DESC) "
                + "INCLUDE (township)");
        List<String> before = definitions();
        assertThat(before).hasSize(4);

        new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> indexes.setAside("scratch", "rebuild_scratch"));
        assertThat(definitions()).containsExactly(before.get(0), before.get(1)); // the primary key and the unique one
        assertThat(indexes.pending()).contains("scratch");

        indexes.restoreWhereCaughtUp(); // no processing group "scratch": it never counts as caught up
        assertThat(definitions()).hasSize(2);

        indexes.restore("scratch");
        assertThat(definitions()).isEqualTo(before);
        assertThat(indexes.pending()).doesNotContain("scratch");
    }

    /** Unique indexes first, then by name. */
    private List<String> definitions() {
        return jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename = 'rebuild_scratch' "
                + "ORDER BY indexdef NOT LIKE 'CREATE UNIQUE%', indexname", String.class);
    }
}
