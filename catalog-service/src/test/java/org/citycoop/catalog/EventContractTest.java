package org.citycoop.catalog;

import org.citycoop.catalog.agency.AgencyEvents;
import org.citycoop.catalog.activity.ActivityEvents;
import org.citycoop.catalog.scheme.SchemeEvents;
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
import org.citycoop.devstack.ExampleEvents;
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

    @Inject
    ObjectMapper mapper;

    @Test
    void everyExampleIsOfATypeThisServicePublishesAndEveryTypeHasOne() {
        assertEquals(new TreeSet<>(Set.of(SchemeEvents.CREATED, SchemeEvents.UPDATED, SchemeEvents.WITHDRAWN,
                        AgencyEvents.CREATED, AgencyEvents.UPDATED, ActivityEvents.CREATED, ActivityEvents.UPDATED)),
                ExampleEvents.types("org.citycoop.catalog."));
    }

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

        try (TopicReader topic = new TopicReader(SchemeEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> events = topic.awaitRecords(id, 3);
            assertMatchesExample(events.get(0), SchemeEvents.CREATED, SchemeView.class);
            assertMatchesExample(events.get(1), SchemeEvents.UPDATED, SchemeView.class);
            assertMatchesExample(events.get(2), SchemeEvents.WITHDRAWN, SchemeView.class);
        }
    }

    @Test
    void publishedAgencyEventsHaveExactlyTheFieldsOfTheExamples() throws IOException {
        String agency = Fixtures.newAgencyId("contract");
        Fixtures.putAgency(agency, Fixtures.agency()).statusCode(201);
        given().contentType("application/json").header("If-Match", "\"1\"")
                .body(Fixtures.agency().put("contact", "secretariat@example.org").toString())
                .put("/v1/agencies/" + agency).then().statusCode(200);

        try (TopicReader topic = new TopicReader(AgencyEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> events = topic.awaitRecords(agency, 2);
            assertMatchesExample(events.get(0), AgencyEvents.CREATED, AgencyView.class);
            assertMatchesExample(events.get(1), AgencyEvents.UPDATED, AgencyView.class);
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

        try (TopicReader topic = new TopicReader(ActivityEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> events = topic.awaitRecords(id, 2);
            assertMatchesExample(events.get(0), ActivityEvents.CREATED, ActivityView.class);
            assertMatchesExample(events.get(1), ActivityEvents.UPDATED, ActivityView.class);
        }
    }

    private void assertMatchesExample(ConsumerRecord<String, String> record, String type, Class<?> dataClass) throws IOException {
        JsonNode example = ExampleEvents.example(type);
        assertEquals(ExampleEvents.ENVELOPE, List.copyOf(fieldNames(example)), "envelope of " + type);
        assertEquals(example.get("subject").asText(), example.get("data").get("id").asText(), "subject is the aggregate id");
        // The example's data is a valid representation: it reads with the service's strict mapper.
        assertNotNull(mapper.treeToValue(example.get("data"), dataClass));

        assertEquals(type, TopicReader.header(record, "ce_type"));
        assertEquals(example.get("source").asText(), TopicReader.header(record, "ce_source"));
        assertEquals(record.key(), TopicReader.header(record, "ce_subject"));
        assertEquals(List.of(), ExampleEvents.shapeDifferences("data", example.get("data"), mapper.readTree(record.value())),
                "published data of " + type + " against its example");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
