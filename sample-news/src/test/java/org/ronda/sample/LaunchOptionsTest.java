package org.ronda.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command line of the sample server. Real: everything. */
class LaunchOptionsTest {

    @Test
    void defaultsToPort8090AndNoSourceList() {
        assertThat(LaunchOptions.parse()).isEqualTo(new LaunchOptions(8090, Optional.empty()));
    }

    @Test
    void readsPortAndSourcesOut() {
        assertThat(LaunchOptions.parse("--sources-out", "out/sources.tsv", "--port", "0"))
                .isEqualTo(new LaunchOptions(0, Optional.of(Path.of("out/sources.tsv"))));
    }

    @Test
    void rejectsUnknownFlagsMissingValuesAndBadPorts() {
        assertThatThrownBy(() -> LaunchOptions.parse("--verbose")).hasMessageContaining("unknown argument '--verbose'");
        assertThatThrownBy(() -> LaunchOptions.parse("--port")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse("--port", "eighty")).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> LaunchOptions.parse("--port", "70000")).hasMessageContaining("0 to 65535");
    }
}
