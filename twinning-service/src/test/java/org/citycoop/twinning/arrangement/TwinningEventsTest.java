package org.citycoop.twinning.arrangement;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import static org.citycoop.twinning.arrangement.TwinningApiTest.BANGKOK;
import static org.citycoop.twinning.arrangement.TwinningApiTest.CEBU;
import static org.citycoop.twinning.arrangement.TwinningApiTest.KITAKYUSHU;
import static org.citycoop.twinning.arrangement.TwinningApiTest.SURABAYA;
import static org.citycoop.twinning.arrangement.TwinningApiTest.body;
import static org.citycoop.twinning.arrangement.TwinningApiTest.create;
import static org.citycoop.twinning.arrangement.TwinningApiTest.move;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** Reads topic twinning.arrangements with a plain consumer, as the matching-service would. */
@QuarkusTest
class TwinningEventsTest {

    /** Generous: the relay publishes right after the commit, but the test machine may be busy. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    ObjectMapper mapper;

    private KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "twinning-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(TwinningEvents.TOPIC));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void creationAndTransitionsArePublishedWithTheArrangementAsData() throws IOException {
        String id = create(body("Kitakyushu and Surabaya composting cooperation", KITAKYUSHU, SURABAYA)).path("id");
        move(id, "AGREED").then().statusCode(200);

        ConsumerRecord<String, String> createdRecord = await(r -> id.equals(r.key()) && TwinningEvents.CREATED.equals(header(r, CloudEventHeaders.TYPE)));
        ConsumerRecord<String, String> updatedRecord = await(r -> id.equals(r.key()) && TwinningEvents.UPDATED.equals(header(r, CloudEventHeaders.TYPE)));

        assertEquals(id, header(createdRecord, CloudEventHeaders.SUBJECT));
        assertEquals("/citycoop/twinning-service", header(createdRecord, CloudEventHeaders.SOURCE));
        assertEquals("1.0", header(createdRecord, CloudEventHeaders.SPEC_VERSION));
        assertNotNull(Instant.parse(header(createdRecord, CloudEventHeaders.TIME)));

        JsonNode created = mapper.readTree(createdRecord.value());
        assertEquals(id, created.path("id").asText());
        assertEquals("PROPOSED", created.path("status").asText());
        assertEquals(1, created.path("version").asInt());
        assertEquals("Kitakyushu", created.path("cities").path(0).path("name").asText());
        assertEquals("ID", created.path("cities").path(1).path("country").asText());

        JsonNode updated = mapper.readTree(updatedRecord.value());
        assertEquals("AGREED", updated.path("status").asText());
        assertEquals(2, updated.path("version").asInt());

        assertEquals(ExampleEvents.fieldPaths(example(TwinningEvents.CREATED).path("data")), ExampleEvents.fieldPaths(created));
    }

    @Test
    void activitiesOutcomesAndTheEvaluationArePublishedAsTheArrangementsNewState() throws IOException {
        String id = create(body("Kitakyushu and Surabaya, recorded outcomes", KITAKYUSHU, SURABAYA)).path("id");
        OutcomesApiTest.putActivity(id, "takakura-composting", OutcomesApiTest.ACTIVITY).then().statusCode(201);
        OutcomesApiTest.putOutcome(id, "waste-reduction", OutcomesApiTest.OUTCOME).then().statusCode(201);
        given().contentType(ContentType.JSON).body(OutcomesApiTest.EVALUATION).put("/v1/twinnings/" + id + "/evaluation")
                .then().statusCode(201);

        ConsumerRecord<String, String> last = await(r -> id.equals(r.key()) && r.value().contains("\"version\":4"));
        assertEquals(TwinningEvents.UPDATED, header(last, CloudEventHeaders.TYPE));
        JsonNode updated = mapper.readTree(last.value());
        assertEquals("PILOT_PROJECT", updated.path("activities").path(0).path("type").asText());
        assertEquals("tonnes/day", updated.path("outcomes").path(0).path("unit").asText());
        assertEquals("2009", updated.path("evaluation").path("evaluatedOn").asText());
        // Funding links have their own test (FundingLinksTest): this arrangement has none.
        TreeSet<String> expected = ExampleEvents.fieldPaths(example(TwinningEvents.UPDATED).path("data"));
        expected.removeIf(path -> path.startsWith("fundingLinks[]"));
        assertEquals(expected, ExampleEvents.fieldPaths(updated));
    }

    @Test
    void anIdempotentReplayPublishesNoSecondEvent() {
        String key = UUID.randomUUID().toString();
        String body = body("Cebu and Bangkok", BANGKOK, CEBU);
        String id = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/v1/twinnings").then().statusCode(201).extract().path("id");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/v1/twinnings").then().statusCode(201).header("Idempotent-Replayed", "true");
        move(id, "TERMINATED").then().statusCode(200);

        // One arrangement's events share a partition and keep their order: once the transition's event is
        // here, every earlier event of this arrangement is too.
        await(r -> id.equals(r.key()) && TwinningEvents.UPDATED.equals(header(r, CloudEventHeaders.TYPE)));
        long createdEvents = received.stream()
                .filter(r -> id.equals(r.key()) && TwinningEvents.CREATED.equals(header(r, CloudEventHeaders.TYPE)))
                .count();
        assertEquals(1, createdEvents);
    }

    @Test
    void theExamplesAreCompleteCloudEvents() throws IOException {
        for (String type : List.of(TwinningEvents.CREATED, TwinningEvents.UPDATED, TwinningEvents.FUNDING_FLAGGED)) {
            JsonNode example = example(type);
            assertEquals(type, example.path("type").asText());
            for (String attribute : List.of("specversion", "id", "source", "subject", "time", "datacontenttype", "data")) {
                assertNotNull(example.get(attribute), type + " example lacks " + attribute);
            }
            // The data reads back as this service's own class: the examples are what the service writes.
            Twinning data = mapper.treeToValue(example.path("data"), Twinning.class);
            assertEquals(example.path("subject").asText(), data.id().toString());
        }
    }

    private ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> wanted) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            for (ConsumerRecord<String, String> record : received) {
                if (wanted.test(record)) {
                    return record;
                }
            }
            consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        }
        return fail("No such event on " + TwinningEvents.TOPIC + " within " + PATIENCE + "; received " + received.size());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private JsonNode example(String type) throws IOException {
        return ExampleEvents.example(type);
    }
}
