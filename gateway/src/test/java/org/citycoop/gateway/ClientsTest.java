package org.citycoop.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /v1/clients}, and what a client's key turns into at the services. */
@QuarkusTest
@QuarkusTestResource(OriginServer.class)
class ClientsTest {

    private static final String ADMIN = "Bearer " + OriginServer.ADMIN_KEY;

    private static Response create(String body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post("/v1/clients");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theAdminCreatesAnAgencyEditorWhoseKeyIsShownOnceAndBecomesATokenWithItsBinding() {
        String name = unique("unep-ietc-editor");
        Response created = create("{\"name\":\"" + name + "\",\"role\":\"AGENCY_EDITOR\",\"agencyId\":\"unep-ietc\"}");
        created.then().statusCode(201)
                .header("Location", startsWith("/v1/clients/"))
                .header("Cache-Control", "no-store")
                .body("key", matchesPattern("cck_[A-Za-z0-9_-]{43}"))
                .body("role", equalTo("AGENCY_EDITOR")).body("agencyId", equalTo("unep-ietc"));
        String key = created.path("key");
        String id = created.path("id");
        assertEquals(key.substring(0, 12), created.path("keyPrefix"));

        // shown once: reading the client never gives the key again
        given().header("Authorization", ADMIN).get("/v1/clients/" + id).then().statusCode(200)
                .body("name", equalTo(name)).body("key", nullValue()).body("keyPrefix", equalTo(key.substring(0, 12)));
        given().header("Authorization", ADMIN).queryParam("limit", 100).get("/v1/clients").then().statusCode(200)
                .body("items.name", hasItem(name)).body("items.key", not(hasItem(notNullValue())));
        given().header("Authorization", "Bearer " + key).get("/v1/clients/me").then().statusCode(200)
                .body("name", equalTo(name)).body("key", nullValue());

        Response echoed = given().header("Authorization", "Bearer " + key).get("/v1/schemes");
        echoed.then().statusCode(200).header("RateLimit-Policy", startsWith("\"client\";q="));
        JsonObject claims = GatewayTest.forwardedClaims(echoed);
        assertEquals(name, claims.getString("sub"));
        assertEquals(List.of("AGENCY_EDITOR"), claims.getJsonArray("groups").getList());
        assertEquals(List.of("unep-ietc"), claims.getJsonObject("bindings").getJsonArray("agency").getList());
        assertEquals("citycoop", claims.getString("aud"));
    }

    @Test
    void aClientMayBeCreatedOverHttp2ToAsTheJdkClientDoes() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/v1/clients"))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .timeout(java.time.Duration.ofSeconds(20))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"" + unique("h2c") + "\",\"role\":\"PARTNER_PORTAL\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        // and the proxied path, with a body, likewise
        java.net.http.HttpResponse<String> proxied = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/v1/agencies/a/schemes/H2"))
                .header("Content-Type", "application/json").timeout(java.time.Duration.ofSeconds(20))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"h2\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, proxied.statusCode(), proxied.body());
        org.junit.jupiter.api.Assertions.assertTrue(proxied.body().contains("{\\\"name\\\":\\\"h2\\\"}"), proxied.body());
    }

