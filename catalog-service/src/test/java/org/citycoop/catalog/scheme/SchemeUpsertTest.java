package org.citycoop.catalog.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citycoop.catalog.Fixtures;
import org.citycoop.catalog.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.citycoop.catalog.Fixtures.putScheme;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SchemeUpsertTest {

    private static TopicReader schemesTopic;

    @BeforeAll
    static void openTopic() {
        schemesTopic = new TopicReader("catalog.schemes");
    }

    @AfterAll
    static void closeTopic() {
        schemesTopic.close();
    }

    @Test
    void createThenSameContentThenChangePublishesOneEventPerVersion() throws Exception {
        String agency = Fixtures.createAgency("upsert");
        ObjectNode body = Fixtures.scheme();

        ExtractableResponse<Response> created = putScheme(agency, "AQ-2027-01", body)
                .statusCode(201)
                .header("ETag", "\"1\"")
                .contentType("application/json")
                .body("agencyId", equalTo(agency))
                .body("ref", equalTo("AQ-2027-01"))
                .body("version", equalTo(1))
                .body("status", equalTo("FORECASTED"))
                .body("descriptions.en", equalTo(body.get("description").asText()))
                .body("window.deadline", equalTo("2027-03-31T23:59:00+09:00"))
                .body("fundingRange.max.amount", equalTo("90000"))
                .extract();
        String id = created.path("id");
        assertEquals("/v1/schemes/" + id, java.net.URI.create(created.header("Location")).getPath());

        // The same content, lists in another order and amounts with trailing zeros: nothing changes.
        ObjectNode same = Fixtures.scheme();
        same.putArray("eligibleCountries").add("ID").add("VN").add("ID");
        ((ObjectNode) same.get("fundingRange").get("min")).put("amount", "10000.00");
        putScheme(agency, "AQ-2027-01", same).statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1))
                .body("id", equalTo(id));

        ObjectNode changed = Fixtures.scheme();
        changed.put("name", "Air quality monitoring and planning support for cities");
        changed.remove("names");
        putScheme(agency, "AQ-2027-01", changed, "\"1\"").statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("names.en", equalTo("Air quality monitoring and planning support for cities"))
                .body("names", not(org.hamcrest.Matchers.hasKey("ja")));

        given().get("/v1/schemes/" + id).then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));

        List<ConsumerRecord<String, String>> events = schemesTopic.awaitRecords(id, 2);
        assertEquals(2, events.size(), "one event per version, none for the unchanged PUT");
        assertEquals(SchemeEvents.CREATED, TopicReader.header(events.get(0), "ce_type"));
        assertEquals(SchemeEvents.UPDATED, TopicReader.header(events.get(1), "ce_type"));
        assertEquals(id, TopicReader.header(events.get(1), "ce_subject"));
        JsonNode first = Fixtures.JSON.readTree(events.get(0).value());
        JsonNode second = Fixtures.JSON.readTree(events.get(1).value());
        assertEquals(1, first.get("version").asInt());
        assertEquals(2, second.get("version").asInt());
        assertEquals(id, second.get("id").asText());
        assertEquals(agency, second.get("agencyId").asText());
        assertEquals("Air quality monitoring and planning support for cities", second.get("name").asText());
        assertEquals("2027-01-10T09:00:00+09:00", second.get("window").get("opens").asText());
    }

    @Test
    void changingWithoutIfMatchIs428AndWithStaleIfMatchIs412AndNothingChanges() {
        String agency = Fixtures.createAgency("ifmatch");
        putScheme(agency, "R1", Fixtures.scheme()).statusCode(201);
        ObjectNode changed = Fixtures.scheme().put("supersededBy", "AQ-2028-01");

        putScheme(agency, "R1", changed).statusCode(428).contentType("application/problem+json")
                .body("errors.field", hasItem("If-Match"));
        putScheme(agency, "R1", changed, "\"7\"").statusCode(412).contentType("application/problem+json")
                .body("errors.field", hasItem("If-Match"));
        putScheme(agency, "R1", changed, "W/\"1\"").statusCode(412);

        String id = putScheme(agency, "R1", Fixtures.scheme()).statusCode(200).body("version", equalTo(1)).extract().path("id");
        given().get("/v1/schemes/" + id).then().body("supersededBy", nullValue()).body("version", equalTo(1));

        putScheme(agency, "R1", changed, "\"1\"").statusCode(200).body("version", equalTo(2)).body("status", equalTo("CLOSED"));
        // The same update sent again (its answer lost): already applied, so it succeeds and changes nothing (RFC 9110,
        // 13.1.1); a stale If-Match with other content is still refused.
        putScheme(agency, "R1", changed, "\"1\"").statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
        putScheme(agency, "R1", changed.put("description", "Other"), "\"1\"").statusCode(412);
        given().get("/v1/schemes/" + id).then().body("version", equalTo(2)).body("description", not(equalTo("Other")));
    }

    @Test
    void ifMatchOnANewSchemeIs412() {
        String agency = Fixtures.createAgency("ifnew");
        putScheme(agency, "NEW", Fixtures.scheme(), "\"1\"").statusCode(412);
        given().queryParam("agency", agency).get("/v1/schemes").then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aSchemeWithoutPublishedWindowOrApplicantTypesIsKeptAsSuchAndReadableByRef() {
        String agency = Fixtures.createAgency("unknowns");
        ObjectNode body = Fixtures.scheme();
        body.remove("window");
        body.remove("applicantTypes");
        putScheme(agency, "UNKNOWNS", body).statusCode(201)
                .body("window", nullValue())
                .body("applicantTypes", empty())
                .body("status", equalTo("OPEN"));
        given().get("/v1/agencies/" + agency + "/schemes/UNKNOWNS").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("ref", equalTo("UNKNOWNS")).body("window", nullValue());
        given().get("/v1/agencies/" + agency + "/schemes/NOPE").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void reSendingTimesFinerThanMicrosecondsChangesNothing() {
        String agency = Fixtures.createAgency("nanos");
        ObjectNode body = Fixtures.scheme();
        ((ObjectNode) body.get("window")).put("deadline", "2027-03-31T23:59:00.123456789+09:00");
        putScheme(agency, "NANOS", body).statusCode(201).body("window.deadline", equalTo("2027-03-31T23:59:00.123456+09:00"));
        putScheme(agency, "NANOS", body).statusCode(200).body("version", equalTo(1));
    }

    @Test
    void unknownAgencyIs404() {
        putScheme("no-such-agency", "X1", Fixtures.scheme()).statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void unknownOrMalformedSchemeIdIs404() {
        given().get("/v1/schemes/" + java.util.UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/schemes/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void sameRefUnderTwoAgenciesAreTwoSchemes() {
        String first = Fixtures.createAgency("refs");
        String second = Fixtures.createAgency("refs");
        String a = putScheme(first, "SHARED", Fixtures.scheme()).statusCode(201).extract().path("id");
        String b = putScheme(second, "SHARED", Fixtures.scheme()).statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
    }
}
