package org.ronda.ingest.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The REST wiring of feed health in the real Quarkus application: real registry, real JSON, real
 * Prometheus output. Faked: the poller's reports (recorded here directly). No broker is needed and
 * the scheduler is off, so nothing is fetched; the source list names 127.0.0.1:1, which nothing serves.
 */
@QuarkusTest
@TestProfile(FeedHealthResourceTest.Profile.class)
class FeedHealthResourceTest {

    private static final String LISTED = "http://127.0.0.1:1/kl-daily/feed.xml";
    private static final String SITEMAP = "http://127.0.0.1:1/warta/sitemap-news.xml";
    private static final String DISCOVERED = "http://127.0.0.1:1/warta/feed/";

    /** Scheduler off, a two-line source list, any free port. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ronda.ingest.scheduler-enabled", "false",
                    "ronda.ingest.sources-file", "src/test/resources/source/health-resource-sources.tsv",
                    "quarkus.http.test-port", "0");
        }
    }

    @Inject
    FeedHealthRegistry registry;

    @Test
    void listsEveryFeedOfTheSourceListAndEveryFeedPolledWithItsHealth() {
        Instant now = Instant.now();
        registry.recordFailure(LISTED, FailureClass.HARD, "HTTP 404", now);
        registry.recordSuccess(DISCOVERED, 4, now.minus(Duration.ofMinutes(20)), now);

        given().when().get("/ingest/feeds").then()
                .statusCode(200)
                .body("feed", contains(LISTED, DISCOVERED, SITEMAP))
                .body("[0].source", equalTo("kl-daily"))
                .body("[0].state", equalTo("FAILING"))
                .body("[0].consecutiveFailures", equalTo(1))
                .body("[0].lastFailureClass", equalTo("HARD"))
                .body("[0].lastFailureReason", equalTo("HTTP 404"))
                .body("[1].source", nullValue())
                .body("[1].state", equalTo("OK"))
                .body("[1].newItemsLastPoll", equalTo(4))
                .body("[1].gap", equalTo(false))
                .body("[2].source", equalTo("warta"))
                .body("[2].state", equalTo("NEW"));

        given().when().get("/ingest/gaps").then().statusCode(200).body("$", empty());
        given().when().get("/ingest/sources").then().statusCode(200).body("sources", hasSize(2));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ronda_ingest_feed_consecutive_failures{feed=\"" + LISTED + "\"} 1.0"))
                .body(containsString("ronda_ingest_feed_gap{feed=\"" + DISCOVERED + "\"} 0.0"));
    }
}
