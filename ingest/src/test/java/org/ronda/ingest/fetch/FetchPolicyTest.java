package org.ronda.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Pure logic: the defaults the issue asks for, and validation naming the setting. */
class FetchPolicyTest {

    @Test
    void defaults() {
        FetchPolicy p = FetchPolicy.builder("RondaBot/0.1 (+https://ronda.invalid; ops@ronda.invalid)").build();

        assertThat(p.robotsProductToken()).isEqualTo("RondaBot");
        assertThat(p.maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(p.maxRedirects()).isEqualTo(5);
        assertThat(p.maxConcurrentPerHost()).isEqualTo(2);
        assertThat(p.minIntervalPerHost()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.maxRetries()).isEqualTo(2);
        assertThat(p.robotsTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(p.validatorCacheEntries()).isEqualTo(10_000);
        assertThat(p.allowPrivateAddresses()).isEmpty();
    }

    @Test
    void invalidValuesNameTheSetting() {
        assertThatThrownBy(() -> FetchPolicy.builder("RondaBot/1").maxBodyBytes(0).build())
                .hasMessageContaining("FetchPolicy.maxBodyBytes");
        assertThatThrownBy(() -> FetchPolicy.builder("RondaBot/1").readTimeout(Duration.ZERO).build())
                .hasMessageContaining("FetchPolicy.readTimeout");
        assertThatThrownBy(() -> FetchPolicy.builder("RondaBot/1\r\nX-Evil: 1").build())
                .hasMessageContaining("FetchPolicy.userAgent");
        assertThatThrownBy(() -> FetchPolicy.builder("RondaBot/1").maxConcurrentPerHost(0).build())
                .hasMessageContaining("FetchPolicy.maxConcurrentPerHost");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        FetchPolicy p = TestNetwork.policy().maxRedirects(3).robotsProductToken("OtherBot").build();

        assertThat(p.toBuilder().build()).isEqualTo(p);
    }
}
