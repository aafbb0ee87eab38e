package org.ronda.accounting.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.ronda.accounting.DeadLetterEntry;
import org.ronda.accounting.IngestCounters;
import org.ronda.accounting.ReconcileReport;
import org.ronda.accounting.Reconciler;
import org.ronda.accounting.StageAccount;
import org.ronda.accounting.TopicNames;
import org.ronda.accounting.TopicReader;
import org.ronda.accounting.Window;
import org.ronda.accounting.dlq.DeadLetterInspector;
import org.ronda.accounting.dlq.DeadLetterReplayer;
import org.ronda.accounting.dlq.ReplayMarkers;
import org.ronda.accounting.dlq.ReplayResult;
import org.ronda.contracts.EventCodec;

/**
 * {@code ./ronda reconcile} and {@code ./ronda dlq}. Exit status: 0 done (reconcile: everything
 * accounted for), 1 reconcile found unaccounted articles, 2 usage error or a refused replay, 3 an
 * engine did not answer.
 */
public final class AccountingCommand {

    static final String USAGE = """
            usage:
              reconcile [--since 24h | --from ISO --to ISO] [--json] [--ingest-metrics URL] [--alerts-topic T] [--max-ids N]
              dlq list [--topic T]
              dlq show --topic T [--reason R] [--limit N] [--payload]
              dlq replay --topic T [--reason R] [--dry-run]
            engines and names (defaults in brackets):
              --bootstrap [127.0.0.1:19092] --elastic [http://127.0.0.1:19200] --alias [ronda-articles]
              --raw-topic [ronda.articles.raw] --enriched-topic [ronda.articles.enriched]
              --ingest-dlq [ronda.ingest.dead-letter] --enrich-dlq [ronda.enrich.dead-letter] --index-dlq [ronda.index.dead-letter]
              --replayed-topic [ronda.dlq.replayed] --replication-factor [1]
            """;

    // ./ronda passes where its engines listen as system properties, so that options stay the user's.
    private static final String DEFAULT_BOOTSTRAP = System.getProperty("ronda.accounting.bootstrap", "127.0.0.1:19092");
    private static final String DEFAULT_ELASTIC = System.getProperty("ronda.accounting.elastic", "http://127.0.0.1:19200");
    private static final String DEFAULT_ALIAS = System.getProperty("ronda.accounting.alias", "ronda-articles");

    private static final Set<String> VALUED = Set.of("since", "from", "to", "ingest-metrics", "alerts-topic", "max-ids", "topic",
            "reason", "limit", "bootstrap", "elastic", "alias", "raw-topic", "enriched-topic", "ingest-dlq", "enrich-dlq", "index-dlq",
            "replayed-topic", "replication-factor");
    private static final Set<String> SWITCHES = Set.of("json", "dry-run", "payload");

    private final PrintStream out;
    private final Clock clock;

    AccountingCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public static void main(String[] args) {
        // The Kafka client logs every configuration at info; on a command line only its warnings matter.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(new AccountingCommand(System.out, Clock.systemUTC()).run(args));
    }

    /** Runs one command; returns the exit status. */
    int run(String[] args) {
        try {
            Arguments a = Arguments.parse(args, VALUED, SWITCHES);
            String command = a.word(0).orElseThrow(() -> new Arguments.UsageException("no command"));
            return switch (command) {
                case "reconcile" -> {
                    expectWords(a, 1);
                    yield reconcile(a);
                }
                case "dlq" -> dlq(a);
                default -> throw new Arguments.UsageException("unknown command '" + command + "'");
            };
        } catch (Arguments.UsageException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        } catch (IllegalStateException | IOException e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        }
    }

    /** The window from {@code --since} or {@code --from}/{@code --to}; 24 hours by default. */
    static Window window(Arguments a, Instant now) {
        Optional<String> since = a.option("since");
        Optional<String> from = a.option("from");
        Optional<String> to = a.option("to");
        if (since.isPresent() && (from.isPresent() || to.isPresent())) {
            throw new Arguments.UsageException("give either --since or --from/--to, not both");
        }
        if (from.isPresent() || to.isPresent()) {
            if (from.isEmpty()) {
                throw new Arguments.UsageException("--to needs --from");
            }
            return to.isPresent() ? Window.between(from.get(), to.get()) : new Window(Window.between(from.get(), now.toString()).from(), now);
        }
        return Window.since(since.orElse("24h"), now);
    }

