package org.citycoop.catalog.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citycoop.catalog.Fixtures;
import org.citycoop.catalog.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.citycoop.catalog.Fixtures.putScheme;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SchemeWithdrawalTest {

    private static TopicReader schemesTopic;

    @BeforeAll
    static void openTopic() {
        schemesTopic = new TopicReader("catalog.schemes");
    }

    @AfterAll
    static void closeTopic() {
        schemesTopic.close();
    }

    private static ValidatableResponse withdraw(String agency, String ref, String ifMatch) {
        var request = given();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.delete("/v1/agencies/" + agency + "/schemes/" + ref).then();
    }

    @Test
    void withdrawalKeepsTheSchemeBumpsTheVersionAndPublishesOnce() throws Exception {
        String agency = Fixtures.createAgency("withdraw");
        String id = putScheme(agency, "W1", Fixtures.scheme()).statusCode(201).extract().path("id");

        withdraw(agency, "W1", "\"1\"").statusCode(200).contentType("application/json").header("ETag", "\"2\"")
                .body("id", equalTo(id)).body("version", equalTo(2)).body("status", equalTo("WITHDRAWN"))
                .body("name", equalTo("Air quality monitoring support for cities"));
        // Again: already withdrawn, nothing changes (with the current ETag, or without If-Match).
        withdraw(agency, "W1", "\"2\"").statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2))
                .body("status", equalTo("WITHDRAWN"));
        withdraw(agency, "W1", null).statusCode(200).body("version", equalTo(2));

        given().get("/v1/schemes/" + id).then().statusCode(200).header("ETag", "\"2\"").body("status", equalTo("WITHDRAWN"));
        given().queryParam("agency", agency).queryParam("status", "WITHDRAWN").get("/v1/schemes").then()
                .body("items.id", hasItem(id));
        // Pushing the same content again without If-Match does not bring it back: that would be a change.
        putScheme(agency, "W1", Fixtures.scheme()).statusCode(428);

        List<ConsumerRecord<String, String>> events = schemesTopic.awaitRecords(id, 2);
        assertEquals(2, events.size(), "created, then withdrawn once");
        assertEquals(SchemeEvents.WITHDRAWN, TopicReader.header(events.get(1), "ce_type"));
        assertEquals(id, TopicReader.header(events.get(1), "ce_subject"));
        JsonNode data = Fixtures.JSON.readTree(events.get(1).value());
        assertEquals(2, data.get("version").asInt());
        assertEquals("WITHDRAWN", data.get("status").asText());
        assertEquals(id, data.get("id").asText());
        assertEquals("90000", data.get("fundingRange").get("max").get("amount").asText());
    }

    @Test
    void withdrawalNeedsTheCurrentETag() {
        String agency = Fixtures.createAgency("withdrawif");
        putScheme(agency, "W2", Fixtures.scheme()).statusCode(201);
        withdraw(agency, "W2", null).statusCode(428).contentType("application/problem+json")
                .body("errors.field", hasItem("If-Match"));
        withdraw(agency, "W2", "\"5\"").statusCode(412).contentType("application/problem+json")
                .body("errors.field", hasItem("If-Match"));
        withdraw(agency, "W2", "W/\"1\"").statusCode(412);
        given().get("/v1/agencies/" + agency + "/schemes/W2").then().body("version", equalTo(1))
                .body("status", equalTo("FORECASTED"));
        withdraw(agency, "W2", "\"1\"").statusCode(200).body("version", equalTo(2));
        // The same withdrawal sent again (its answer lost): already done, so it succeeds and changes nothing, as a PUT
        // of content already stored does.
        withdraw(agency, "W2", "\"1\"").statusCode(200).body("version", equalTo(2)).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void unknownAgencyOrRefIs404() {
        withdraw("no-such-agency", "X1", "\"1\"").statusCode(404).contentType("application/problem+json");
        String agency = Fixtures.createAgency("withdraw404");
        withdraw(agency, "NOPE", "\"1\"").statusCode(404).contentType("application/problem+json");
        withdraw(agency, "NOPE", null).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPutWithIfMatchOffersAWithdrawnSchemeAgain() throws Exception {
        String agency = Fixtures.createAgency("reoffer");
        String id = putScheme(agency, "W3", Fixtures.scheme()).statusCode(201).extract().path("id");
        withdraw(agency, "W3", "\"1\"").statusCode(200);
        putScheme(agency, "W3", Fixtures.scheme(), "\"2\"").statusCode(200).header("ETag", "\"3\"")
                .body("version", equalTo(3)).body("status", equalTo("FORECASTED"));
        ObjectNode same = Fixtures.scheme();
        putScheme(agency, "W3", same).statusCode(200).body("version", equalTo(3));

        List<ConsumerRecord<String, String>> events = schemesTopic.awaitRecords(id, 3);
        assertEquals(3, events.size());
        assertEquals(SchemeEvents.UPDATED, TopicReader.header(events.get(2), "ce_type"));
        assertEquals("FORECASTED", Fixtures.JSON.readTree(events.get(2).value()).get("status").asText());
    }
}
