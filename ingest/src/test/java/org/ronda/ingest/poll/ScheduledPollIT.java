package org.ronda.ingest.poll;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Ingest's own scheduler polls the feeds of the hosts it was given, with nobody calling
 * {@code POST /ingest/poll}. It polled nothing, ever, while a feed never polled was due only at a
 * clock reading later than the poller's own (see {@code PollScheduleTest}).
 */
@QuarkusTest
@QuarkusTestResource(value = ScheduledPollResource.class, restrictToAnnotatedClass = true)
class ScheduledPollIT {

    @Test
    void theSchedulerPublishesEveryArticleOfAFeedByItself() {
        int articles = ScheduledPollResource.sample.corpus().articlesOf(ScheduledPollResource.outlet).size();
        assertThat(articles).isPositive();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(published()).isEqualTo(articles));

        String feeds = given().get("/ingest/feeds").then().statusCode(200).extract().asString();
        assertThat(feeds).contains("\"state\":\"OK\"");
    }

    private static long published() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("ronda_ingest_items_total{") && l.contains("outcome=\"published\""))
                .mapToLong(l -> Math.round(Double.parseDouble(l.substring(l.lastIndexOf('}') + 1).strip().split(" ")[0]))).sum();
    }
}
