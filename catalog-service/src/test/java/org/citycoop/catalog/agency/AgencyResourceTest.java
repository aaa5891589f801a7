package org.citycoop.catalog.agency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citycoop.catalog.Fixtures;
import org.citycoop.catalog.TopicReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.citycoop.catalog.Fixtures.putAgency;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AgencyResourceTest {

    @Test
    void createReadSameContentChangeWithEvents() throws Exception {
        String id = Fixtures.newAgencyId("agency");
        putAgency(id, Fixtures.agency()).statusCode(201).header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("organisationType", equalTo("40"))
                .body("regionsServed", equalTo(List.of("798")))
                .body("contact", nullValue())
                .body("version", equalTo(1));
        given().get("/v1/agencies/" + id).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo(Fixtures.agency().get("name").asText()));

        putAgency(id, Fixtures.agency()).statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));

        ObjectNode changed = Fixtures.agency().put("contact", "ietc@example.org");
        changed.putArray("regionsServed").add("889").add("798").add("889");
        putAgency(id, changed).statusCode(428).contentType("application/problem+json");
        given().contentType("application/json").header("If-Match", "\"9\"").body(changed.toString()).put("/v1/agencies/" + id)
                .then().statusCode(412);
        given().contentType("application/json").header("If-Match", "\"1\"").body(changed.toString()).put("/v1/agencies/" + id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("regionsServed", equalTo(List.of("798", "889")))
                .body("contact", equalTo("ietc@example.org"));

        try (TopicReader topic = new TopicReader("catalog.agencies")) {
            List<ConsumerRecord<String, String>> events = topic.awaitRecords(id, 2);
            assertEquals(2, events.size());
            assertEquals(AgencyEvents.CREATED, TopicReader.header(events.get(0), "ce_type"));
            assertEquals(AgencyEvents.UPDATED, TopicReader.header(events.get(1), "ce_type"));
            JsonNode data = Fixtures.JSON.readTree(events.get(1).value());
            assertEquals(2, data.get("version").asInt());
            assertEquals("ietc@example.org", data.get("contact").asText());
        }
    }

    static Stream<Arguments> badAgencies() {
        return Stream.of(
                bad("missing name", 422, "name", a -> a.remove("name")),
                bad("missing organisation type", 422, "organisationType", a -> a.remove("organisationType")),
                bad("unknown organisation type", 422, "organisationType", a -> a.put("organisationType", "99")),
                bad("unknown country", 422, "country", a -> a.put("country", "XX")),
                bad("withdrawn country", 422, "country", a -> a.put("country", "AN")),
                bad("withdrawn region", 422, "regionsServed[1]", a -> a.putArray("regionsServed").add("798").add("380")),
                bad("website that is not http", 422, "website", a -> a.put("website", "javascript:alert(1)")),
                bad("IATI id with a space", 422, "iatiOrgId", a -> a.put("iatiOrgId", "XM DAC 41116")),
                bad("unknown field", 400, "headquarters", a -> a.put("headquarters", "Osaka")),
                bad("number for a text", 400, "acronym", a -> a.put("acronym", 7)));
    }

    private static Arguments bad(String what, int status, String field, Consumer<ObjectNode> change) {
        ObjectNode body = Fixtures.agency();
        change.accept(body);
        return Arguments.of(what, body.toString(), status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAgencies")
    void badAgencyIsAProblemNamingTheFieldAndStoresNothing(String what, String body, int status, String field) {
        String id = Fixtures.newAgencyId("bad");
        putAgency(id, body).statusCode(status).contentType("application/problem+json").body("errors.field", hasItem(field));
        given().get("/v1/agencies/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void agencyIdMustBeALowerCaseSlugOfAtMost64Characters() {
        putAgency("Bad_Id", Fixtures.agency()).statusCode(422).body("errors.field", hasItem("agencyId"));
        putAgency("double--hyphen", Fixtures.agency()).statusCode(422).body("errors.field", hasItem("agencyId"));
        putAgency("a".repeat(65), Fixtures.agency()).statusCode(422).body("errors.field", hasItem("agencyId"));
        putAgency("a".repeat(64), Fixtures.agency()).statusCode(201);
    }

    @Test
    void conditionalGetAnswers304UntilTheAgencyChanges() {
        String id = Fixtures.createAgency("etag");
        given().header("If-None-Match", "\"1\"").get("/v1/agencies/" + id).then().statusCode(304).header("ETag", "\"1\"");
        String listTag = given().queryParam("limit", 100).get("/v1/agencies").then().statusCode(200).extract().header("ETag");
        given().queryParam("limit", 100).header("If-None-Match", listTag).get("/v1/agencies").then().statusCode(304);
        ObjectNode changed = Fixtures.agency().put("acronym", "CHANGED");
        given().contentType("application/json").header("If-Match", "\"1\"").body(changed.toString()).put("/v1/agencies/" + id)
                .then().statusCode(200);
        given().header("If-None-Match", "\"1\"").get("/v1/agencies/" + id).then().statusCode(200).header("ETag", "\"2\"");
        given().queryParam("limit", 100).header("If-None-Match", listTag).get("/v1/agencies").then().statusCode(200);
    }

    @Test
    void unknownAgencyIs404() {
        given().get("/v1/agencies/no-such-agency").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listPagesInIdOrder() {
        for (int i = 0; i < 3; i++) {
            Fixtures.createAgency("list");
        }
        List<String> ids = new ArrayList<>();
        String next = "/v1/agencies?limit=2";
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id");
            assertTrue(items.size() <= 2);
            ids.addAll(items);
            next = page.getString("next");
        }
        assertTrue(ids.size() >= 3);
        List<String> sorted = ids.stream().sorted().distinct().toList();
        assertEquals(sorted, ids, "strictly in id order: sorted, no duplicates");
        given().queryParam("limit", 0).get("/v1/agencies").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().queryParam("cursor", "%%%").get("/v1/agencies").then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zzz", "bm90LWEtY3Vyc29y", "YWdlbmNpZXMfTk9UIEEgU0xVRw", "YWdlbmNpZXMf", "b3RoZXIfb2VjYw"})
    void aCursorTheListDidNotMakeIs400NamingCursor(String cursor) {
        // zzz: bytes that are no text; "not-a-cursor"; the mark with an id that is no slug; the mark with no id;
        // another mark with a valid id ("other" + "oecc").
        given().queryParam("cursor", cursor).get("/v1/agencies").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
    }
}
