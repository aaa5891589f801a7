package org.citycoop.twinning.funding;

import org.citycoop.devstack.ExampleEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.citycoop.platform.events.CloudEventHeaders;
import org.citycoop.twinning.arrangement.TwinningEvents;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Funding links validated against the scheme read model fed by catalog.schemes (the catalogue's own example events). */
@QuarkusTest
class FundingLinksTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private final ObjectMapper mapper = new ObjectMapper();

    /** One event of catalog.schemes: the example of its type with this id, version and (when not null) name. */
    record SchemeEvent(String eventId, String type, String schemeId, long version, String name) {
        SchemeEvent(String type, String schemeId, long version) {
            this(UUID.randomUUID().toString(), type, schemeId, version, null);
        }
    }

    private void publish(String exampleType, String schemeId, long version) throws Exception {
        publishTogether(List.of(new SchemeEvent(exampleType, schemeId, version)));
    }

    /** Publishes the events in this order as one record batch on partition 0, which the consumer takes in one poll. */
    private void publishTogether(List<SchemeEvent> events) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.LINGER_MS_CONFIG, 5_000, ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (SchemeEvent event : events) {
                ObjectNode data = ExampleEvents.data(event.type()).put("id", event.schemeId()).put("version", event.version());
                if (event.name() != null) {
                    data.put("name", event.name());
                }
                ProducerRecord<String, String> record = new ProducerRecord<>("catalog.schemes", 0, event.schemeId(), data.toString());
                CloudEventHeaders.write(record.headers(), event.eventId(), "/citycoop/catalog-service", event.type(),
                        event.schemeId(), OffsetDateTime.now());
                sent.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> one : sent) {
                one.get();
            }
        }
    }

    private static <T> T await(Supplier<T> attempt, String what) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            T value = attempt.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(300);
        }
        return fail("Not within " + PATIENCE + ": " + what);
    }

    @Test
    void aLinkNeedsAKnownSchemeAndIsFlaggedWhenTheSchemeIsWithdrawn() throws Exception {
        String id = given().contentType(ContentType.JSON).body("""
                        { "title": "Kitakyushu and Cebu, funded", "cities": [ { "cityId": "1859307", "role": "MENTOR" },
                          { "cityId": "1717512", "role": "PARTNER" } ], "themes": ["SOLID_WASTE"], "kind": "TECHNICAL_COOPERATION" }""")
                .post("/v1/twinnings").then().statusCode(201).extract().path("id");
        String schemeId = UUID.randomUUID().toString();
        String link = "{ \"schemeId\": \"" + schemeId + "\", \"note\": \"2010-2012\" }";

        given().contentType(ContentType.JSON).body(link).post("/v1/twinnings/" + id + "/funding-links").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("schemeId"));

        publish(SchemeEventsConsumer.CREATED, schemeId, 1);
        Response linked = await(() -> {
            Response response = given().contentType(ContentType.JSON).body(link).post("/v1/twinnings/" + id + "/funding-links");
            return response.statusCode() == 201 ? response : null;
        }, "scheme " + schemeId + " in the read model");
        linked.then().body("fundingLinks[0].schemeId", equalTo(schemeId))
                .body("fundingLinks[0].agencyId", equalTo("unep-ietc"))
                .body("fundingLinks[0].flag", nullValue())
                .body("version", equalTo(2));
        given().contentType(ContentType.JSON).body(link).post("/v1/twinnings/" + id + "/funding-links").then().statusCode(200)
                .body("version", equalTo(2)).body("fundingLinks.size()", equalTo(1));

        publish(SchemeEventsConsumer.WITHDRAWN, schemeId, 3);
        await(() -> "SCHEME_WITHDRAWN".equals(given().get("/v1/twinnings/" + id).path("fundingLinks[0].flag")) ? true : null,
                "the link flagged");
        given().get("/v1/twinnings/" + id).then().body("version", equalTo(3)).body("fundingLinks[0].flaggedAt", org.hamcrest.Matchers.notNullValue());

        // An older event arriving late changes nothing.
        publish(SchemeEventsConsumer.UPDATED, schemeId, 2);
        String other = given().contentType(ContentType.JSON).body("""
                        { "title": "Kitakyushu and Cebu, refused funding", "cities": [ { "cityId": "1859307", "role": "MENTOR" },
                          { "cityId": "1717512", "role": "PARTNER" } ], "themes": ["SOLID_WASTE"], "kind": "TECHNICAL_COOPERATION" }""")
                .post("/v1/twinnings").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(link).post("/v1/twinnings/" + other + "/funding-links").then().statusCode(422)
                .body("errors[0].field", equalTo("schemeId"));

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "funding-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(TwinningEvents.TOPIC));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            ConsumerRecord<String, String> flagged = await(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return received.stream().filter(r -> id.equals(r.key()) && TwinningEvents.FUNDING_FLAGGED.equals(type(r)))
                        .findFirst().orElse(null);
            }, "the funding-flagged event");
            JsonNode data = mapper.readTree(flagged.value());
            assertEquals("SCHEME_WITHDRAWN", data.path("fundingLinks").path(0).path("flag").asText());
            JsonNode example = mapper.readTree(getClass().getClassLoader()
                    .getResource("events/" + TwinningEvents.FUNDING_FLAGGED + ".json"));
            assertEquals(TwinningEvents.FUNDING_FLAGGED, example.path("type").asText());
            assertEquals(new TreeSet<>(topLevel(example.path("data"))), new TreeSet<>(topLevel(data)));
            assertEquals(new TreeSet<>(topLevel(example.path("data").path("fundingLinks").path(0))),
                    new TreeSet<>(topLevel(data.path("fundingLinks").path(0))));
        }
    }

    @Test
    void schemesWithdrawnTogetherFlagTheirLinksAndNoOthers() throws Exception {
        String both = twinning("Kitakyushu and Cebu, two funders");
        String neither = twinning("Kitakyushu and Cebu, another funder");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        for (String scheme : List.of(first, second, kept)) {
            publish(SchemeEventsConsumer.CREATED, scheme, 1);
        }
        link(both, first);
        link(both, second);
        link(neither, kept);

        publish(SchemeEventsConsumer.WITHDRAWN, first, 2);
        publish(SchemeEventsConsumer.WITHDRAWN, second, 2);
        await(() -> List.of("SCHEME_WITHDRAWN", "SCHEME_WITHDRAWN").equals(given().get("/v1/twinnings/" + both).path("fundingLinks.flag"))
                ? true : null, "both links flagged");
        given().get("/v1/twinnings/" + neither).then().body("fundingLinks[0].schemeId", equalTo(kept))
                .body("fundingLinks[0].flag", nullValue()).body("version", equalTo(2));
    }

    /** One poll of catalog.schemes with withdrawals around a record the database refuses, then the same poll again. */
    @Test
    void withdrawalsAroundARefusedRecordAreFlaggedOnceAndARedeliveredPollChangesNothing() throws Exception {
        String first = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String last = UUID.randomUUID().toString();
        publishTogether(List.of(new SchemeEvent(UUID.randomUUID().toString(), SchemeEventsConsumer.CREATED, first, 1, null),
                new SchemeEvent(UUID.randomUUID().toString(), SchemeEventsConsumer.CREATED, refused, 1, null),
                new SchemeEvent(UUID.randomUUID().toString(), SchemeEventsConsumer.CREATED, last, 1, null)));
        String twinning = twinning("Withdrawals in one poll");
        link(twinning, first);
        link(twinning, refused);
        link(twinning, last);

        List<SchemeEvent> poll = List.of(new SchemeEvent(UUID.randomUUID().toString(), SchemeEventsConsumer.WITHDRAWN, first, 2, null),
                new SchemeEvent(UUID.randomUUID().toString(), SchemeEventsConsumer.UPDATED, refused, 2, "NUL \u0000 in the name"),
                new SchemeEvent(UUID.randomUUID().toString(), SchemeEventsConsumer.WITHDRAWN, refused, 3, null),
                new SchemeEvent(UUID.randomUUID().toString(), SchemeEventsConsumer.WITHDRAWN, last, 2, null));
        publishTogether(poll);
        await(() -> List.of("SCHEME_WITHDRAWN", "SCHEME_WITHDRAWN", "SCHEME_WITHDRAWN")
                .equals(given().get("/v1/twinnings/" + twinning).path("fundingLinks.flag")) ? true : null, "three links flagged");
        long flaggedVersion = given().get("/v1/twinnings/" + twinning).then().extract().jsonPath().getLong("version");

        publishTogether(poll); // the same event ids again
        String marker = UUID.randomUUID().toString();
        publishTogether(List.of(new SchemeEvent(UUID.randomUUID().toString(), SchemeEventsConsumer.CREATED, marker, 1, null)));
        link(twinning, marker);
        long afterMarker = given().get("/v1/twinnings/" + twinning).then().extract().jsonPath().getLong("version");
        assertEquals(java.util.Arrays.asList("SCHEME_WITHDRAWN", "SCHEME_WITHDRAWN", "SCHEME_WITHDRAWN", null),
                given().get("/v1/twinnings/" + twinning).path("fundingLinks.flag"));
        assertEquals(flaggedVersion + 1, afterMarker, "the redelivered poll changed nothing");
    }

    private static String twinning(String title) {
        return given().contentType(ContentType.JSON).body("""
                        { "title": "%s", "cities": [ { "cityId": "1859307", "role": "MENTOR" },
                          { "cityId": "1717512", "role": "PARTNER" } ], "themes": ["SOLID_WASTE"], "kind": "TECHNICAL_COOPERATION" }"""
                        .formatted(title))
                .post("/v1/twinnings").then().statusCode(201).extract().path("id");
    }

    private static void link(String twinningId, String schemeId) throws InterruptedException {
        await(() -> given().contentType(ContentType.JSON).body("{ \"schemeId\": \"" + schemeId + "\" }")
                .post("/v1/twinnings/" + twinningId + "/funding-links").statusCode() == 201 ? true : null,
                "scheme " + schemeId + " in the read model, linked");
    }

    private static List<String> topLevel(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
