package org.citycoop.matching.match;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.citycoop.devstack.OpenApiCheck;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Bad input to POST /v1/matches gets an RFC 9457 problem naming the field, never a 500. */
@QuarkusTest
class MatchRequestProblemsTest {

    private static final String VALID = """
            { "cityId": "1625822", "country": "ID", "applicantType": "LOCAL_GOVERNMENT",
              "challenges": [ { "area": "SOLID_WASTE", "priority": 1 }, { "area": "INSTITUTIONS", "priority": 2 } ],
              "supportTypes": ["TECHNICAL", "FINANCIAL"],
              "budget": { "amount": "300000", "currency": "USD" }, "languages": ["en"] }""";

    @Test
    void theValidExampleIsAccepted() {
        given().contentType(ContentType.JSON).body(VALID).post("/v1/matches")
                .then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void unknownEnumValuesAreRefusedNamingTheFieldAndTheAllowedValues() {
        assertProblem(VALID.replace("\"LOCAL_GOVERNMENT\"", "\"CITY\""), 400, "applicantType", "allowed: LOCAL_GOVERNMENT");
        assertProblem(VALID.replace("\"SOLID_WASTE\"", "\"NOISE\""), 400, "challenges[0].area", "unknown value 'NOISE'");
        assertProblem(VALID.replace("\"FINANCIAL\"]", "\"GRANT\"]"), 400, "supportTypes[1]", "unknown value 'GRANT'");
    }

    @Test
    void priorityMustBeFromOneToFive() {
        assertProblem(VALID.replace("\"priority\": 2", "\"priority\": 6"), 422, "challenges[1].priority", "less than or equal to 5");
        assertProblem(VALID.replace("\"priority\": 1", "\"priority\": 0"), 422, "challenges[0].priority", "greater than or equal to 1");
        assertProblem(VALID.replace(", \"priority\": 1", ""), 422, "challenges[0].priority", "must not be null");
    }

    @Test
    void moneyMustBeADecimalStringAndAnIsoCurrency() {
        assertProblem(VALID.replace("\"300000\"", "\"3e5\""), 422, "budget.amount", "decimal string");
        assertProblem(VALID.replace("\"300000\"", "\"-5\""), 422, "budget.amount", "decimal string");
        assertProblem(VALID.replace("\"USD\"", "\"usd\""), 422, "budget.currency", "ISO 4217");
        assertProblem(VALID.replace("\"USD\"", "\"ABC\""), 422, "budget.currency", "not an active ISO 4217 currency code");
        assertProblem(VALID.replace("\"USD\"", "\"XXX\""), 422, "budget.currency", "not an active ISO 4217 currency code"); // ISO 4217's "no currency"
        assertProblem(VALID.replace("{ \"amount\": \"300000\", \"currency\": \"USD\" }", "\"300000 USD\""), 400, "budget", "expected");
    }

    @Test
    void countryMustBeAnIsoAlpha2Code() {
        assertProblem(VALID.replace("\"ID\"", "\"Indonesia\""), 422, "country", "two upper-case letters");
        assertProblem(VALID.replace("\"ID\"", "\"id\""), 422, "country", "two upper-case letters");
        assertProblem(VALID.replace("\"ID\"", "\"ZZ\""), 422, "country", "not an ISO 3166-1 alpha-2 country code");
        assertProblem(VALID.replace("\"country\": \"ID\", ", ""), 422, "country", "must not be null");
    }

    @Test
    void sectorsMustBeActiveDacPurposeCodes() {
        String withSectors = VALID.replace("\"languages\": [\"en\"]", "\"languages\": [\"en\"], \"sectors\": [\"14050\", \"%s\"]");
        given().contentType(ContentType.JSON).body(withSectors.formatted("14022")).post("/v1/matches").then().statusCode(200);
        assertProblem(withSectors.formatted("1405"), 422, "sectors[1]", "DAC 5-digit purpose code");
        assertProblem(withSectors.formatted("99999"), 422, "sectors[1]", "unknown DAC 5-digit purpose code '99999'");
        assertProblem(withSectors.formatted("11321"), 422, "sectors[1]", "was withdrawn from the IATI Sector codelist");
    }

    @Test
    void challengesAreRequiredNonEmptyAndUnique() {
        assertProblem(VALID.replace("\"challenges\": [ { \"area\": \"SOLID_WASTE\", \"priority\": 1 }, { \"area\": \"INSTITUTIONS\", \"priority\": 2 } ],", ""),
                422, "challenges", "must not be empty");
        assertProblem(VALID.replace("[ { \"area\": \"SOLID_WASTE\", \"priority\": 1 }, { \"area\": \"INSTITUTIONS\", \"priority\": 2 } ]", "[]"),
                422, "challenges", "must not be empty");
        assertProblem(VALID.replace("\"INSTITUTIONS\"", "\"SOLID_WASTE\""), 422, "challenges[1].area", "listed twice");
        assertProblem(VALID.replace("{ \"area\": \"INSTITUTIONS\", \"priority\": 2 }", "null"), 422, "challenges[1]", "must not be null");
    }

    @Test
    void otherFieldsAndTheBodyItself() {
        assertProblem(VALID.replace("\"cityId\": \"1625822\"", "\"cityId\": \"Surabaya\""), 422, "cityId", "GeoNames id");
        assertProblem(VALID.replace("[\"en\"]", "[\"english language\"]"), 422, "languages[0]", "language tag");
        assertProblem(VALID.replace("[\"en\"]", "[\"en" + "-en".repeat(1500) + "\"]"), 422, "languages[0]", "language tag"); // no regex recursion
        assertProblem(VALID.replace("\"cityId\"", "\"city\""), 400, "city", "unknown field 'city'");
        assertProblem("{ \"country\": ", 400, "body", "not valid JSON");
        assertProblem("", 422, "body", "must not be null");
    }

    @Test
    void queryParametersAndAcceptLanguageAreChecked() {
        given().contentType(ContentType.JSON).body(VALID).queryParam("limit", "0").post("/v1/matches")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().contentType(ContentType.JSON).body(VALID).queryParam("limit", "many").post("/v1/matches")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().contentType(ContentType.JSON).body(VALID).queryParam("limit", "101").post("/v1/matches")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().contentType(ContentType.JSON).body(VALID).queryParam("includeIneligible", "yes").post("/v1/matches")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("includeIneligible"));
        given().contentType(ContentType.JSON).body(VALID.replace(", \"languages\": [\"en\"]", "")).header("Accept-Language", "en;q=2")
                .post("/v1/matches")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("Accept-Language"));
        given().contentType(ContentType.JSON).body(VALID).header("Accept-Language", "en" + "-en".repeat(1500)).post("/v1/matches")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("Accept-Language"));
        given().contentType(ContentType.TEXT).body(VALID).post("/v1/matches")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void theOperationIsDescribedInTheOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/matches'.post.description", containsString("typicalDays"))
                .body("paths.'/v1/matches'.post.description", containsString("no exchange rates"))
                .body("components.schemas.NeedsProfile.required", hasItem("challenges"));
    }

    /** Valid, one ApiKey scheme, problem responses, integer limits (the rules of the gateway's merged document). */
    @Test
    void theOpenApiDocumentKeepsTheSuiteConventions() {
        JsonNode document = OpenApiCheck.check(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        assertFalse(OpenApiCheck.isPublic(document.at("/paths/~1v1~1matches/post")), "matching needs a key");
    }

    private static void assertProblem(String body, int status, String field, String detail) {
        given().contentType(ContentType.JSON).body(body).post("/v1/matches")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field))
                .body("errors.detail", hasItem(containsString(detail)));
    }
}
