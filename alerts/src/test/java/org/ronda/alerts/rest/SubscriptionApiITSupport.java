package org.ronda.alerts.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** Calls of the subscription API that several integration tests make. */
public final class SubscriptionApiITSupport {

    private SubscriptionApiITSupport() {
    }

    /** A new API key. */
    public static String newKey() {
        return given().post("/api/keys").then().statusCode(201).extract().path("apiKey");
    }

    /** Creates a subscription from {@code json} with {@code key}; returns its id. */
    public static String create(String key, String json) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(json)
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
    }
}
