package org.ronda.accounting.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ronda.accounting.TopicNames;
import org.ronda.accounting.Window;

/** Command-line parsing, the window options and the topic defaults. Real: everything; no engine. */
class ArgumentsTest {

    private static final Set<String> VALUED = Set.of("since", "from", "to", "topic", "limit", "alerts-topic", "raw-topic");
    private static final Set<String> SWITCHES = Set.of("json", "dry-run");
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void wordsThenOptionsAndSwitches() {
        Arguments a = Arguments.parse(new String[] {"dlq", "show", "--topic", "t", "--limit=5", "--json"}, VALUED, SWITCHES);
        assertThat(a.word(0)).contains("dlq");
        assertThat(a.word(1)).contains("show");
        assertThat(a.option("topic")).contains("t");
        assertThat(a.intOption("limit", 20)).isEqualTo(5);
        assertThat(a.flag("json")).isTrue();
        assertThat(a.flag("dry-run")).isFalse();
    }

    @Test
    void mistakesAreRefused() {
        assertThatThrownBy(() -> Arguments.parse(new String[] {"dlq", "replay", "--dryrun"}, VALUED, SWITCHES))
                .hasMessage("unknown option --dryrun");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"dlq", "--topic"}, VALUED, SWITCHES)).hasMessage("--topic needs a value");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"--topic", "a", "--topic", "b"}, VALUED, SWITCHES))
                .hasMessage("--topic given twice");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"--json=yes"}, VALUED, SWITCHES)).hasMessage("--json takes no value");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"--limit", "0"}, VALUED, SWITCHES).intOption("limit", 1))
                .hasMessageContaining("positive");
    }

    @Test
    void windowFromSinceOrFromTo() {
        assertThat(AccountingCommand.window(Arguments.parse(new String[] {"reconcile"}, VALUED, SWITCHES), NOW))
                .isEqualTo(Window.since("24h", NOW));
        assertThat(AccountingCommand.window(Arguments.parse(new String[] {"reconcile", "--since", "2h"}, VALUED, SWITCHES), NOW).from())
                .isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        Window w = AccountingCommand.window(Arguments.parse(new String[] {"reconcile", "--from", "2026-11-01T00:00:00Z", "--to",
                "2026-11-02T00:00:00Z"}, VALUED, SWITCHES), NOW);
        assertThat(w.to()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        Window open = AccountingCommand.window(Arguments.parse(new String[] {"reconcile", "--from", "2026-11-01T00:00:00Z"}, VALUED,
                SWITCHES), NOW);
        assertThat(open.to()).isEqualTo(NOW);
        assertThatThrownBy(() -> AccountingCommand.window(Arguments.parse(new String[] {"reconcile", "--since", "1h", "--from",
                "2026-11-01T00:00:00Z"}, VALUED, SWITCHES), NOW)).hasMessageContaining("not both");
        assertThatThrownBy(() -> AccountingCommand.window(Arguments.parse(new String[] {"reconcile", "--to", "2026-11-01T00:00:00Z"},
                VALUED, SWITCHES), NOW)).hasMessage("--to needs --from");
    }

    @Test
    void topicDefaultsAndOverrides() {
        TopicNames t = AccountingCommand.topics(Arguments.parse(new String[] {"--raw-topic", "it.raw"}, VALUED, SWITCHES));
        assertThat(t.raw()).isEqualTo("it.raw");
        assertThat(t.enriched()).isEqualTo("ronda.articles.enriched");
        assertThat(t.deadLetterTopics()).containsExactly("ronda.ingest.dead-letter", "ronda.enrich.dead-letter", "ronda.index.dead-letter");
        assertThat(t.alertsTopic()).contains("ronda.alerts");
    }

    @Test
    void usageErrorsExitWithTwo() {
        AccountingCommand c = new AccountingCommand(System.out, java.time.Clock.systemUTC());
        assertThat(c.run(new String[] {})).isEqualTo(2);
        assertThat(c.run(new String[] {"dlq", "show"})).isEqualTo(2);
        assertThat(c.run(new String[] {"reconcile", "--since", "forever"})).isEqualTo(2);
    }
}
