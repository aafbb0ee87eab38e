package org.ronda.ingest.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Pure logic: which fetch failures are temporary, soft or hard for a feed. */
class FailureClassTest {

    @Test
    void httpStatuses() {
        assertThat(FailureClass.ofHttpStatus(404)).isEqualTo(FailureClass.HARD);
        assertThat(FailureClass.ofHttpStatus(410)).isEqualTo(FailureClass.HARD);
        assertThat(FailureClass.ofHttpStatus(403)).isEqualTo(FailureClass.HARD);
        assertThat(FailureClass.ofHttpStatus(429)).isEqualTo(FailureClass.TEMPORARY);
        assertThat(FailureClass.ofHttpStatus(408)).isEqualTo(FailureClass.TEMPORARY);
        assertThat(FailureClass.ofHttpStatus(503)).isEqualTo(FailureClass.TEMPORARY);
        assertThatThrownBy(() -> FailureClass.ofHttpStatus(200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fetchReasons() {
        assertThat(FailureClass.ofFetch("http-404", 404, false)).isEqualTo(FailureClass.HARD);
        assertThat(FailureClass.ofFetch("http-5xx", 502, true)).isEqualTo(FailureClass.TEMPORARY);
        assertThat(FailureClass.ofFetch("dns-failed", 0, true)).as("hard for a feed").isEqualTo(FailureClass.HARD);
        assertThat(FailureClass.ofFetch("blocked-address", 0, false)).isEqualTo(FailureClass.HARD);
        assertThat(FailureClass.ofFetch("robots-disallowed", 0, false)).isEqualTo(FailureClass.HARD);
        assertThat(FailureClass.ofFetch("timeout", 0, true)).isEqualTo(FailureClass.TEMPORARY);
        assertThat(FailureClass.ofFetch("too-large", 0, false)).isEqualTo(FailureClass.SOFT);
        assertThat(FailureClass.ofFetch("something-new", 0, true)).isEqualTo(FailureClass.TEMPORARY);
        assertThat(FailureClass.ofFetch(null, 0, false)).isEqualTo(FailureClass.SOFT);
    }
}
