package org.luodi.query.stats;

import org.junit.jupiter.api.Test;
import org.luodi.query.project.UnitSums;
import org.luodi.query.targets.Indicator;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "完成各项招商任务" is about 附件1's 招商选资 tasks: the construction tasks beside them do not decide it. */
class AllTargetsReachedTest {
    private static final UnitSums ONE_SIGNING = new UnitSums(1, new BigDecimal("20000"), 1, 0, 0, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, UnitSums.SizeTiers.NONE, 0,
            UnitSums.Starts.NONE, UnitSums.InProduction.NONE,
            UnitSums.Kinds.NONE);

    @Test
    void aMissedConstructionTaskDoesNotUndoTheAttractionTasks() {
        assertThat(reached(Map.of(Indicator.SIGNED_COUNT, BigDecimal.ONE, Indicator.NEW_STARTS_COUNT,
                BigDecimal.valueOf(15)))).isTrue();
        assertThat(reached(Map.of(Indicator.SIGNED_COUNT, BigDecimal.valueOf(2)))).isFalse();
        assertThat(reached(Map.of(Indicator.NEW_STARTS_COUNT, BigDecimal.valueOf(15))))
                .as("construction tasks alone are no 招商 task").isFalse();
    }

    @Test
    void theConstructionTasksComeAfterEveryAttractionTask() {
        assertThat(Indicator.FOREIGN_USD.attraction()).isTrue();
        assertThat(Indicator.SIGNED_ABOVE_5YI.attraction()).isTrue();
        assertThat(Indicator.NEW_STARTS_COUNT.attraction()).isFalse();
        assertThat(Indicator.IN_PRODUCTION_PLANNED.attraction()).isFalse();
    }

    private static boolean reached(Map<Indicator, BigDecimal> targets) {
        return StatsRow.allTargetsReached(new UnitFigures("jinhu", "金湖街道", ONE_SIGNING, targets));
    }
}
