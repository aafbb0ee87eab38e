package org.ronda.search.accounting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.kafka.KafkaClientProperties;

/**
 * A raw article that never came out of enrich is named by {@code /api/reconcile}; a bad window is a
 * 400. Real: the service, Kafka and Elasticsearch (topics and alias of this run; the alias does not
 * exist, which counts as nothing indexed). Faked: the stages (the test writes the raw event).
 */
@QuarkusTest
@WithTestResource(IsolatedPipeline.class)
class ReconcileResourceIT {

    @Test
    void namesTheArticleStuckInEnrich() throws Exception {
        String url = "http://127.0.0.1:1/phnom-penh-daily/" + UUID.randomUUID();
        Instant now = Instant.now();
        RawArticle raw = new RawArticle(1, UUID.randomUUID().toString(), ArticleIds.of(url), now, url, "http://127.0.0.1:1/feed",
                new SourceRef("phnom-penh-daily", "Phnom Penh Daily", "KH", "en", "media"), "Call-centre scam raided", "Police raided it.",
                null, now, "en", now, null, null, null, false, null);
        try (KafkaProducer<String, String> p = new KafkaProducer<>(KafkaClientProperties.producer(IsolatedPipeline.KAFKA, "it"))) {
            p.send(new ProducerRecord<>(IsolatedPipeline.RAW, raw.articleId(), EventCodec.encode(raw))).get();
        }

        given().queryParam("since", "1h").when().get("/api/reconcile")
                .then().statusCode(200)
                .body("balanced", equalTo(false))
                .body("ingest.articles", equalTo(1))
                .body("enrich.entered", equalTo(1))
                .body("enrich.unaccounted", contains(raw.articleId()))
                .body("index.entered", equalTo(0));
    }

    @Test
    void aBadWindowIsRefused() {
        given().queryParam("since", "forever").when().get("/api/reconcile")
                .then().statusCode(400).body("parameter", equalTo("since"));
        given().queryParam("since", "400d").when().get("/api/reconcile")
                .then().statusCode(400);
        given().queryParam("to", "2026-11-01T00:00:00Z").when().get("/api/reconcile")
                .then().statusCode(400).body("parameter", equalTo("from"));
    }
}
