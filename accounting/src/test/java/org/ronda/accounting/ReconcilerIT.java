package org.ronda.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.ronda.accounting.cli.CommandRunner;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;

/**
 * A window with one article that went all the way, one that enrich dead-lettered, one that was
 * enriched and never indexed (lost), and one published before the window: the report names exactly
 * the lost one. Real: Kafka and Elasticsearch (topics and alias of this run only). Faked: the stages
 * (their outputs are written by the test).
 */
class ReconcilerIT {

    @Test
    void namesTheLostArticleAndCountsTheDeadLetteredOne() throws Exception {
        String p = ItEngines.uniquePrefix();
        TopicNames topics = new TopicNames(p + "raw", p + "enriched", p + "ingest-dlq", p + "enrich-dlq", p + "index-dlq", p + "alerts");
        String alias = p + "articles";
        ItEngines.createTopics(topics.all());
        Instant now = Instant.now();

        RawArticle done = ItEngines.raw("done", now);
        RawArticle poisoned = ItEngines.raw("poisoned", now);
        RawArticle lost = ItEngines.raw("lost", now);
        RawArticle old = ItEngines.raw("old", now.minus(Duration.ofDays(3)));
        ItEngines.send(topics.raw(), done.articleId(), EventCodec.encode(done), now);
        ItEngines.send(topics.raw(), old.articleId(), EventCodec.encode(old), old.emittedAt());
        ItEngines.send(topics.raw(), poisoned.articleId(), EventCodec.encode(poisoned), now);
        ItEngines.send(topics.raw(), lost.articleId(), EventCodec.encode(lost), now);
        ItEngines.send(topics.enriched(), done.articleId(), EventCodec.encode(ItEngines.enriched(done, now)), now);
        ItEngines.send(topics.enriched(), lost.articleId(), EventCodec.encode(ItEngines.enriched(lost, now)), now);
        // As enrich writes it: no article id in the letter, keyed by the raw record's key, offset 2 of the raw topic.
        DeadLetter enrichFailed = new DeadLetter(1, "enrich", "enrich-failed", "IllegalStateException: boom", null, null,
                topics.raw(), 0, 2L, EventCodec.encode(poisoned), now);
        ItEngines.send(topics.enrichDeadLetter(), poisoned.articleId(), EventCodec.encode(enrichFailed), now);
        DeadLetter pageGone = new DeadLetter(1, "ingest", "page-not-found", "mekong-post via feed: 404", null,
                "http://127.0.0.1:1/mekong-post/gone", null, null, null, null, now);
        ItEngines.send(topics.ingestDeadLetter(), pageGone.url(), EventCodec.encode(pageGone), now);
        // One record per article with three subscription decisions (decision 32), and one alert of the former format.
        ItEngines.send(topics.alerts(), "c-" + done.articleId(), "{\"clusterId\":\"c\",\"article\":{\"articleId\":\"" + done.articleId()
                + "\"},\"decisions\":[{\"subscriptionId\":\"s1\"},{\"subscriptionId\":\"s2\"},{\"subscriptionId\":\"s3\"}]}", now);
        ItEngines.send(topics.alerts(), "s4/" + done.articleId(),
                "{\"alertId\":\"s4/c\",\"article\":{\"articleId\":\"" + done.articleId() + "\"}}", now);

        try (RestClient rest = ItEngines.restClient()) {
            ElasticsearchClient es = ItEngines.client(rest);
            es.indices().create(c -> c.index(alias + "-000001").aliases(alias, a -> a.isWriteIndex(true)));
            es.index(i -> i.index(alias).id(done.articleId()).document(Map.of("articleId", done.articleId(), "indexedAt", now.toString()))
                    .refresh(Refresh.True));

            Reconciler reconciler = new Reconciler(ItEngines.KAFKA, es, alias, topics, 100, Clock.systemUTC());
            ReconcileReport report = reconciler.reconcile(Window.since("24h", Instant.now().plusSeconds(5)), Optional.empty());

            assertThat(report.ingest().rawRecords()).isEqualTo(3);
            assertThat(report.ingest().articles()).isEqualTo(3);
            assertThat(report.ingest().deadLetterReasons()).isEqualTo(Map.of("page-not-found", 1L));
            assertThat(report.enrich().entered()).isEqualTo(3);
            assertThat(report.enrich().out()).isEqualTo(2);
            assertThat(report.enrich().deadLettered()).isEqualTo(1);
            assertThat(report.enrich().deadLetterReasons()).isEqualTo(Map.of("enrich-failed", 1L));
            assertThat(report.enrich().balanced()).isTrue();
            assertThat(report.index().entered()).isEqualTo(2);
            assertThat(report.index().out()).isEqualTo(1);
            assertThat(report.index().unaccounted()).containsExactly(lost.articleId());
            assertThat(report.unaccounted()).containsExactly("index " + lost.articleId());
            assertThat(report.balanced()).isFalse();
            assertThat(report.alerts().alerts()).isEqualTo(4);
            assertThat(report.alerts().articlesAlerted()).isEqualTo(1);
            assertThat(report.alerts().perArticle()).isEqualTo(Map.of(done.articleId(), 4L));

            // The command prints the same and exits 1 because something is unaccounted.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = CommandRunner.run(new PrintStream(out, true, StandardCharsets.UTF_8), "reconcile", "--since", "1h",
                    "--bootstrap", ItEngines.KAFKA, "--elastic", ItEngines.ELASTIC, "--alias", alias,
                    "--raw-topic", topics.raw(), "--enriched-topic", topics.enriched(), "--ingest-dlq", topics.ingestDeadLetter(),
                    "--enrich-dlq", topics.enrichDeadLetter(), "--index-dlq", topics.indexDeadLetter(), "--json");
            assertThat(status).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(lost.articleId()).contains("\"balanced\" : false");

            // Once the lost article is indexed, everything adds up.
            es.index(i -> i.index(alias).id(lost.articleId()).document(Map.of("articleId", lost.articleId())).refresh(Refresh.True));
            ReconcileReport after = reconciler.reconcile(Window.since("24h", Instant.now().plusSeconds(5)), Optional.empty());
            assertThat(after.balanced()).isTrue();
            assertThat(after.unaccounted()).isEqualTo(List.of());
        }
    }
}
