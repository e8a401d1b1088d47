package org.luodi.command.project;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The thresholds are configuration (luodi.plausibility.*), with the defaults when unset. */
class PlausibilityPropertiesTest {

    private static Plausibility bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("luodi.plausibility", Plausibility.class);
    }

    @Test
    void unsetThresholdsTakeTheDefaults() {
        Plausibility p = bind(Map.of());
        assertThat(p.fundsToContract()).isEqualByComparingTo("3");
        assertThat(p.maxContractWan()).isEqualByComparingTo("10000000");
        assertThat(p.plannedToContract()).isEqualByComparingTo("10");
    }

    @Test
    void eachThresholdCanBeSet() {
        Plausibility p = bind(Map.of("luodi.plausibility.funds-to-contract", "2.5",
                "luodi.plausibility.max-contract-wan", "5000000", "luodi.plausibility.planned-to-contract", "8"));
        assertThat(p.fundsToContract()).isEqualByComparingTo("2.5");
        assertThat(p.maxContractWan()).isEqualByComparingTo("5000000");
        assertThat(p.plannedToContract()).isEqualByComparingTo("8");
    }

    @Test
    void aThresholdOfZeroIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("luodi.plausibility.funds-to-contract", "0")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
