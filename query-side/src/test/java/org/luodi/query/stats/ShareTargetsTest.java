package org.luodi.query.stats;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The share targets bind from the names application.yml uses, default to seed 001's, and refuse the impossible. */
class ShareTargetsTest {
    @Test
    void aConfiguredShareReplacesTheSeedsAndTheOthersKeepTheirs() {
        ShareTargets targets = bind(Map.of("luodi.stats.share-targets.above-10-yi", "0.2"));
        assertThat(targets.above10Yi()).isEqualByComparingTo("0.2");
        assertThat(targets.industrial()).isEqualByComparingTo("0.75");
        assertThat(targets.outOfProvinceFunds()).isEqualByComparingTo("0.70");
    }

    @Test
    void aShareAboveOneIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("luodi.stats.share-targets.industrial", "75")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("luodi.stats.share-targets.industrial must lie in [0, 1]");
    }

    private static ShareTargets bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("luodi.stats.share-targets", ShareTargets.class);
    }
}
