package org.ronda.ingest.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pure logic: the configuration mapping's defaults and the policy's refusals, through SmallRye Config without Quarkus. */
class FeedHealthPolicyTest {

    @Test
    void theConfigDefaultsAreThePolicyDefaults() {
        assertThat(FeedHealthPolicy.from(config(Map.of()))).isEqualTo(FeedHealthPolicy.defaults());
    }

    @Test
    void readsEverySetting() {
        FeedHealthPolicy policy = FeedHealthPolicy.from(config(Map.of(
                "ronda.ingest.health.hard-failures-before-backoff", "3",
                "ronda.ingest.health.hard-backoff", "6h",
                "ronda.ingest.health.gap-factor", "6",
                "ronda.ingest.health.gap-floor", "30m")));

        assertThat(policy.hardFailuresBeforeBackoff()).isEqualTo(3);
        assertThat(policy.hardBackoff()).isEqualTo(Duration.ofHours(6));
        assertThat(policy.gapFactor()).isEqualTo(6);
        assertThat(policy.gapFloor()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void anImpossibleSettingIsRefusedWithItsPropertyName() {
        assertThatThrownBy(() -> FeedHealthPolicy.from(config(Map.of("ronda.ingest.health.hard-failures-before-backoff", "0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ronda.ingest.health.hard-failures-before-backoff must be at least 1, got 0");
        assertThatThrownBy(() -> FeedHealthPolicy.from(config(Map.of("ronda.ingest.health.max-hard-backoff", "1h"))))
                .hasMessage("ronda.ingest.health.max-hard-backoff must be at least hard-backoff (PT24H), got PT1H");
        assertThatThrownBy(() -> FeedHealthPolicy.from(config(Map.of("ronda.ingest.health.gap-factor", "0.5"))))
                .hasMessageStartingWith("ronda.ingest.health.gap-factor must be a number of at least 1");
    }

    private static FeedHealthConfig config(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(FeedHealthConfig.class)
                .withDefaultValues(values)
                .build();
        return config.getConfigMapping(FeedHealthConfig.class);
    }
}
