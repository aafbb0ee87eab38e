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
    void badQueryIsStill400() {
        given().queryParam("q", "scam )").when().get("/api/search")
                .then().statusCode(400)
                .body("position", equalTo(5));
    }
}
