package org.ronda.e2e.faults;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleCorpus;

/**
 * Raw articles for the fault tests, made from the bundled sample corpus: copy {@code i} of sample
 * article {@code i % 90}, at a URL of its own. Identical in every run (ids, event ids, texts), so a
 * disturbed run and an undisturbed one see the very same input; the copies of one sample article
 * form one story, which gives the alerts revisions to count.
 */
final class FaultArticles {

    private static final Instant FETCHED = Instant.parse("2026-11-01T00:00:00Z");

    private FaultArticles() {
    }

    static List<RawArticle> generate(int n) {
        List<SampleArticle> sample = SampleCorpus.load().articles();
        List<RawArticle> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SampleArticle a = sample.get(i % sample.size());
            out.add(article(a, "http://127.0.0.1:1/" + a.outletId() + "/" + a.slug() + "-" + i, String.join("\n\n", a.paragraphs())));
        }
        return out;
    }

    /** One article from the first sample article with the given URL and text. */
    static RawArticle withText(String url, String text) {
        return article(SampleCorpus.load().articles().get(0), url, text);
    }

    private static RawArticle article(SampleArticle a, String url, String text) {
        String eventId = UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8)).toString();
        return new RawArticle(1, eventId, ArticleIds.of(url), FETCHED, url, "http://127.0.0.1:1/feed",
                new SourceRef(a.outletId(), a.outletId(), "MY", a.lang(), "media"), a.title(), text, a.author(),
                a.published().toInstant(), a.lang(), FETCHED, null, null, null, false, null);
    }

    /**
     * Writes the articles to {@code topic}, keyed by article id, in order; returns once all are
     * acknowledged. Each goes out as published now, as ingest would: alerts tell subscribers only of
     * articles published after the subscription was made, and nothing compared between runs depends
     * on this time.
     */
    static void produce(String bootstrap, String topic, List<RawArticle> articles) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(bootstrap, "fault-articles"))) {
            for (RawArticle a : articles) {
                RawArticle now = new RawArticle(a.schemaVersion(), a.eventId(), a.articleId(), Instant.now(), a.url(), a.feedUrl(),
                        a.source(), a.title(), a.text(), a.author(), a.publishedAt(), a.language(), a.fetchedAt(), a.canonicalUrl(),
                        a.updatedAt(), a.leadImageUrl(), a.partial(), a.feedGuid());
                producer.send(new ProducerRecord<>(topic, a.articleId(), EventCodec.encode(now)));
            }
            producer.flush();
        }
    }
}
