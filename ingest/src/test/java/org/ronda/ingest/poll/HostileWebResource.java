package org.ronda.ingest.poll;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ronda.sample.Outlet;
import org.ronda.sample.SampleNewsServer;

/**
 * Starts the hostile web and the bundled sample on 127.0.0.1 and points ingest at both, on topics of
 * its own. Real: Kafka, HTTP servers on 127.0.0.1. Faked: nothing.
 */
public class HostileWebResource implements QuarkusTestResourceLifecycleManager {

    static final List<String> HOSTILE = List.of("xxe", "billion-laughs", "gzip-bomb", "twenty-megabytes", "redirect-loop",
            "to-metadata", "html-not-feed");
    static HostileWeb hostile;
    static SampleNewsServer sample;
    static Outlet goodOutlet;
    static String rawTopic;

    @Override
    public Map<String, String> start() {
        try {
            hostile = new HostileWeb();
            sample = SampleNewsServer.start(0);
            goodOutlet = sample.corpus().outlets().get(0);
            StringBuilder tsv = new StringBuilder("# id\toutlet\tcountry\tlanguage\tkind\tfeeds\n");
            for (String name : HOSTILE) {
                tsv.append("hostile-").append(name).append("\tHostile ").append(name).append("\tMY\ten\tmedia\t")
                        .append(hostile.base()).append('/').append(name).append(".xml\n");
            }
            tsv.append("wrong-charset\tWrong Charset\tMY\ten\tmedia\t").append(hostile.base()).append("/wrong-charset.xml\n");
            tsv.append(goodOutlet.id()).append('\t').append(goodOutlet.name()).append('\t').append(goodOutlet.country()).append('\t')
                    .append(goodOutlet.language()).append("\tmedia\t").append(sample.feedUrl(goodOutlet)).append('\n');
            Path sources = Files.createTempFile("hostile-sources", ".tsv");
            Files.writeString(sources, tsv, StandardCharsets.UTF_8);
            String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
            rawTopic = run + ".articles.raw";
            return Map.of(
                    "ronda.kafka.bootstrap-servers", System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092"),
                    "ronda.ingest.sources-file", sources.toString(),
                    "ronda.ingest.scheduler-enabled", "false",
                    "ronda.ingest.topics.raw-articles", rawTopic,
                    "ronda.ingest.topics.seen-articles", run + ".ingest.seen",
                    "ronda.ingest.topics.dead-letter", run + ".ingest.dead-letter",
                    "ronda.ingest.fetch.allow-private-addresses", "127.0.0.1/32",
                    "ronda.ingest.fetch.min-interval-per-host", "0s",
                    "ronda.ingest.fetch.max-body-bytes", "1048576");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (hostile != null) {
            hostile.close();
        }
        if (sample != null) {
            sample.close();
        }
    }
}