    /** Topic names from the options, with the project's defaults. */
    static TopicNames topics(Arguments a) {
        return new TopicNames(a.option("raw-topic", "ronda.articles.raw"), a.option("enriched-topic", "ronda.articles.enriched"),
                a.option("ingest-dlq", "ronda.ingest.dead-letter"), a.option("enrich-dlq", "ronda.enrich.dead-letter"),
                a.option("index-dlq", "ronda.index.dead-letter"), a.option("alerts-topic", "ronda.alerts"));
    }

    private int reconcile(Arguments a) throws IOException {
        Window window = window(a, clock.instant());
        TopicNames topics = topics(a);
        Optional<URI> metrics = a.option("ingest-metrics").or(() -> Optional.ofNullable(System.getProperty("ronda.accounting.ingest-metrics")))
                .map(URI::create);
        try (RestClient rest = RestClient.builder(HttpHost.create(a.option("elastic", DEFAULT_ELASTIC))).build()) {
            ElasticsearchClient elastic = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            Reconciler reconciler = new Reconciler(a.option("bootstrap", DEFAULT_BOOTSTRAP), elastic, a.option("alias", DEFAULT_ALIAS),
                    topics, a.intOption("max-ids", 1000), clock);
            ReconcileReport report = reconciler.reconcile(window, metrics);
            if (a.flag("json")) {
                out.println(EventCodec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } else {
                out.print(ReportText.of(report));
            }
            return report.balanced() ? 0 : 1;
        }
    }

    private int dlq(Arguments a) {
        expectWords(a, 2);
        String action = a.word(1).orElseThrow(() -> new Arguments.UsageException("dlq needs list, show or replay"));
        TopicReader kafka = new TopicReader(a.option("bootstrap", DEFAULT_BOOTSTRAP));
        short replicas = (short) a.intOption("replication-factor", 1);
        ReplayMarkers markers = new ReplayMarkers(kafka, a.option("replayed-topic", "ronda.dlq.replayed"), replicas);
        TopicNames topics = topics(a);
        switch (action) {
            case "list" -> {
                List<String> names = a.option("topic").map(List::of).orElse(topics.deadLetterTopics());
                for (DeadLetterInspector.TopicSummary s : new DeadLetterInspector(kafka, markers).summarise(names)) {
                    if (!s.exists()) {
                        out.printf("%s: no such topic%n", s.topic());
                        continue;
                    }
                    out.printf("%s: %d dead letter(s), %d replayed%n", s.topic(), s.total(), s.replayed());
                    s.reasons().forEach((reason, n) -> out.printf("  %-28s %6d%n", reason, n));
                }
                return 0;
            }
            case "show" -> {
                String topic = requiredTopic(a);
                List<DeadLetterEntry> entries = new DeadLetterInspector(kafka, markers).entries(topic, a.option("reason"),
                        a.intOption("limit", 20));
                entries.forEach(e -> out.print(ReportText.entry(e, a.flag("payload"))));
                out.printf("%d dead letter(s) shown%n", entries.size());
                return 0;
            }
            case "replay" -> {
                String topic = requiredTopic(a);
                if (topic.equals(topics.ingestDeadLetter())) {
                    System.err.println("error: " + topic + " holds ingest's dead letters: feed items whose page could not be fetched"
                            + " or extracted. There is no consumed record to put back, only a URL, and only ingest can fetch it again"
                            + " (it skips URLs it marked seen). Nothing replayed.");
                    return 2;
                }
                ReplayResult result = new DeadLetterReplayer(kafka, markers, clock).replay(topic, a.option("reason"), a.flag("dry-run"));
                out.print(ReportText.replay(result, markers.topic()));
                if (result.replayed().isEmpty() && !result.notReplayable().isEmpty()) {
                    System.err.println("error: none of the matching dead letters can be replayed (see above)");
                    return 2;
                }
                return 0;
            }
            default -> throw new Arguments.UsageException("unknown dlq action '" + action + "': list, show or replay");
        }
    }

    private static String requiredTopic(Arguments a) {
        return a.option("topic").orElseThrow(() -> new Arguments.UsageException("--topic is required"));
    }

    private static void expectWords(Arguments a, int n) {
        if (a.wordCount() > n) {
            throw new Arguments.UsageException("unexpected '" + a.word(n).orElseThrow() + "'");
        }
    }

    /** Prints nothing itself: kept here so that the text forms stay next to the command. */
    static final class ReportText {

        private ReportText() {
        }

        static String of(ReconcileReport r) {
            StringBuilder b = new StringBuilder();
            b.append(String.format("window %s .. %s (read at %s)%n", r.from(), r.to(), r.generatedAt()));
            var in = r.ingest();
            b.append(String.format("ingest   published %d raw record(s) = %d article(s) + %d republished; dead-lettered %d %s%n",
                    in.rawRecords(), in.articles(), in.republished(), in.deadLettered(), in.deadLetterReasons()));
            IngestCounters c = in.counters();
            if (c != null) {
                b.append(String.format("         counters since start: discovered %d, fetched %d, outcomes %s: %s%n", c.discovered(),
                        c.fetched(), c.outcomes(), c.balanced() ? "add up" : "DO NOT add up"));
            }
            b.append("         ").append(in.countersNote()).append(System.lineSeparator());
            stage(b, r.enrich());
            stage(b, r.index());
            if (r.alerts() != null) {
                b.append(String.format("alerts   %d alert(s) about %d article(s) of the window (%s)%n", r.alerts().alerts(),
                        r.alerts().articlesAlerted(), r.alerts().topic()));
            }
            r.notes().forEach(n -> b.append("note: ").append(n).append(System.lineSeparator()));
            b.append(r.balanced() ? "every article is accounted for" : "UNACCOUNTED articles (stage id):").append(System.lineSeparator());
            r.unaccounted().forEach(u -> b.append("  ").append(u).append(System.lineSeparator()));
            return b.toString();
        }

        private static void stage(StringBuilder b, StageAccount s) {
            b.append(String.format("%-8s in %d (%s) -> %s %d, dead-lettered %d %s, unaccounted %d%s: %s%n", s.stage(), s.entered(),
                    s.input(), s.outLabel(), s.out(), s.deadLettered(), s.deadLetterReasons(), s.unaccountedCount(),
                    s.recovered() > 0 ? " (" + s.recovered() + " recovered after a dead letter)" : "",
                    s.balanced() ? "adds up" : "DOES NOT add up"));
        }

        static String entry(DeadLetterEntry e, boolean payload) {
            StringBuilder b = new StringBuilder();
            b.append(e.coordinates()).append("  ").append(Instant.ofEpochMilli(e.timestamp())).append("  ").append(e.reason());
            b.append(System.lineSeparator());
            if (e.letter() == null) {
                b.append("  unreadable: ").append(e.problem()).append(System.lineSeparator());
                return b.toString();
            }
            var l = e.letter();
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            fields.put("stage", l.stage());
            fields.put("article", e.articleId().orElse("-"));
            fields.put("url", l.url() == null ? "-" : l.url());
            fields.put("source", e.sourceCoordinates().orElse("-"));
            fields.put("detail", l.detail());
            fields.forEach((k, v) -> b.append(String.format("  %-8s %s%n", k, v)));
            if (payload) {
                b.append(String.format("  %-8s %s%n", "payload", l.payload()));
            }
            return b.toString();
        }

        static String replay(ReplayResult r, String markerTopic) {
            StringBuilder b = new StringBuilder();
            b.append(String.format("%s%s: %d matching dead letter(s); %s %d, already replayed %d, not replayable %d%n", r.topic(),
                    r.reason() == null ? "" : " reason " + r.reason(), r.matched(), r.dryRun() ? "would replay" : "replayed",
                    r.replayed().size(), r.alreadyReplayed(), r.notReplayable().size()));
            r.replayed().forEach(l -> b.append("  ").append(r.dryRun() ? "would replay " : "replayed ").append(l).append(System.lineSeparator()));
            r.notReplayable().forEach(l -> b.append("  not replayable ").append(l).append(System.lineSeparator()));
            if (!r.dryRun() && !r.replayed().isEmpty()) {
                b.append("replays recorded in ").append(markerTopic).append(": running the replay again replays only new dead letters")
                        .append(System.lineSeparator());
            }
            return b.toString();
        }
    }
}
