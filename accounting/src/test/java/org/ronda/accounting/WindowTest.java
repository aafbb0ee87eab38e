package org.ronda.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Window parsing and the half-open membership test. Real: everything; no engine. */
class WindowTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void spansInShortAndIsoForms() {
        assertThat(Window.parseSpan("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Window.parseSpan("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(Window.parseSpan("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Window.parseSpan("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(Window.parseSpan("PT6H")).isEqualTo(Duration.ofHours(6));
        assertThat(Window.since("24h", NOW)).isEqualTo(new Window(Instant.parse("2026-11-27T12:00:00Z"), NOW));
    }

    @Test
    void badSpansAreRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> Window.parseSpan("yesterday")).hasMessageContaining("24h");
        assertThatThrownBy(() -> Window.parseSpan("0h")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Window.parseSpan("")).hasMessageContaining("empty");
    }

    @Test
    void startIncludedEndExcluded() {
        Window w = Window.between("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
        assertThat(w.contains(w.from().toEpochMilli())).isTrue();
        assertThat(w.contains(w.to().toEpochMilli() - 1)).isTrue();
        assertThat(w.contains(w.to().toEpochMilli())).isFalse();
        assertThat(w.contains(w.from().toEpochMilli() - 1)).isFalse();
    }

    @Test
    void endMustFollowStart() {
        assertThatThrownBy(() -> Window.between("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z")).hasMessageContaining("not before");
        assertThatThrownBy(() -> Window.between("2026-11-02", "2026-11-03T00:00:00Z")).hasMessageContaining("from is not an ISO-8601");
    }
}
