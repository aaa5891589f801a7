package org.citycoop.twinning.city;

import org.citycoop.devstack.ExampleEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.citycoop.platform.events.CloudEventHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** Reads topic twinning.cities with a plain consumer. */
@QuarkusTest
class CityEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    ObjectMapper mapper;

    @Test
    void anAddedMunicipalityAndAChangedProfileArePublishedWithTheCityAsData() throws IOException {
        String id = given().contentType(ContentType.JSON).body("""
                        { "name": "Minglanilla Events", "country": "PH", "admin1Code": null, "population": 14000,
                          "latitude": 10.245, "longitude": 123.796, "alternateNames": [ { "name": "Minglanilla E", "lang": "en" } ] }""")
                .post("/v1/cities").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("""
                        { "offers": [ { "area": "SOLID_WASTE", "sectors": ["14050"],
                                        "evidence": [ { "arrangementId": null, "url": "https://example.org/minglanilla" } ], "note": null } ],
                          "needs": [ { "area": "FINANCIAL_MECHANISMS", "sectors": [], "evidence": [ { "arrangementId": null, "url": "https://example.org/needs" } ], "note": null } ] }""")
                .put("/v1/cities/" + id + "/expertise").then().statusCode(200);

        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            ConsumerRecord<String, String> created = await(consumer, received, r -> id.equals(r.key()) && CityEvents.CREATED.equals(type(r)));
            ConsumerRecord<String, String> updated = await(consumer, received, r -> id.equals(r.key()) && CityEvents.UPDATED.equals(type(r)));
            JsonNode createdData = mapper.readTree(created.value());
            JsonNode updatedData = mapper.readTree(updated.value());
            assertEquals(1, createdData.path("version").asInt());
            assertEquals("secretariat", createdData.path("source").asText());
            assertEquals(2, updatedData.path("version").asInt());
            assertEquals("SOLID_WASTE", updatedData.path("offers").path(0).path("area").asText());
            assertEquals(ExampleEvents.fieldPaths(example(CityEvents.CREATED).path("data")), ExampleEvents.fieldPaths(createdData));
            assertEquals(ExampleEvents.fieldPaths(example(CityEvents.UPDATED).path("data")), ExampleEvents.fieldPaths(updatedData));
        }
    }

    @Test
    void theExamplesAreCompleteCloudEventsThatReadAsTheServicesOwnClass() throws IOException {
        for (String type : List.of(CityEvents.CREATED, CityEvents.UPDATED)) {
            JsonNode example = example(type);
            assertEquals(type, example.path("type").asText());
            for (String attribute : List.of("specversion", "id", "source", "subject", "time", "datacontenttype", "data")) {
                assertNotNull(example.get(attribute), type + " example lacks " + attribute);
            }
            CityDetail data = mapper.treeToValue(example.path("data"), CityDetail.class);
            assertEquals(example.path("subject").asText(), data.id());
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "city-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(CityEvents.TOPIC));
        return consumer;
    }

    private static ConsumerRecord<String, String> await(KafkaConsumer<String, String> consumer, List<ConsumerRecord<String, String>> received,
                                                       Predicate<ConsumerRecord<String, String>> wanted) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            for (ConsumerRecord<String, String> record : received) {
                if (wanted.test(record)) {
                    return record;
                }
            }
            consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        }
        return fail("No such event on " + CityEvents.TOPIC + " within " + PATIENCE + "; received " + received.size());
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private JsonNode example(String type) throws IOException {
        return ExampleEvents.example(type);
    }
}
