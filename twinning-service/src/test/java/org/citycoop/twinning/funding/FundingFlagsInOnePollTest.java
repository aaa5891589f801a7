package org.citycoop.twinning.funding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.citycoop.platform.events.CloudEventHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** One poll of catalog.schemes with withdrawals around a record the database refuses, then the same poll again. */
@QuarkusTest
class FundingFlagsInOnePollTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String CREATED = "org.citycoop.catalog.scheme.created.v1";
    private static final String WITHDRAWN = "org.citycoop.catalog.scheme.withdrawn.v1";
    private static final String UPDATED = "org.citycoop.catalog.scheme.updated.v1";
    private final ObjectMapper mapper = new ObjectMapper();

    record Ev(String eventId, String type, String schemeId, long version, String name) {
    }

    @Test
    void withdrawalsAroundARefusedRecordAreFlaggedOnceAndARedeliveredPollChangesNothing() throws Exception {
        String first = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String last = UUID.randomUUID().toString();
        together(List.of(new Ev(UUID.randomUUID().toString(), CREATED, first, 1, null),
                new Ev(UUID.randomUUID().toString(), CREATED, refused, 1, null),
                new Ev(UUID.randomUUID().toString(), CREATED, last, 1, null)));
        String twinning = twinning("Withdrawals in one poll");
        link(twinning, first);
        link(twinning, refused);
        link(twinning, last);
        long version = given().get("/v1/twinnings/" + twinning).then().extract().jsonPath().getLong("version");

        List<Ev> poll = List.of(new Ev(UUID.randomUUID().toString(), WITHDRAWN, first, 2, null),
                new Ev(UUID.randomUUID().toString(), UPDATED, refused, 2, "NUL \u0000 in the name"),
                new Ev(UUID.randomUUID().toString(), WITHDRAWN, refused, 3, null),
                new Ev(UUID.randomUUID().toString(), WITHDRAWN, last, 2, null));
        together(poll);
        await(() -> List.of("SCHEME_WITHDRAWN", "SCHEME_WITHDRAWN", "SCHEME_WITHDRAWN")
                .equals(given().get("/v1/twinnings/" + twinning).path("fundingLinks.flag")) ? true : null, "three links flagged");
        long flaggedVersion = given().get("/v1/twinnings/" + twinning).then().extract().jsonPath().getLong("version");

        together(poll); // the same event ids again
        String marker = UUID.randomUUID().toString();
        together(List.of(new Ev(UUID.randomUUID().toString(), CREATED, marker, 1, null)));
        link(twinning, marker);
        long afterMarker = given().get("/v1/twinnings/" + twinning).then().extract().jsonPath().getLong("version");
        assertEquals(java.util.Arrays.asList("SCHEME_WITHDRAWN", "SCHEME_WITHDRAWN", "SCHEME_WITHDRAWN", null),
                given().get("/v1/twinnings/" + twinning).path("fundingLinks.flag"));
        System.out.println("BREAK versions: linked " + version + ", flagged " + flaggedVersion + ", after marker link " + afterMarker);
        assertEquals(flaggedVersion + 1, afterMarker, "the redelivered poll changed nothing");
    }

    private void together(List<Ev> events) throws Exception {
        JsonNode created = mapper.readTree(CatalogSchemeExamplesTest.EVENTS.resolve(CREATED + ".json").toFile());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.LINGER_MS_CONFIG, 5_000, ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            List<Future<RecordMetadata>> sent = events.stream().map(event -> {
                ObjectNode data = ((ObjectNode) created.path("data")).deepCopy().put("id", event.schemeId()).put("version", event.version());
                if (event.name() != null) {
                    data.put("name", event.name());
                }
                ProducerRecord<String, String> record = new ProducerRecord<>("catalog.schemes", 0, event.schemeId(), data.toString());
                CloudEventHeaders.write(record.headers(), event.eventId(), "/citycoop/catalog-service", event.type(),
                        event.schemeId(), OffsetDateTime.now());
                return producer.send(record);
            }).toList();
            producer.flush();
            for (Future<RecordMetadata> one : sent) {
                one.get();
            }
        }
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

    private static <T> T await(java.util.function.Supplier<T> attempt, String what) throws InterruptedException {
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
}
