package org.citycoop.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.citycoop.devstack.Credentials;
import org.citycoop.devstack.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged suite against the OWASP API Security Top 10 (2023), through the gateway (and, where
 * the point is that the gateway cannot be bypassed, straight at a service). Each test is named after
 * the item it checks. Not covered here: API6 (sensitive business flows: none yet), API7's webhook URLs
 * (the subscriptions of matching-service, issue 4), API10 (the suite consumes no third-party API).
 */
class SecurityIT {

    private static RunningSuite running;
    private static String admin;
    private static String unep;
    private static String jica;

    private static final String SCHEME = """
            { "name": "Composting centres", "description": "Technical assistance for composting.",
              "supportTypes": ["TECHNICAL"], "challengeAreas": ["SOLID_WASTE"], "sectors": ["14050"],
              "applicantTypes": ["LOCAL_GOVERNMENT"], "channel": "DIRECT", "eligibleCountries": ["ID"],
              "window": { "kind": "ROLLING" }, "sourceUrl": "https://example.org/compost", "verifiedOn": "2026-11-29" }""";

    @BeforeAll
    static void startSuite() throws Exception {
        running = RunningSuite.get();
        admin = "Bearer " + running.credentials.admin();
        unep = "Bearer " + running.credentials.agency("unep-ietc");
        jica = "Bearer " + running.credentials.agency("jica");
    }

