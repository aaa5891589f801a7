package org.citycoop.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citycoop.catalog.activity.ActivityImport;
import org.citycoop.catalog.activity.ActivityView;
import org.citycoop.catalog.agency.AgencyView;
import org.citycoop.catalog.scheme.SchemeView;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The example events in {@code src/main/resources/events/} are the contract consumers test against: the
 * JSON the service really publishes must have exactly the example's field names, and each example must be
 * a valid event of its type.
 */
@QuarkusTest
class EventContractTest {

    private static final Set<String> ENVELOPE = Set.of("specversion", "id", "source", "type", "subject", "time",
            "datacontenttype", "data");

    @Inject
    ObjectMapper mapper;

    @Test
    void publishedSchemeEventsHaveExactlyTheFieldsOfTheExamples() throws IOException {
        String agency = Fixtures.createAgency("contract");
        ObjectNode body = Fixtures.scheme();
        body.putObject("partnerCityRequired").put("country", "JP");
        body.put("coFinancingShare", "0.2");
        String id = Fixtures.putScheme(agency, "C1", body).statusCode(201).extract().path("id");
        body.put("supersededBy", "C2");
        Fixtures.putScheme(agency, "C1", body, "\"1\"").statusCode(200);
        given().header("If-Match", "\"2\"").delete("/v1/agencies/" + agency + "/schemes/C1").then().statusCode(200);

        try (TopicReader topic = new TopicReader("catalog.schemes")) {
            List<ConsumerRecord<String, String>> events = topic.awaitRecords(id, 3);
            assertMatchesExample(events.get(0), "org.citycoop.catalog.scheme.created.v1", SchemeView.class);
            assertMatchesExample(events.get(1), "org.citycoop.catalog.scheme.updated.v1", SchemeView.class);
            assertMatchesExample(events.get(2), "org.citycoop.catalog.scheme.withdrawn.v1", SchemeView.class);
        }
    }

    @Test
    void publishedAgencyEventsHaveExactlyTheFieldsOfTheExamples() throws IOException {
        String agency = Fixtures.newAgencyId("contract");
        Fixtures.putAgency(agency, Fixtures.agency()).statusCode(201);
        given().contentType("application/json").header("If-Match", "\"1\"")
                .body(Fixtures.agency().put("contact", "secretariat@example.org").toString())
                .put("/v1/agencies/" + agency).then().statusCode(200);

        try (TopicReader topic = new TopicReader("catalog.agencies")) {
            List<ConsumerRecord<String, String>> events = topic.awaitRecords(agency, 2);
            assertMatchesExample(events.get(0), "org.citycoop.catalog.agency.created.v1", AgencyView.class);
            assertMatchesExample(events.get(1), "org.citycoop.catalog.agency.updated.v1", AgencyView.class);
        }
    }

    @Test
    void publishedActivityEventsHaveExactlyTheFieldsOfTheExamples() throws IOException {
        String agency = Fixtures.createAgency("contract");
        String file = org.citycoop.catalog.activity.IatiFiles.forAgency("activities.xml", agency);
        String id = given().contentType("application/xml; charset=utf-8").body(file).post("/v1/agencies/" + agency + "/iati-activities")
                .then().statusCode(200).extract().path("items[0].id");
        given().contentType("application/xml; charset=utf-8").body(file.replace("2026-09-30T00:00:00Z", "2026-10-30T00:00:00Z"))
                .post("/v1/agencies/" + agency + "/iati-activities").then().statusCode(200).body("items[0].outcome", org.hamcrest.Matchers.equalTo("UPDATED"));

        try (TopicReader topic = new TopicReader(ActivityImport.TOPIC)) {
            List<ConsumerRecord<String, String>> events = topic.awaitRecords(id, 2);
            assertMatchesExample(events.get(0), ActivityImport.CREATED, ActivityView.class);
            assertMatchesExample(events.get(1), ActivityImport.UPDATED, ActivityView.class);
        }
    }

    private void assertMatchesExample(ConsumerRecord<String, String> record, String type, Class<?> dataClass) throws IOException {
        JsonNode example = example(type);
        assertEquals(ENVELOPE, fieldNames(example), "envelope of " + type);
        assertEquals(type, example.get("type").asText());
        assertEquals(example.get("subject").asText(), example.get("data").get("id").asText(), "subject is the aggregate id");
        // The example's data is a valid representation: it reads with the service's strict mapper.
        assertNotNull(mapper.treeToValue(example.get("data"), dataClass));

        assertEquals(type, TopicReader.header(record, "ce_type"));
        assertEquals(example.get("source").asText(), TopicReader.header(record, "ce_source"));
        assertEquals(record.key(), TopicReader.header(record, "ce_subject"));
        List<String> differences = new ArrayList<>();
        compareFieldNames("data", example.get("data"), mapper.readTree(record.value()), differences);
        assertEquals(List.of(), differences, "published data of " + type + " against its example");
    }

    /** Compares the field names of two JSON trees, descending into objects and the first element of arrays. */
    private static void compareFieldNames(String path, JsonNode example, JsonNode published, List<String> differences) {
        if (example.isObject() && published.isObject()) {
            if (!fieldNames(example).equals(fieldNames(published))) {
                differences.add(path + ": example " + fieldNames(example) + ", published " + fieldNames(published));
            }
            example.fieldNames().forEachRemaining(name -> {
                if (published.has(name)) {
                    compareFieldNames(path + "." + name, example.get(name), published.get(name), differences);
                }
            });
        } else if (example.isArray() && published.isArray() && !example.isEmpty() && !published.isEmpty()) {
            compareFieldNames(path + "[0]", example.get(0), published.get(0), differences);
        } else if (!example.isNull() && !published.isNull() && example.getNodeType() != published.getNodeType()) {
            differences.add(path + ": example is " + example.getNodeType() + ", published " + published.getNodeType());
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode example(String type) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/events/" + type + ".json")) {
            assertNotNull(in, "example event for " + type);
            return Fixtures.JSON.readTree(in);
        }
    }
}
