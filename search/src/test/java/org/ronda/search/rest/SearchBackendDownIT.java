package org.ronda.search.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Elasticsearch down: the API answers 503 with a short JSON message. Real: the service. Faked: nothing listens on the port. */
@QuarkusTest
@WithTestResource(ClosedElasticPort.class)
class SearchBackendDownIT {

    @Test
    void searchAnswers503WithoutStackTrace() {
        given().queryParam("q", "scam").when().get("/api/search")
                .then().statusCode(503)
                .contentType("application/json")
                .body("error", equalTo("search backend unavailable"))
                .body(not(containsString("Exception")));
    }

    @Test
    void articleAnswers503() {
        given().when().get("/api/articles/0123456789abcdef0123456789abcdef")
                .then().statusCode(503)
                .body("error", equalTo("search backend unavailable"));
    }

    @Test
    void exportAndCoverageAnswer503BeforeAnyRow() {
        given().queryParam("format", "csv").when().get("/api/search/export")
                .then().statusCode(503)
                .contentType("application/json")
                .body("error", equalTo("search backend unavailable"));
        given().queryParam("from", "2025-03-01").queryParam("to", "2025-03-14").when().get("/api/coverage")
                .then().statusCode(503)
                .body("error", equalTo("search backend unavailable"));
    }

    @Test
    void badQueryIsStill400() {
        given().queryParam("q", "scam )").when().get("/api/search")
                .then().statusCode(400)
                .body("position", equalTo(5));
        given().queryParam("q", "scam )").queryParam("format", "ndjson").when().get("/api/search/export")
                .then().statusCode(400)
                .body("position", equalTo(5));
    }
}
