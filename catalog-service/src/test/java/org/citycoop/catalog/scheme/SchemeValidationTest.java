package org.citycoop.catalog.scheme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citycoop.catalog.Fixtures;
import org.citycoop.catalog.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.citycoop.catalog.Fixtures.putScheme;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every kind of bad input is a problem naming the field, and changes nothing. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemeValidationTest {

    private String agency;

    /** RestAssured knows the test port only once a test runs, so the agency is made before each test's first use. */
    @BeforeEach
    void createAgency() {
        if (agency == null) {
            agency = Fixtures.createAgency("validation");
        }
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                bad("unknown enum value", 400, "supportTypes[0]", s -> s.putArray("supportTypes").add("GRANT")),
                bad("unknown field", 400, "colour", s -> s.put("colour", "blue")),
                bad("number for a text", 400, "name", s -> s.put("name", 42)),
                bad("text for a number", 400, "processSteps[0].typicalDays",
                        s -> ((ObjectNode) s.get("processSteps").get(0)).put("typicalDays", "14")),
                bad("fraction for a whole number", 400, "processSteps[0].typicalDays",
                        s -> ((ObjectNode) s.get("processSteps").get(0)).put("typicalDays", 14.5)),
                bad("text for a list", 400, "supportTypes", s -> s.put("supportTypes", "TECHNICAL")),
                bad("amount as a JSON number", 400, "fundingRange.min.amount",
                        s -> ((ObjectNode) s.get("fundingRange").get("min")).put("amount", 10000)),
                bad("amount with an exponent", 400, "fundingRange.max.amount",
                        s -> ((ObjectNode) s.get("fundingRange").get("max")).put("amount", "9E4")),
                bad("negative amount", 400, "fundingRange.max.amount",
                        s -> ((ObjectNode) s.get("fundingRange").get("max")).put("amount", "-1")),
                bad("time without offset", 400, "window.deadline",
                        s -> ((ObjectNode) s.get("window")).put("deadline", "2027-03-31T23:59:00")),
                bad("date that does not exist", 400, "verifiedOn", s -> s.put("verifiedOn", "2026-02-30")),
                bad("verification date without a source", 422, "verifiedOn", s -> s.putNull("sourceUrl")),
                bad("missing name", 422, "name", s -> s.remove("name")),
                bad("blank name", 422, "name", s -> s.put("name", " ")),
                bad("empty support types", 422, "supportTypes", s -> s.putArray("supportTypes")),
                bad("missing challenge areas", 422, "challengeAreas", s -> s.remove("challengeAreas")),
                bad("missing window kind", 422, "window.kind", s -> ((ObjectNode) s.get("window")).remove("kind")),
                bad("null in an enum list", 422, "challengeAreas[1]", s -> s.putArray("challengeAreas").add("AIR_QUALITY").addNull()),
                bad("step without title", 422, "processSteps[0].title", s -> ((ObjectNode) s.get("processSteps").get(0)).remove("title")),
                bad("negative typical days", 422, "processSteps[0].typicalDays",
                        s -> ((ObjectNode) s.get("processSteps").get(0)).put("typicalDays", -1)),
                bad("unknown sector", 422, "sectors[1]", s -> s.putArray("sectors").add("41010").add("99999")),
                bad("withdrawn sector", 422, "sectors[0]", s -> s.putArray("sectors").add("15120")),
                bad("sector category instead of a 5-digit code", 422, "sectors[0]", s -> s.putArray("sectors").add("410")),
                bad("unknown finance type", 422, "financeType", s -> s.put("financeType", "999")),
                bad("unknown aid type", 422, "aidType", s -> s.put("aidType", "Z99")),
                bad("unknown currency", 422, "fundingRange.max.currency",
                        s -> ((ObjectNode) s.get("fundingRange").get("max")).put("currency", "XYZ")),
                bad("withdrawn currency", 422, "fundingRange.min.currency",
                        s -> ((ObjectNode) s.get("fundingRange").get("min")).put("currency", "EEK")),
                bad("missing currency", 422, "fundingRange.min.currency",
                        s -> ((ObjectNode) s.get("fundingRange").get("min")).remove("currency")),
                bad("unknown country", 422, "eligibleCountries[1]", s -> s.putArray("eligibleCountries").add("VN").add("XX")),
                bad("lower-case country", 422, "eligibleCountries[0]", s -> s.putArray("eligibleCountries").add("vn")),
                bad("unknown partner city country", 422, "partnerCityRequired.country",
                        s -> s.putObject("partnerCityRequired").put("country", "ZZ")),
                bad("unknown region", 422, "eligibleRegions[0]", s -> s.putArray("eligibleRegions").add("12345")),
                bad("min above max", 422, "fundingRange.min",
                        s -> ((ObjectNode) s.get("fundingRange").get("min")).put("amount", "100000.5")),
                bad("co-financing share above 1", 422, "coFinancingShare", s -> s.put("coFinancingShare", "1.5")),
                bad("FIXED window without deadline", 422, "window.deadline", s -> ((ObjectNode) s.get("window")).remove("deadline")),
                // not RFC 3339 (a four-digit year): refused while reading the body
                bad("deadline after the year 9999", 400, "window.deadline",
                        s -> ((ObjectNode) s.get("window")).put("deadline", "+300000-01-01T00:00:00Z")),
                bad("NUL character in a text", 400, "name", s -> s.put("name", "Nul\u0000agency")),
                bad("FIXED window opening after its deadline", 422, "window.opens",
                        s -> ((ObjectNode) s.get("window")).put("opens", "2027-04-01T00:00:00+09:00")),
                bad("ROLLING window with dates", 422, "window.deadline", s -> ((ObjectNode) s.get("window")).put("kind", "ROLLING")
                        .remove("opens")),
                bad("ANNUAL window longer than a year", 422, "window.deadline", s -> ((ObjectNode) s.get("window"))
                        .put("kind", "ANNUAL").put("deadline", "2028-01-10T09:00:00+09:00")),
                bad("names.en different from name", 422, "names.en", s -> ((ObjectNode) s.get("names")).put("en", "Other")),
                bad("language key that is no tag", 422, "names.Japanese", s -> ((ObjectNode) s.get("names")).put("Japanese", "x")),
                bad("blank supersededBy", 422, "supersededBy", s -> s.put("supersededBy", "")),
                bad("source URL that is not http", 422, "sourceUrl", s -> s.put("sourceUrl", "ftp://example.org/aq")));
    }

    private static Arguments bad(String what, int status, String field, Consumer<ObjectNode> change) {
        ObjectNode body = Fixtures.scheme();
        change.accept(body);
        return Arguments.of(what, body.toString(), status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodyIsAProblemNamingTheFieldAndStoresNothing(String what, String body, int status, String field) {
        String ref = "bad-" + Math.abs(what.hashCode());
        putScheme(agency, ref, body)
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
        assertNothingStored(ref);
    }

    @Test
    void unknownCodeNamesTheListOfAllowedCodes() {
        ObjectNode body = Fixtures.scheme();
        body.putArray("sectors").add("41010").add("99999");
        putScheme(agency, "codes", body).statusCode(422)
                .body("errors[0].field", equalTo("sectors[1]"))
                .body("errors[0].detail", containsString("GET /v1/vocabularies/sectors"))
                .body("detail", containsString("sectors[1]"));
    }

    @Test
    void amountAsJsonNumberIsRefusedWithTheFormToUse() {
        ObjectNode body = Fixtures.scheme();
        ((ObjectNode) body.get("fundingRange").get("min")).put("amount", 10000.5);
        putScheme(agency, "number", body).statusCode(400)
                .body("errors[0].field", equalTo("fundingRange.min.amount"))
                .body("errors[0].detail", containsString("decimal string such as \"250000.00\""));
    }

    @Test
    void timesAndDatesAreRefusedUnlessWrittenAsStrings() {
        ObjectNode dateAsNumber = Fixtures.scheme();
        dateAsNumber.put("verifiedOn", 20261129);
        putScheme(agency, "date-number", dateAsNumber).statusCode(400)
                .body("errors[0].field", equalTo("verifiedOn"))
                .body("errors[0].detail", containsString("RFC 3339"));
        ObjectNode deadlineAsNumber = Fixtures.scheme();
        ((ObjectNode) deadlineAsNumber.get("window")).put("deadline", 1800000000);
        putScheme(agency, "deadline-number", deadlineAsNumber).statusCode(400)
                .body("errors[0].field", equalTo("window.deadline"));
        given().get("/v1/agencies/" + agency + "/schemes/date-number").then().statusCode(404);
    }

    @Test
    void malformedJsonIs400() {
        putScheme(agency, "malformed", "{ \"name\": ").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://citycoop.org/problems/malformed-json"))
                .body("errors.field", hasItem("body"));
        assertNothingStored("malformed");
    }

    @Test
    void missingBodyIs422() {
        given().contentType("application/json").put("/v1/agencies/" + agency + "/schemes/nobody").then()
                .statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("body"));
    }

    @Test
    void badRefIs422() {
        putScheme(agency, "bad*ref", Fixtures.scheme()).statusCode(422).body("errors.field", hasItem("ref"));
        putScheme(agency, "x".repeat(65), Fixtures.scheme()).statusCode(422).body("errors.field", hasItem("ref"));
    }

    @Test
    void bodyThatIsNotJsonIs415() {
        given().contentType("text/plain").body("name=x").put("/v1/agencies/" + agency + "/schemes/text").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void badUpdateOfAnExistingSchemeChangesNothingAndPublishesNothing() {
        String id = putScheme(agency, "kept", Fixtures.scheme()).statusCode(201).extract().path("id");
        ObjectNode bad = Fixtures.scheme();
        bad.putArray("sectors").add("99999");
        putScheme(agency, "kept", bad, "\"1\"").statusCode(422);
        given().get("/v1/schemes/" + id).then().body("version", equalTo(1)).body("sectors", equalTo(List.of("41010")));

        ObjectNode good = Fixtures.scheme();
        good.putArray("sectors").add("43030");
        putScheme(agency, "kept", good, "\"1\"").statusCode(200).body("version", equalTo(2));
        try (TopicReader topic = new TopicReader("catalog.schemes")) {
            List<ConsumerRecord<String, String>> events = topic.awaitRecords(id, 2);
            assertEquals(2, events.size(), "created and one update: the refused request published nothing");
            assertEquals(SchemeEvents.UPDATED, TopicReader.header(events.get(1), "ce_type"));
        }
    }

    private void assertNothingStored(String ref) {
        given().queryParam("agency", agency).queryParam("limit", 100).get("/v1/schemes").then()
                .statusCode(200)
                .body("items.findAll { it.ref == '" + ref + "' }", empty());
    }
}
