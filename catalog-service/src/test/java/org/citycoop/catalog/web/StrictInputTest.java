package org.citycoop.catalog.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import org.citycoop.catalog.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Lax requests the catalogue used to accept, now refused with a problem naming the header, parameter or field
 * (platform StrictRequests, StrictJson, QueryParams), and changing nothing.
 */
@QuarkusTest
class StrictInputTest {

    /** RestAssured as is: no charset added to Content-Type, bytes sent as given. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI base;

    private static java.net.http.HttpResponse<String> send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String field) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("errors.field", hasItem(field)).body("detail", not(containsString("ALLOW_")));
    }

    private static void nothingStored(String agency, String ref) {
        given().get("/v1/agencies/" + agency + "/schemes/" + ref).then().statusCode(404);
    }

    @Test
    void aMethodAPathDoesNotTakeIsA405NamingTheMethodsItTakes() {
        String agency = Fixtures.createAgency("allow");
        given().patch("/v1/agencies/" + agency).then().statusCode(405).contentType("application/problem+json")
                .header("Allow", "GET, PUT").body("status", equalTo(405));
        given().delete("/v1/schemes").then().statusCode(405).header("Allow", "GET");
        given().contentType("application/json").body("{}").put("/v1/schemes/" + java.util.UUID.randomUUID()).then().statusCode(405)
                .header("Allow", "GET");
    }

    @Test
    void aBodyIsPlainUtf8JsonOfADeclaredMediaType() {
        String agency = Fixtures.createAgency("strict-ct");
        byte[] body = Fixtures.scheme().toString().getBytes(StandardCharsets.UTF_8);
        String path = "/v1/agencies/" + agency + "/schemes/S-1";
        refused(given().config(RAW).contentType("application/json").header("Content-Encoding", "gzip").body(body).put(path).then(),
                415, "Content-Encoding");
        refused(given().config(RAW).body(body).put(path).then(), 415, "Content-Type");
        java.net.http.HttpResponse<String> withoutType = send(java.net.http.HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .header("Authorization", "Bearer " + org.citycoop.devstack.TestTokens.admin())
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build());
        org.junit.jupiter.api.Assertions.assertEquals(415, withoutType.statusCode(), withoutType.body());
        org.junit.jupiter.api.Assertions.assertTrue(withoutType.body().contains("\"field\":\"Content-Type\""), withoutType.body());
        refused(given().config(RAW).contentType("text/plain").body(body).put(path).then(), 415, "Content-Type");
        refused(given().config(RAW).contentType("application/json; charset=utf-16").body(body).put(path).then(), 415, "Content-Type");
        refused(given().config(RAW).contentType("application/json; charset=x-unknown").body(body).put(path).then(), 415, "Content-Type");
        nothingStored(agency, "S-1");
        given().config(RAW).contentType("application/json; charset=UTF-8").body(body).put(path).then().statusCode(201);
        given().config(RAW).contentType("application/json").body(Fixtures.scheme().toString().getBytes(StandardCharsets.UTF_8))
                .put("/v1/agencies/" + agency + "/schemes/S-2").then().statusCode(201);
    }

    @Test
    void emptyPreconditionAndIdempotencyHeadersAreRefused() {
        String agency = Fixtures.createAgency("strict-hdr");
        Fixtures.putScheme(agency, "H-1", Fixtures.scheme()).statusCode(201);
        refused(given().contentType("application/json").header("If-Match", "").body(Fixtures.scheme().put("name", "Changed").toString())
                .put("/v1/agencies/" + agency + "/schemes/H-1").then(), 400, "If-Match");
        refused(given().header("If-Match", " ").delete("/v1/agencies/" + agency + "/schemes/H-1").then(), 400, "If-Match");
        refused(given().contentType("application/json").header("Idempotency-Key", "").body(Fixtures.scheme().toString())
                .put("/v1/agencies/" + agency + "/schemes/H-2").then(), 400, "Idempotency-Key");
        given().get("/v1/agencies/" + agency + "/schemes/H-1").then().statusCode(200).body("version", equalTo(1))
                .body("status", not(equalTo("WITHDRAWN")));
        nothingStored(agency, "H-2");
    }

    @Test
    void enumValuesAreNotTrimmedAndTheProblemListsTheAllowedOnes() {
        String agency = Fixtures.createAgency("strict-enum");
        for (String lax : new String[] {" TECHNICAL", "TECHNICAL ", "TECHNICAL\u0000"}) {
            refused(Fixtures.putScheme(agency, "E-1", Fixtures.scheme().set("supportTypes",
                    Fixtures.JSON.createArrayNode().add(lax))), 400, "supportTypes[0]")
                    .body("detail", containsString("allowed: FINANCIAL, LOAN, TECHNICAL"));
        }
        nothingStored(agency, "E-1");
    }

    @Test
    void datesHaveFourDigitYearsAndNoTime() {
        String agency = Fixtures.createAgency("strict-date");
        for (String date : new String[] {"+12026-11-29", "2026-11-29T00:00:00Z"}) {
            refused(Fixtures.putScheme(agency, "D-1", Fixtures.scheme().put("verifiedOn", date)), 400, "verifiedOn");
        }
        refused(Fixtures.putScheme(agency, "D-1", Fixtures.scheme().set("window", Fixtures.parse(
                "{\"kind\":\"FIXED\",\"deadline\":\"+12027-03-31T23:59:00+09:00\"}"))), 400, "window.deadline");
        refused(given().queryParam("deadlineAfter", "+12027-03-31T23:59:00+09:00").get("/v1/schemes").then(), 400, "deadlineAfter");
        nothingStored(agency, "D-1");
    }

    @Test
    void jsonProblemsNameTheMemberInPlainWords() {
        String agency = Fixtures.createAgency("strict-json");
        String path = "/v1/agencies/" + agency + "/schemes/J-1";
        String scheme = Fixtures.scheme().toString();
        refused(given().contentType("application/json").body(scheme.replaceFirst("\\{", "{\"name\": \"first\", "))
                .put(path).then(), 400, "name").body("detail", containsString("duplicate member"));
        refused(given().contentType("application/json").body(scheme.replaceFirst("\\{",
                "{\"processSteps\": [{\"title\": \"a\", \"actor\": \"CITY\", \"typicalDays\": NaN}], "))
                .put(path).then(), 400, "processSteps[0].typicalDays");
        refused(given().contentType("application/json").body(scheme.replaceFirst("\\{",
                "{\"processSteps\": [{\"title\": \"a\", \"actor\": \"CITY\", \"typicalDays\": 0x10}], "))
                .put(path).then(), 400, "processSteps[0].typicalDays");
        refused(given().contentType("application/json").body(scheme.replaceFirst("\\{",
                "{\"processSteps\": [{\"title\": \"a\", \"actor\": \"CITY\", \"typicalDays\": 18446744073709551616}], "))
                .put(path).then(), 400, "processSteps[0].typicalDays");
        refused(given().contentType("application/json").body(scheme.replaceFirst("\\{", "{\"name\": \"bad \\\\ud800 text\", "))
                .put(path).then(), 400, "name").body("detail", containsString("unpaired surrogate"));
        nothingStored(agency, "J-1");
    }

    @Test
    void queryAndPathValuesAreAsciiNumbersAndWellFormedText() {
        refused(given().urlEncodingEnabled(false).get("/v1/schemes?limit=%EF%BC%91%EF%BC%90").then(), 400, "limit"); // fullwidth １０
        refused(given().urlEncodingEnabled(false).get("/v1/schemes?q=a%00b").then(), 400, "q");
        refused(given().urlEncodingEnabled(false).get("/v1/schemes?q=%ED%A0%80").then(), 400, "q"); // an encoded lone surrogate
        refused(given().urlEncodingEnabled(false).get("/v1/schemes?q=%FF").then(), 400, "q");
        refused(given().urlEncodingEnabled(false).get("/v1/schemes?amountMin=%EF%BC%95&currency=USD").then(), 400, "amountMin");
        refused(given().urlEncodingEnabled(false).get("/v1/agencies/a%00b").then(), 400, "agencyId");
        refused(given().get("/v1/schemes?challange=AIR_QUALITY").then(), 400, "challange"); // misspelt: not silently ignored
        refused(given().get("/v1/schemes?limit=5&limit=50").then(), 400, "limit");
        refused(given().get("/v1/agencies?q=x").then(), 400, "q");
        given().get("/v1/schemes?challenge=AIR_QUALITY&challenge=SOLID_WASTE&limit=5").then().statusCode(200);
        for (String languages : new String[] {"ja;q=2", "en-", "日本語", "ja;q=0.5;x", "ja en", "en" + "-en".repeat(1500)}) {
            refused(given().header("Accept-Language", languages).get("/v1/schemes").then(), 400, "Accept-Language");
        }
        for (String languages : new String[] {"ja, en;q=0.8", "*", "ja-JP,ja;q=0.9,,en;q=0.1", "EN ; q=1.0"}) {
            given().header("Accept-Language", languages).get("/v1/schemes").then().statusCode(200);
        }
        given().get("/v1/schemes?limit=10").then().statusCode(200);
    }
}
