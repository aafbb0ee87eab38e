package org.ronda.ingest.poll;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;
import org.ronda.kafka.TopicReplay;

/**
 * Every hostile case (XXE, billion laughs, gzip bomb, 20 MB feed, redirect loop, redirect to the
 * cloud metadata address, an HTML page as feed) ends as a clear error for that feed only, while the
 * others in the same poll are read and published; a feed with a wrong charset still delivers.
 */
@QuarkusTest
@QuarkusTestResource(value = HostileWebResource.class, restrictToAnnotatedClass = true)
class HostileFeedsIT {

    @Test
    void eachHostileFeedFailsAloneWithItsReasonAndTheOthersArePublished() {
        JsonPath report = given().post("/ingest/poll").then().statusCode(200).extract().jsonPath();

        List<String> errors = report.getList("feedErrors", String.class);
        assertThat(errors).hasSize(HostileWebResource.HOSTILE.size());
        assertThat(error(errors, "hostile-xxe")).containsIgnoringCase("doctype");
        assertThat(error(errors, "hostile-billion-laughs")).containsIgnoringCase("doctype");
        assertThat(error(errors, "hostile-gzip-bomb")).contains("too-large");
        assertThat(error(errors, "hostile-twenty-megabytes")).contains("too-large");
        assertThat(error(errors, "hostile-redirect-loop")).contains("redirect-loop");
        assertThat(error(errors, "hostile-to-metadata")).contains("blocked-address");
        assertThat(error(errors, "hostile-html-not-feed")).containsIgnoringCase("html");

        int good = HostileWebResource.sample.corpus().articlesOf(HostileWebResource.goodOutlet).size();
        assertThat(report.getInt("itemOutcomes.PUBLISHED")).isEqualTo(good + 1);
        assertThat(report.getInt("feedsPolled")).isEqualTo(2);

        List<RawArticle> raw = new ArrayList<>();
        TopicReplay.readToEnd(System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092"), HostileWebResource.rawTopic, null,
                r -> raw.add(EventCodec.decodeRaw(r.value())));
        assertThat(raw).hasSize(good + 1);
        assertThat(raw).extracting(RawArticle::title).contains("Police seize drugs in caf\u00e9 raid");

        String feeds = given().get("/ingest/feeds").then().statusCode(200).extract().asString();
        assertThat(feeds).contains("blocked-address").contains("redirect-loop");

        // Each item is counted once as discovered and once under its outcome (scheduled polls included).
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(sum(metrics, "ronda_ingest_items_discovered_total{")).isEqualTo(sum(metrics, "ronda_ingest_items_total{"))
                .isGreaterThanOrEqualTo(good + 1);
        assertThat(sum(metrics, "ronda_ingest_pages_fetched_total{")).isGreaterThanOrEqualTo(good + 1);
    }

    /** The sum of the samples of a counter in a Prometheus exposition. */
    private static long sum(String metrics, String prefix) {
        return metrics.lines().filter(l -> l.startsWith(prefix))
                .mapToLong(l -> Math.round(Double.parseDouble(l.substring(l.lastIndexOf('}') + 1).strip().split(" ")[0]))).sum();
    }

    private static String error(List<String> errors, String source) {
        return errors.stream().filter(e -> e.startsWith(source + " ")).findFirst().orElse("(no error for " + source + ")");
    }
}