    private static Response newClient(String role, String bindings) {
        return given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"name\":\"sec-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"role\":\"" + role + "\"" + bindings + "}")
                .post("/v1/clients");
    }

    @Test
    void deployLocalUpCredentialsAreOwnerOnlyAndStableAcrossRuns() throws Exception {
        Path file = running.suite.stateDirectory().resolve(Credentials.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(running.suite.stateDirectory().resolve("keys"))));
        String text = Files.readString(file);
        assertTrue(text.contains("ADMIN_API_KEY=cck_") && text.contains("AGENCY_KEY_UNEP_IETC=cck_") && text.contains("AGENCY_KEY_JICA=cck_"), text);
        Credentials again = running.suite.credentials(running.root.resolve("deploy/seed"));
        assertEquals(running.credentials.all(), again.all(), "a rerun keeps the keys that work");
        given().header("Authorization", unep).get("/v1/clients/me").then().statusCode(200)
                .body("role", equalTo("AGENCY_EDITOR")).body("agencyId", equalTo("unep-ietc")).body("name", equalTo("agency-unep-ietc"));
    }

    @Test
    void API1_BrokenObjectLevelAuthorization_anAgencyCannotChangeAnotherAgencysSchemes() {
        String ref = "SEC-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", jica).contentType(ContentType.JSON).body(SCHEME).put("/v1/agencies/jica/schemes/" + ref)
                .then().statusCode(201);
        given().header("Authorization", unep).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(SCHEME.replace("Composting centres\"", "Hijacked\"")).put("/v1/agencies/jica/schemes/" + ref)
                .then().statusCode(403).contentType("application/problem+json").body("errors[0].field", equalTo("agencyId"));
        given().header("Authorization", unep).header("If-Match", "\"1\"").delete("/v1/agencies/jica/schemes/" + ref)
                .then().statusCode(403);
        given().header("Authorization", unep).contentType(ContentType.JSON).body(SCHEME).put("/v1/agencies/jica/schemes/" + ref + "-NEW")
                .then().statusCode(403);
        given().get("/v1/agencies/jica/schemes/" + ref).then().statusCode(200).body("name", equalTo("Composting centres"))
                .body("version", equalTo(1));
        given().get("/v1/agencies/jica/schemes/" + ref + "-NEW").then().statusCode(404);
    }

    @Test
    void API1_BrokenObjectLevelAuthorization_aCityCannotMoveAnotherCitysArrangement() {
        String kitakyushu = "Bearer " + newClient("CITY_EDITOR", ",\"cityIds\":[\"1859307\"]").then().statusCode(201).extract().path("key");
        String surabaya = "Bearer " + newClient("CITY_EDITOR", ",\"cityIds\":[\"1625822\"]").then().statusCode(201).extract().path("key");
        String id = given().header("Authorization", kitakyushu).contentType(ContentType.JSON).body("""
                { "title": "Kitakyushu and Da Nang, security test",
                  "cities": [ { "cityId": "1859307", "role": "MENTOR" }, { "cityId": "1583992", "role": "PARTNER" } ],
                  "themes": ["WATER_AND_WASTEWATER"], "kind": "TECHNICAL_COOPERATION" }""")
                .post("/v1/twinnings").then().statusCode(201).extract().path("id");
        given().header("Authorization", surabaya).contentType(ContentType.JSON).body("{\"to\":\"TERMINATED\"}")
                .post("/v1/twinnings/" + id + "/transitions").then().statusCode(403).contentType("application/problem+json");
        given().get("/v1/twinnings/" + id).then().statusCode(200).body("status", equalTo("PROPOSED"));
    }

    @Test
    void API1_BrokenObjectLevelAuthorization_aCityCannotReadAnotherCitysSavedNeeds() {
        String surabaya = "Bearer " + newClient("CITY_EDITOR", ",\"cityIds\":[\"1625822\"]").then().statusCode(201).extract().path("key");
        String danang = "Bearer " + newClient("CITY_EDITOR", ",\"cityIds\":[\"1583992\"]").then().statusCode(201).extract().path("key");
        String portal = "Bearer " + newClient("PARTNER_PORTAL", "").then().statusCode(201).extract().path("key");
        String id = given().header("Authorization", surabaya).contentType(ContentType.JSON).body("""
                { "name": "Surabaya waste, security test", "cityId": "1625822", "country": "ID", "applicantType": "LOCAL_GOVERNMENT",
                  "challenges": [ { "area": "SOLID_WASTE", "priority": 1 } ] }""")
                .post("/v1/needs").then().statusCode(201).extract().path("id");
        for (String other : new String[] {danang, portal}) {
            given().header("Authorization", other).get("/v1/needs/" + id).then().statusCode(404).contentType("application/problem+json");
            given().header("Authorization", other).get("/v1/needs/" + id + "/matches").then().statusCode(404);
            given().header("Authorization", other).get("/v1/needs?city=1625822").then().statusCode(200).body("items.size()", equalTo(0));
        }
        given().get("/v1/needs/" + id).then().statusCode(401); // the anonymous public has no saved needs at all: send a key
        given().header("Authorization", surabaya).get("/v1/needs/" + id).then().statusCode(200);
    }

    @Test
    void API2_BrokenAuthentication_missingWrongRevokedAndForgedCredentialsAreRefused() {
        // without a key: the public, who may read but not write, nor manage clients (401: send a key)
        given().contentType(ContentType.JSON).body(SCHEME).put("/v1/agencies/unep-ietc/schemes/SEC-ANON").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/v1/clients").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        // a wrong key, or a token where a key belongs
        given().header("Authorization", "Bearer cck_" + "A".repeat(43)).get("/v1/schemes").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.forgedAdmin()).get("/v1/schemes").then().statusCode(401);
        // a rotated, then a revoked key
        Response created = newClient("PARTNER_PORTAL", "");
        String id = created.path("id");
        String first = "Bearer " + created.path("key");
        String second = "Bearer " + given().header("Authorization", admin).post("/v1/clients/" + id + "/key").then().statusCode(200)
                .extract().path("key");
        given().header("Authorization", first).get("/v1/schemes").then().statusCode(401);
        given().header("Authorization", second).get("/v1/schemes").then().statusCode(200);
        given().header("Authorization", admin).delete("/v1/clients/" + id).then().statusCode(200);
        given().header("Authorization", second).get("/v1/schemes").then().statusCode(401);
    }

    @Test
    void API2_BrokenAuthentication_aServiceReachedDirectlyRefusesRequestsWithoutTheGatewaysToken() {
        String catalog = running.suite.serviceUrl("catalog-service").toString();
        given().baseUri(catalog).get("/v1/schemes").then().statusCode(401).contentType("application/problem+json");
        given().baseUri(catalog).header("Authorization", "Bearer " + TestTokens.forgedAdmin()).contentType(ContentType.JSON).body(SCHEME)
                .put("/v1/agencies/unep-ietc/schemes/SEC-FORGED").then().statusCode(401);
        given().baseUri(catalog).header("Authorization", "Bearer " + TestTokens.expiredAdmin()).get("/v1/schemes").then().statusCode(401);
        given().baseUri(catalog).header("Authorization", unep).get("/v1/schemes").then().statusCode(401); // a key is not a token
        given().baseUri(running.suite.serviceUrl("twinning-service").toString()).get("/v1/cities/1859307").then().statusCode(401);
        given().baseUri(running.suite.serviceUrl("matching-service").toString()).contentType(ContentType.JSON).body("{}")
                .post("/v1/matches").then().statusCode(401);
        given().get("/v1/agencies/unep-ietc/schemes/SEC-FORGED").then().statusCode(404);
    }

    @Test
    void API3_BrokenObjectPropertyLevelAuthorization_fieldsTheServerSetsAreRefusedAndKeysNeverShown() {
        for (String field : new String[] {"\"agencyId\": \"jica\"", "\"status\": \"OPEN\"", "\"version\": 9", "\"id\": \"x\""}) {
            given().header("Authorization", unep).contentType(ContentType.JSON).body(SCHEME.replaceFirst("\\{", "{ " + field + ","))
                    .put("/v1/agencies/unep-ietc/schemes/SEC-MASS").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(field.substring(1, field.indexOf('"', 1))));
        }
        given().get("/v1/agencies/unep-ietc/schemes/SEC-MASS").then().statusCode(404);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"name\":\"sec-mass\",\"role\":\"PARTNER_PORTAL\",\"keyPrefix\":\"cck_mine\"}").post("/v1/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("keyPrefix"));
        String id = newClient("PARTNER_PORTAL", "").path("id");
        given().header("Authorization", admin).get("/v1/clients/" + id).then().statusCode(200)
                .body("key", nullValue()).body("keyHash", nullValue()).body("keyPrefix", notNullValue());
    }

    @Test
    void API4_UnrestrictedResourceConsumption_hugeBodiesPagesAndFloodsAreRefused() {
        given().header("Authorization", unep).contentType(ContentType.JSON)
                .body("{\"description\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").put("/v1/agencies/unep-ietc/schemes/SEC-BIG")
                .then().statusCode(413).contentType("application/problem+json");
        for (String list : new String[] {"/v1/schemes", "/v1/agencies", "/v1/cities", "/v1/twinnings", "/v1/changes"}) {
            given().queryParam("limit", 1000).get(list).then().statusCode(anyOf(equalTo(400), equalTo(422)))
                    .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        }
        // a flood from one key, bounded (three times its quota at most, all to loopback): the bucket refills
        // while the flood runs, so the flood goes on until the first 429
        String flooder = "Bearer " + newClient("PARTNER_PORTAL", "").path("key");
        int limit = Integer.parseInt(given().header("Authorization", flooder).get("/v1/clients").then().statusCode(403)
                .extract().header("RateLimit-Policy").replaceAll(".*;q=(\\d+);.*", "$1"));
        Response last = null;
        for (int i = 0; i < 3 * limit && (last == null || last.statusCode() != 429); i++) {
            last = given().header("Authorization", flooder).get("/v1/clients");
        }
        last.then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue())
                .header("RateLimit", containsString(";r=0;"));
        given().header("Authorization", admin).get("/v1/clients?limit=1").then().statusCode(200); // other keys unaffected
    }

    @Test
    void API5_BrokenFunctionLevelAuthorization_onlyTheAdminManagesKeysAndAgencies() {
        given().header("Authorization", unep).contentType(ContentType.JSON).body("{\"name\":\"sec-sneaky\",\"role\":\"SECRETARIAT_ADMIN\"}")
                .post("/v1/clients").then().statusCode(403).contentType("application/problem+json");
        String id = newClient("PARTNER_PORTAL", "").path("id");
        given().header("Authorization", unep).delete("/v1/clients/" + id).then().statusCode(403);
        given().header("Authorization", unep).post("/v1/clients/" + id + "/key").then().statusCode(403);
        given().header("Authorization", unep).contentType(ContentType.JSON)
                .body("{\"name\":\"Sneaky\",\"organisationType\":\"40\",\"country\":\"JP\"}").put("/v1/agencies/sec-sneaky")
                .then().statusCode(403);
        given().get("/v1/agencies/sec-sneaky").then().statusCode(404);
    }

    @Test
    void API7_ServerSideRequestForgery_theGatewayCallsOnlyItsConfiguredServices() {
        // a Host or X-Forwarded-Host does not steer where the gateway connects; an unknown path goes nowhere
        given().header("Host", "169.254.169.254").get("/v1/schemes?limit=1").then().statusCode(200);
        given().header("X-Forwarded-Host", "169.254.169.254").get("/latest/meta-data/").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void API8_SecurityMisconfiguration_noStackTracesNoDevEndpointsCorsAllowListOnly() {
        String body = given().header("Authorization", unep).contentType(ContentType.JSON).body("{\"name\": [1, {").put("/v1/agencies/unep-ietc/schemes/SEC-X")
                .then().statusCode(400).contentType("application/problem+json").extract().asString();
        assertTrue(!body.contains("Exception") && !body.contains("at org.") && !body.contains("at java."), body);
        given().get("/q/dev").then().statusCode(404).contentType("application/problem+json");
        given().get("/q/dev-ui").then().statusCode(404);
        given().baseUri(running.suite.serviceUrl("catalog-service").toString()).get("/q/dev-ui").then().statusCode(404);
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "DELETE")
                .options("/v1/schemes").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void API9_ImproperInventoryManagement_onlyTheCurrentVersionIsServedAndEveryErrorIsAProblem() {
        given().get("/v0/schemes").then().statusCode(404).contentType("application/problem+json");
        given().get("/v2/schemes").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{}").put("/v1/clients").then().statusCode(405)
                .header("Allow", notNullValue()).contentType("application/problem+json");
    }

    @Test
    void requestIdAndTraceparentReachTheServicesLogLines() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String requestId = "sec-" + UUID.randomUUID();
        given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").header("X-Request-Id", requestId)
                .header("Authorization", unep).contentType(ContentType.JSON).body("{ not json")
                .put("/v1/agencies/unep-ietc/schemes/SEC-LOG").then().statusCode(400).header("X-Request-Id", requestId);
        given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").header("X-Request-Id", requestId)
                .get("/v1/nowhere").then().statusCode(404).body("requestId", equalTo(requestId));
        Path log = running.suite.logFile("catalog-service");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertTrue(Files.readAllLines(log).stream().anyMatch(line -> line.contains(requestId) && line.contains(traceId)),
                    "a catalog log line carries both ids");
        });
        assertNotNull(log);
    }
}
