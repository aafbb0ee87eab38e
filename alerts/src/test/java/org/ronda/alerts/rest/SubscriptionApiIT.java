package org.ronda.alerts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.ronda.alerts.IsolatedAlerts;

/**
 * The subscription API on the real broker: validation answers 400 naming the field, keys see only
 * their own subscriptions, changes and deletions stick. Real: Kafka, Elasticsearch. Faked: nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = IsolatedAlerts.class, restrictToAnnotatedClass = true)
class SubscriptionApiIT {

    private static String newKey() {
        return SubscriptionApiITSupport.newKey();
    }

    private static String create(String key, String json) {
        return SubscriptionApiITSupport.create(key, json);
    }

    @Test
    void refusesBadSubscriptionsWithTheFieldAndReason() {
        String key = newKey();
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"topics\":[\"scams\"]}")
                .post("/api/subscriptions").then().statusCode(400)
                .body("field", equalTo("topics")).body("error", containsString("unknown topic 'scams'"));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"query\":\"scam AND (raid\"}")
                .post("/api/subscriptions").then().statusCode(400)
                .body("field", equalTo("query")).body("position", equalTo(9));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"name\":\"nothing\"}")
                .post("/api/subscriptions").then().statusCode(400).body("error", containsString("at least one of"));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"countries\":[\"Thailand\"]}")
                .post("/api/subscriptions").then().statusCode(400).body("field", equalTo("countries"));
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"topics\":[\"scam\"],\"email\":{\"address\":\"a@example.org\",\"mode\":\"weekly\"}}")
                .post("/api/subscriptions").then().statusCode(400).body("field", equalTo("email.mode"));
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"topics\":[\"scam\"],\"email\":{\"address\":\"a@example.org\",\"timeZone\":\"Asia/Atlantis\"}}")
                .post("/api/subscriptions").then().statusCode(400).body("field", equalTo("email.timeZone"));
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"topics\":[\"scam\"],\"webhook\":{\"url\":\"ftp://example.org/x\"}}")
                .post("/api/subscriptions").then().statusCode(400).body("field", equalTo("webhook.url"));
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"topics\":[\"scam\"],\"webhook\":{\"url\":\"http://169.254.169.254/latest/meta-data\"}}")
                .post("/api/subscriptions").then().statusCode(400).body("field", equalTo("webhook.url"))
                .body("error", containsString("169.254.169.254"));
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"topics\":[\"scam\"],\"webhook\":{\"url\":\"http://10.1.2.3/hook\"}}")
                .post("/api/subscriptions").then().statusCode(400).body("field", equalTo("webhook.url"));
        given().contentType(ContentType.JSON).body("{\"topics\":[\"scam\"]}")
                .post("/api/subscriptions").then().statusCode(401).body("error", containsString("API key"));
        given().auth().oauth2(key).get("/api/subscriptions").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void ownersSeeAndChangeOnlyTheirOwnSubscriptions() {
        String alice = newKey();
        String bob = newKey();
        String a1 = create(alice, "{\"name\":\"scams in Thailand\",\"topics\":[\"SCAM\"],\"countries\":[\"th\"]}");
        create(alice, "{\"query\":\"methamphetamine OR yaba\",\"email\":{\"address\":\"alice@example.org\",\"mode\":\"daily\",\"timeZone\":\"Asia/Bangkok\"}}");
        String b1 = create(bob, "{\"topics\":[\"drugs\"],\"webhook\":{\"url\":\"http://127.0.0.1:9/ronda\"}}");

        given().auth().oauth2(alice).get("/api/subscriptions").then().statusCode(200).body("$", hasSize(2))
                .body("[0].id", equalTo(a1)).body("[0].topics[0]", equalTo("scam")).body("[0].countries[0]", equalTo("TH"))
                .body("[1].email.mode", equalTo("DAILY")).body("[1].email.timeZone", equalTo("Asia/Bangkok"))
                .body("[0].feedUrl", containsString("/alerts/feeds/" + a1 + ".atom?key="));
        given().auth().oauth2(bob).get("/api/subscriptions/" + b1).then().statusCode(200)
                .body("webhook.secret", startsWith("whsec_")).body("ownerKeyHash", equalTo(null));

        given().auth().oauth2(bob).get("/api/subscriptions/" + a1).then().statusCode(404);
        given().auth().oauth2(bob).contentType(ContentType.JSON).body("{\"topics\":[\"drugs\"]}")
                .put("/api/subscriptions/" + a1).then().statusCode(404);
        given().auth().oauth2(bob).delete("/api/subscriptions/" + a1).then().statusCode(404);
        given().auth().oauth2(alice).get("/api/subscriptions/" + a1).then().statusCode(200).body("name", equalTo("scams in Thailand"));

        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"name\":\"scams anywhere\",\"topics\":[\"scam\",\"cybercrime\"]}")
                .put("/api/subscriptions/" + a1).then().statusCode(200).body("topics", hasSize(2)).body("countries", hasSize(0));
        given().auth().oauth2(alice).get("/api/subscriptions/" + a1).then().body("name", equalTo("scams anywhere"));
        given().auth().oauth2(alice).delete("/api/subscriptions/" + a1).then().statusCode(204);
        given().auth().oauth2(alice).get("/api/subscriptions/" + a1).then().statusCode(404);
        given().auth().oauth2(alice).get("/api/subscriptions").then().body("$", hasSize(1));
    }
}
