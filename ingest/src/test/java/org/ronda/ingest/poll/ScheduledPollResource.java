package org.ronda.ingest.poll;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.ronda.sample.Outlet;
import org.ronda.sample.SampleNewsServer;

/**
 * One outlet of the bundled sample on 127.0.0.1, polled by ingest's own scheduler (a one-second
 * tick and a one-second shortest interval), on topics of its own. Real: Kafka, the HTTP server,
 * the scheduler. Faked: nothing.
 */
public class ScheduledPollResource implements QuarkusTestResourceLifecycleManager {

    static SampleNewsServer sample;
    static Outlet outlet;

    @Override
    public Map<String, String> start() {
        try {
            sample = SampleNewsServer.start(0);
            outlet = sample.corpus().outlets().get(0);
            String tsv = "# id\toutlet\tcountry\tlanguage\tkind\tfeeds\n" + outlet.id() + '\t' + outlet.name() + '\t' + outlet.country()
                    + '\t' + outlet.language() + "\tmedia\t" + sample.feedUrl(outlet) + '\n';
            Path sources = Files.createTempFile("scheduled-sources", ".tsv");
            Files.writeString(sources, tsv, StandardCharsets.UTF_8);
            String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
            return Map.ofEntries(
                    Map.entry("ronda.kafka.bootstrap-servers", System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092")),
                    Map.entry("ronda.ingest.sources-file", sources.toString()),
                    Map.entry("ronda.ingest.scheduler-enabled", "true"),
                    Map.entry("ronda.ingest.tick", "1s"),
                    Map.entry("ronda.ingest.poll-min-interval", "1s"),
                    Map.entry("ronda.ingest.topics.raw-articles", run + ".articles.raw"),
                    Map.entry("ronda.ingest.topics.seen-articles", run + ".ingest.seen"),
                    Map.entry("ronda.ingest.topics.dead-letter", run + ".ingest.dead-letter"),
                    Map.entry("ronda.ingest.topics.poll-tasks", run + ".ingest.poll-tasks"),
                    Map.entry("ronda.ingest.fetch.allow-private-addresses", "127.0.0.1/32"),
                    Map.entry("ronda.ingest.fetch.min-interval-per-host", "0s"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (sample != null) {
            sample.close();
        }
    }
}
