package org.citycoop.matching.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.citycoop.devstack.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Who may ask for matches (org.citycoop.platform.security): partner portals, city editors and the
 * secretariat, with a valid gateway token; not the anonymous public. Saved needs and subscriptions are their
 * creator's (and a bound city editor's): OWASP API1, object-level authorization.
 */
@QuarkusTest
class AccessTest {

    private static final String NEEDS = """
            { "cityId": "1625822", "country": "ID", "applicantType": "LOCAL_GOVERNMENT",
              "challenges": [ { "area": "SOLID_WASTE", "priority": 1 } ] }""";

    @Test
    void withoutAValidTokenMatchingIs401Problem() {
        for (String authorization : new String[] {TestTokens.NONE, "Bearer " + TestTokens.forgedAdmin(), "Bearer " + TestTokens.expiredAdmin()}) {
            given().header("Authorization", authorization).contentType(ContentType.JSON).body(NEEDS).post("/v1/matches")
                    .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"citycoop\"");
        }
    }

    @Test
    void partnerPortalsAndCityEditorsMatchButThePublicMayNot() {
        given().header("Authorization", "Bearer " + TestTokens.partnerPortal("portal")).contentType(ContentType.JSON).body(NEEDS)
                .post("/v1/matches").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.cityEditor("1625822")).contentType(ContentType.JSON).body(NEEDS)
                .post("/v1/matches").then().statusCode(200);
        // the anonymous public has not said who it is: 401 asking for credentials, not 403 (RFC 9110, section 15.5.2)
        given().header("Authorization", "Bearer " + TestTokens.anonymous()).contentType(ContentType.JSON).body(NEEDS)
                .post("/v1/matches").then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"citycoop\"");
        given().header("Authorization", "Bearer " + TestTokens.agencyEditor("jica")).contentType(ContentType.JSON).body(NEEDS)
                .post("/v1/matches").then().statusCode(403);
    }

    @Test
    void savedNeedsAndTheirSubscriptionsAreTheCreatorsAndTheirCitysOnly() {
        String portalA = "Bearer " + TestTokens.partnerPortal("portal-a");
        String portalB = "Bearer " + TestTokens.partnerPortal("portal-b");
        String surabaya = "Bearer " + TestTokens.cityEditor("1625822");
        String kitakyushu = "Bearer " + TestTokens.cityEditor("1859307");
        String body = NEEDS.replace("{ \"cityId\"", "{ \"name\": \"Surabaya waste\", \"cityId\"");
        String id = given().header("Authorization", portalA).contentType(ContentType.JSON).body(body)
                .header("Idempotency-Key", "same-key").post("/v1/needs").then().statusCode(201).extract().path("id");

        for (String path : List.of("/v1/needs/" + id, "/v1/needs/" + id + "/matches", "/v1/needs/" + id + "/alerts",
                "/v1/needs/" + id + "/packages")) {
            given().header("Authorization", portalA).get(path).then().statusCode(200);
            given().header("Authorization", surabaya).get(path).then().statusCode(200);
            given().header("Authorization", portalB).get(path).then().statusCode(404).contentType("application/problem+json");
            given().header("Authorization", kitakyushu).get(path).then().statusCode(404);
        }
        given().header("Authorization", portalB).header("If-Match", "\"1\"").delete("/v1/needs/" + id).then().statusCode(404);
        given().header("Authorization", portalB).get("/v1/needs").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().header("Authorization", surabaya).get("/v1/needs").then().statusCode(200).body("items.id", hasItem(id));
        // the same Idempotency-Key from another client is that client's own request, never a replay of A's
        String other = given().header("Authorization", portalB).contentType(ContentType.JSON).body(body)
                .header("Idempotency-Key", "same-key").post("/v1/needs").then().statusCode(201).extract().path("id");
        given().header("Authorization", portalB).get("/v1/needs/" + other).then().statusCode(200).body("id", equalTo(other));
        given().header("Authorization", portalB).get("/v1/needs/" + id).then().statusCode(404);
        // a city editor saves profiles for its own cities only
        given().header("Authorization", kitakyushu).contentType(ContentType.JSON).body(body).post("/v1/needs")
                .then().statusCode(403).body("errors[0].field", equalTo("cityId"));
        given().header("Authorization", kitakyushu).contentType(ContentType.JSON).body(body.replace("\"cityId\": \"1625822\", ", ""))
                .post("/v1/needs").then().statusCode(422).body("errors[0].field", equalTo("cityId"))
                .body("errors[0].detail", org.hamcrest.Matchers.startsWith("required for a city editor"));

        Map<String, String> toA = Map.of("url", "http://127.0.0.1:9/hook", "needId", id);
        given().header("Authorization", portalB).contentType(ContentType.JSON).body(toA).post("/v1/subscriptions")
                .then().statusCode(422).body("errors[0].field", equalTo("needId"));
        String subscription = given().header("Authorization", portalA).contentType(ContentType.JSON).body(toA)
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id");
        given().header("Authorization", portalA).get("/v1/subscriptions/" + subscription + "/deliveries").then().statusCode(200);
        given().header("Authorization", portalB).get("/v1/subscriptions/" + subscription).then().statusCode(404);
        given().header("Authorization", portalB).get("/v1/subscriptions/" + subscription + "/deliveries").then().statusCode(404);
        given().header("Authorization", portalB).delete("/v1/subscriptions/" + subscription).then().statusCode(404);
        given().header("Authorization", "Bearer " + TestTokens.anonymous()).get("/v1/needs").then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"citycoop\"");
    }
}
