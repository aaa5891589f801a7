package org.citycoop.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.citycoop.devstack.SeedLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged suite end to end: PostgreSQL, a Kafka broker and the four services as separate
 * processes on free ports, the real seed loaded through the gateway, and every call over real HTTP
 * through the gateway.
 */
class SuiteIT {

    private static final String SURABAYA_SOLID_WASTE = """
            { "cityId": "1625822", "country": "ID", "applicantType": "LOCAL_GOVERNMENT",
              "challenges": [ { "area": "SOLID_WASTE", "priority": 1 }, { "area": "INSTITUTIONS", "priority": 2 } ],
              "supportTypes": ["TECHNICAL", "FINANCIAL"],
              "budget": { "amount": "300000", "currency": "USD" }, "languages": ["en"] }""";

    private static RunningSuite running;
    /** Keys as deploy/local up makes them: the admin's, UNEP-IETC's editor's, and a partner portal's. */
    private static String admin;
    private static String unep;
    private static String portal;

    @BeforeAll
    static void startSuite() throws Exception {
        running = RunningSuite.get();
        admin = "Bearer " + running.credentials.admin();
        unep = "Bearer " + running.credentials.agency("unep-ietc");
        portal = "Bearer " + given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"name\":\"e2e-portal-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"role\":\"PARTNER_PORTAL\"}")
                .post("/v1/clients").then().statusCode(201).extract().path("key");
    }

    @Test
    void surabayaGetsRankedSchemesFromTheSeedWithReasons() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().header("Authorization", portal).contentType(ContentType.JSON).body(SURABAYA_SOLID_WASTE).post("/v1/matches")
                        .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(2)));
        Response response = given().header("Authorization", portal).contentType(ContentType.JSON).body(SURABAYA_SOLID_WASTE).post("/v1/matches");
        List<Float> scores = response.path("items.score");
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), "scores are ranked: " + scores);
        }
        response.then()
                .body("items.eligible", everyItem(equalTo(true)))
                .body("items[0].explanation.criterion", hasItem("budget"))
                .body("items[0].explanation.result", everyItem(in(List.of("MET", "PARTLY_MET"))))
                // JBIC's ODA loans are superseded and for national governments: never offered to Surabaya;
                // nor is any scheme the seed keeps only as history.
                .body("items.find { it.scheme.agencyId == 'jbic' && it.scheme.ref == 'ODA-LOANS' }", nullValue())
                .body("items.scheme.status", not(hasItem("CLOSED")));

        // Asked for, the ineligible ones come with the criterion that failed.
        given().header("Authorization", portal).contentType(ContentType.JSON).body(SURABAYA_SOLID_WASTE).queryParam("includeIneligible", true)
                .queryParam("limit", 100).post("/v1/matches").then().statusCode(200)
                .body("items.find { it.scheme.agencyId == 'jbic' && it.scheme.ref == 'ODA-LOANS' }.eligible", equalTo(false))
                .body("items.find { it.scheme.agencyId == 'jbic' && it.scheme.ref == 'ODA-LOANS' }.explanation.result", hasItem("FAILED"));
    }

    @Test
    void loadingTheSeedAgainChangesNothing() throws Exception {
        Map<String, Integer> before = versionsOf("jica");
        new SeedLoader(running.suite.gatewayUrl(), running.credentials.admin()).load(running.root.resolve("deploy/seed"));
        assertEquals(before, versionsOf("jica"));
        assertFalse(before.isEmpty());
        given().queryParam("city", "1625822").get("/v1/twinnings").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    private static Map<String, Integer> versionsOf(String agency) {
        List<Map<String, Object>> items = given().queryParam("agency", agency).queryParam("limit", 100)
                .get("/v1/schemes").then().statusCode(200).extract().path("items");
        return items.stream().collect(java.util.stream.Collectors.toMap(
                item -> (String) item.get("ref"), item -> (Integer) item.get("version")));
    }

    @Test
    void aSchemePushedByAnAgencyIsMatchedWithinSeconds() {
        String ref = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", unep).contentType(ContentType.JSON).body("""
                { "name": "Composting centres for Indonesian cities",
                  "description": "Technical assistance to plan and run neighbourhood composting centres.",
                  "supportTypes": ["TECHNICAL"], "challengeAreas": ["SOLID_WASTE"], "sectors": ["14050"],
                  "applicantTypes": ["LOCAL_GOVERNMENT"], "channel": "DIRECT",
                  "eligibleCountries": ["ID"],
                  "fundingRange": { "min": { "amount": "50000", "currency": "USD" }, "max": { "amount": "500000", "currency": "USD" } },
                  "processSteps": [ { "title": "Concept note", "actor": "CITY", "typicalDays": 10 } ],
                  "window": { "kind": "ROLLING" },
                  "sourceUrl": "https://example.org/compost", "verifiedOn": "2026-11-29" }""")
                .put("/v1/agencies/unep-ietc/schemes/" + ref)
                .then().statusCode(201).header("ETag", notNullValue())
                // links point at the gateway, never at a service's own address
                .header("Location", org.hamcrest.Matchers.startsWith(running.suite.gatewayUrl() + "/v1/schemes/"));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().header("Authorization", portal).contentType(ContentType.JSON).body(SURABAYA_SOLID_WASTE).post("/v1/matches")
                        .then().statusCode(200)
                        .body("items.find { it.scheme.ref == '" + ref + "' }.explanation.find { it.criterion == 'budget' }.result",
                                equalTo("MET")));
    }

    @Test
    void aTwinningMovesThroughItsLifecycle() {
        String id = given().header("Authorization", admin).contentType(ContentType.JSON).body("""
                { "title": "Kitakyushu and Da Nang wastewater exchange",
                  "cities": [ { "cityId": "1859307", "role": "MENTOR" }, { "cityId": "1583992", "role": "PARTNER" } ],
                  "themes": ["WATER_AND_WASTEWATER"], "sectors": ["14022"], "kind": "TECHNICAL_COOPERATION" }""")
                .post("/v1/twinnings").then().statusCode(201).body("status", equalTo("PROPOSED")).extract().path("id");
        for (String to : List.of("AGREED", "ACTIVE", "COMPLETED")) {
            given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"to\":\"" + to + "\"}").post("/v1/twinnings/" + id + "/transitions")
                    .then().statusCode(200).body("status", equalTo(to));
        }
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"to\":\"ACTIVE\"}").post("/v1/twinnings/" + id + "/transitions")
                .then().statusCode(409).contentType("application/problem+json");
        given().get("/v1/cities/1859307").then().statusCode(200).body("name", equalTo("Kitakyushu")).body("country", equalTo("JP"));
    }

    @Test
    void theSeminarsCasesGiveTrackRecordOutcomesAndPartnerSuggestionsThroughTheGateway() {
        // Kitakyushu's composting cooperation with Surabaya (seeded) is track record for Surabaya's solid waste
        given().queryParam("challenge", "SOLID_WASTE").get("/v1/cities/1625822/partner-suggestions").then().statusCode(200)
                .body("items.find { it.city.id == '1859307' }.explanation.find { it.criterion == 'TRACK_RECORD' }.result",
                        equalTo("MET"));
        String surabayaCase = given().queryParam("city", "1625822").get("/v1/twinnings").then().statusCode(200)
                .extract().path("items[0].id");
        given().get("/v1/twinnings/" + surabayaCase + "/outcomes").then().statusCode(200).body("indicators", notNullValue());
        given().queryParam("theme", "SOLID_WASTE").get("/v1/twinnings/outcome-summary").then().statusCode(200);
        // the catalogue's search, facets and export through the gateway, colon and all
        given().urlEncodingEnabled(false).queryParam("challenge", "SOLID_WASTE").get("/v1/schemes:facets")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.greaterThan(0));
        String csv = given().urlEncodingEnabled(false).get("/v1/schemes:export?format=csv&agency=jica")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.lines().count() > 1 && csv.lines().findFirst().orElse("").startsWith("id,"), csv);
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndNothingIsStored() {
        given().header("Authorization", unep).contentType(ContentType.JSON).body("""
                { "name": "Bad", "supportTypes": ["GRANT"], "challengeAreas": ["SOLID_WASTE"],
                  "applicantTypes": ["LOCAL_GOVERNMENT"], "window": { "kind": "ROLLING" } }""")
                .put("/v1/agencies/unep-ietc/schemes/E2E-BAD")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("supportTypes[0]"));
        given().header("Authorization", portal).contentType(ContentType.JSON).body("{ not json").post("/v1/matches")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/v1/agencies/unep-ietc/schemes/E2E-BAD").then().statusCode(404);
        given().get("/v1/nowhere").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theGatewayServesTheMergedOpenApiAndEachServicesHealth() {
        given().get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/v1/schemes", "/v1/matches", "/v1/twinnings"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("services")));
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'services' }.data.catalog", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.matching", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.twinning", equalTo("UP"));
    }
}