    @Test
    void aNewKeysFirstRequestsArrivingTogetherAreAllAnswered() throws Exception {
        // the requests that wait on the first one's key lookup go on in their own request scope (was a 500 now and then)
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int round = 0; round < 5; round++) {
            String key = create("{\"name\":\"" + unique("together") + "\",\"role\":\"PARTNER_PORTAL\"}").path("key");
            List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/v1/clients/me"))
                        .header("Authorization", "Bearer " + key).timeout(java.time.Duration.ofSeconds(20)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()));
            }
            for (var answer : answers) {
                assertEquals(200, answer.get().statusCode(), answer.get().body());
            }
        }
    }

    @Test
    void aBodyOfUnknownLengthIsRefusedBeforeItIsRead() throws Exception {
        byte[] body = ("{\"name\":\"" + unique("chunked") + "\",\"role\":\"PARTNER_PORTAL\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/v1/clients"))
                        .header("Authorization", ADMIN).header("Content-Type", "application/json")
                        .timeout(java.time.Duration.ofSeconds(20))
                        // a stream of unknown length goes in chunks
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(411, response.statusCode(), response.body());
        org.junit.jupiter.api.Assertions.assertTrue(response.body().contains("Content-Length"), response.body());
    }

    @Test
    void theConfiguredBootstrapAdminIsNeitherReKeyedNorRevokedThroughTheApi() {
        // its key comes from the gateway's configuration at every start, which would undo either silently
        String id = given().header("Authorization", ADMIN).get("/v1/clients/me").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("secretariat-admin")).extract().path("id");
        given().header("Authorization", ADMIN).post("/v1/clients/" + id + "/key").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("CITYCOOP_GATEWAY_ADMIN_KEY"));
        given().header("Authorization", ADMIN).delete("/v1/clients/" + id).then().statusCode(409);
        given().header("Authorization", ADMIN).get("/v1/clients/me").then().statusCode(200)
                .body("revokedAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aCityEditorIsBoundToItsCities() {
        Response created = create("{\"name\":\"" + unique("kitakyushu") + "\",\"role\":\"CITY_EDITOR\",\"cityIds\":[\"1859307\",\"1583992\"]}");
        created.then().statusCode(201).body("cityIds", equalTo(List.of("1859307", "1583992")));
        JsonObject claims = GatewayTest.forwardedClaims(given().header("Authorization", "Bearer " + created.path("key")).get("/v1/cities/1859307"));
        assertEquals(List.of("1859307", "1583992"), claims.getJsonObject("bindings").getJsonArray("city").getList());
    }

    @Test
    void rotatingAKeyStopsTheOldOneAndRevokingStopsTheClient() {
        Response created = create("{\"name\":\"" + unique("portal") + "\",\"role\":\"PARTNER_PORTAL\"}");
        String id = created.path("id");
        String oldKey = created.path("key");
        given().header("Authorization", "Bearer " + oldKey).get("/v1/schemes").then().statusCode(200);

        String newKey = given().header("Authorization", ADMIN).post("/v1/clients/" + id + "/key").then().statusCode(200)
                .body("key", matchesPattern("cck_.{43}")).extract().path("key");
        given().header("Authorization", "Bearer " + oldKey).get("/v1/schemes").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + newKey).get("/v1/schemes").then().statusCode(200);

        given().header("Authorization", ADMIN).delete("/v1/clients/" + id).then().statusCode(200).body("revokedAt", notNullValue());
        given().header("Authorization", "Bearer " + newKey).get("/v1/schemes").then().statusCode(401)
                .body("detail", matchesPattern(".*not valid.*"));
        given().header("Authorization", ADMIN).delete("/v1/clients/" + id).then().statusCode(200);
        // a revoked client gets no new key (one would be refused at once): a conflict, and it stays revoked
        given().header("Authorization", ADMIN).post("/v1/clients/" + id + "/key").then().statusCode(409)
                .contentType("application/problem+json").body("detail", matchesPattern(".*revoked.*create a new client.*"))
                .body("key", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", ADMIN).get("/v1/clients/" + id).then().statusCode(200).body("revokedAt", notNullValue());
    }

    @Test
    void onlyTheAdminManagesClients() {
        String portalKey = create("{\"name\":\"" + unique("portal") + "\",\"role\":\"PARTNER_PORTAL\"}").path("key");
        given().header("Authorization", "Bearer " + portalKey).contentType(ContentType.JSON)
                .body("{\"name\":\"sneaky\",\"role\":\"SECRETARIAT_ADMIN\"}").post("/v1/clients")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().header("Authorization", "Bearer " + portalKey).get("/v1/clients").then().statusCode(403);
        given().get("/v1/clients").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"citycoop\"");
        given().header("Authorization", ADMIN).get("/v1/clients?limit=100").then().statusCode(200).body("items.name", not(hasItem("sneaky")));
    }

    @Test
    void fieldsTheGatewaySetsAreRefusedAndBindingsMustFitTheRole() {
        create("{\"name\":\"x1\",\"role\":\"PARTNER_PORTAL\",\"key\":\"cck_mine\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("key"));
        create("{\"name\":\"x2\",\"role\":\"PARTNER_PORTAL\",\"id\":\"" + UUID.randomUUID() + "\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        create("{\"name\":\"x3\",\"role\":\"OWNER\"}").then().statusCode(400).body("errors[0].field", equalTo("role"));
        // role names are exact: no trimming of spaces or control characters into an admin
        for (String padded : List.of(" SECRETARIAT_ADMIN", "SECRETARIAT_ADMIN\\u0000", "secretariat_admin")) {
            create("{\"name\":\"x3b\",\"role\":\"" + padded + "\"}").then().statusCode(400)
                    .body("errors[0].field", equalTo("role")).body("errors[0].detail", containsString("allowed: SECRETARIAT_ADMIN"));
        }
        given().header("Authorization", ADMIN).get("/v1/clients?limit=100").then().body("items.name", not(hasItem("x3b")));
        // an agency editor for an agency the catalogue does not hold
        create("{\"name\":\"x4b\",\"role\":\"AGENCY_EDITOR\",\"agencyId\":\"no-such-agency\"}").then().statusCode(422)
                .body("errors[0].field", equalTo("agencyId")).body("errors[0].detail", containsString("no agency 'no-such-agency'"));
        create("{\"name\":\"x4\",\"role\":\"AGENCY_EDITOR\"}").then().statusCode(422).body("errors[0].field", equalTo("agencyId"));
        create("{\"name\":\"x5\",\"role\":\"PARTNER_PORTAL\",\"agencyId\":\"jica\"}").then().statusCode(422)
                .body("errors[0].field", equalTo("agencyId"));
        create("{\"name\":\"x6\",\"role\":\"CITY_EDITOR\",\"cityIds\":[\"Kitakyushu\"]}").then().statusCode(422)
                .body("errors[0].field", equalTo("cityIds[0]"));
        create("{\"name\":42,\"role\":\"PARTNER_PORTAL\"}").then().statusCode(400).body("errors[0].field", equalTo("name"));
        create("{\"name\":\"x7\",\"role\":\"CITY_EDITOR\",\"cityIds\":[1859307]}").then().statusCode(400)
                .body("errors[0].field", equalTo("cityIds[0]"));
        create("{\"name\":\"Bad Name\",\"role\":\"PARTNER_PORTAL\"}").then().statusCode(422).body("errors[0].field", equalTo("name"));
        create("{ not json").then().statusCode(400).contentType("application/problem+json");
        create("{\"name\":\"x8\",\"role\":\"PARTNER_PORTAL\",\"name\":\"x9\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("name")).body("errors[0].detail", containsString("duplicate member"));
        given().header("Authorization", ADMIN).get("/v1/clients?limit=1000").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aTakenNameIs409AndUnknownClientsAnd405sAreProblems() {
        String name = unique("dup");
        create("{\"name\":\"" + name + "\",\"role\":\"PARTNER_PORTAL\"}").then().statusCode(201);
        create("{\"name\":\"" + name + "\",\"role\":\"PARTNER_PORTAL\"}").then().statusCode(409).body("errors[0].field", equalTo("name"));
        given().header("Authorization", ADMIN).get("/v1/clients/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", ADMIN).get("/v1/clients/not-a-uuid").then().statusCode(404);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{}").put("/v1/clients").then().statusCode(405)
                .header("Allow", "GET, POST").contentType("application/problem+json");
        String id = UUID.randomUUID().toString();
        given().header("Authorization", ADMIN).get("/v1/clients/" + id + "/key").then().statusCode(405).header("Allow", "POST");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{}").put("/v1/clients/" + id).then().statusCode(405)
                .header("Allow", "GET, DELETE");
    }

    @Test
    void theCallersOwnClientNeedsAKey() {
        given().get("/v1/clients/me").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"citycoop\"").body("errors[0].field", equalTo("Authorization"));
        given().header("Authorization", ADMIN).get("/v1/clients/me").then().statusCode(200)
                .body("name", equalTo("secretariat-admin")).header("Cache-Control", "no-store");
    }

    @Test
    void listsArePagedInNameOrder() {
        for (int i = 0; i < 3; i++) {
            create("{\"name\":\"" + unique("page") + "\",\"role\":\"PARTNER_PORTAL\"}").then().statusCode(201);
        }
        Response first = given().header("Authorization", ADMIN).get("/v1/clients?limit=2");
        first.then().statusCode(200).body("items.size()", equalTo(2)).body("next", startsWith("/v1/clients?limit=2&cursor="));
        List<String> firstNames = first.path("items.name");
        List<String> secondNames = given().header("Authorization", ADMIN).urlEncodingEnabled(false).get((String) first.path("next"))
                .then().statusCode(200).extract().path("items.name");
        org.junit.jupiter.api.Assertions.assertTrue(firstNames.get(1).compareTo(secondNames.get(0)) < 0, firstNames + " then " + secondNames);
    }

    @Test
    void aCursorThisListDidNotMakeIsA400NamingIt() {
        // "AAAA" decodes to NUL bytes (PostgreSQL text cannot hold them), "bad" to bytes that are not UTF-8
        for (String cursor : List.of("AAAA", "bad", "!!")) {
            given().header("Authorization", ADMIN).queryParam("cursor", cursor).get("/v1/clients").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        }
    }

    @Test
    void parametersAnOperationDoesNotTakeOrGivenTwiceAreNamed() {
        given().header("Authorization", ADMIN).get("/v1/clients?foo=1").then().statusCode(400).body("errors[0].field", equalTo("foo"));
        given().header("Authorization", ADMIN).get("/v1/clients?limit=1&limit=2").then().statusCode(400)
                .body("errors[0].field", equalTo("limit")).body("errors[0].detail", equalTo("is given 2 times; it takes one value"));
        given().header("Authorization", ADMIN).get("/v1/clients/me?limit=1").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().header("Authorization", ADMIN).get("/v1/clients?limit=1").then().statusCode(200);
    }
}
