package org.citycoop.matching.readmodel;

import org.citycoop.devstack.ExampleEvents;
import org.citycoop.matching.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.citycoop.matching.EventPublisher;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumers against the real broker and database. Events of one test go to partition 0 of their topic, so
 * the consumer sees them in the order sent; a marker event sent last shows that everything before it was
 * handled. Events published together ({@link EventPublisher#publishTogether}) reach the consumer in one poll,
 * which it applies in one transaction.
 */
@QuarkusTest
class ReadModelConsumersTest {

    private static final String SCHEMES = "catalog.schemes";
    private static final String SCHEME_UPDATED = ReadModelConsumers.SCHEME_UPDATED;
    private static final String SCHEME_CREATED = ReadModelConsumers.SCHEME_CREATED;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;

    @Inject
    ReadModelIndex index;

    private EventPublisher events;

    @BeforeEach
    void openPublisher() {
        events = new EventPublisher();
    }

    @AfterEach
    void closePublisher() {
        events.close();
    }

    @Test
    void newerVersionReplacesOlderOrEqualIsIgnoredAndRedeliveryIsSkipped() {
        String id = UUID.randomUUID().toString();
        String firstEvent = UUID.randomUUID().toString();
        events.publish(SCHEMES, 0, firstEvent, SCHEME_CREATED, id, scheme(id, 2, "Version two"));
        awaitValue("SELECT data->>'name' FROM scheme WHERE id = ?", id, "Version two");

        events.publish(SCHEMES, 0, UUID.randomUUID().toString(), SCHEME_UPDATED, id, scheme(id, 1, "Older version"));
        events.publish(SCHEMES, 0, UUID.randomUUID().toString(), SCHEME_UPDATED, id, scheme(id, 2, "Same version again"));
        events.publish(SCHEMES, 0, firstEvent, SCHEME_UPDATED, id, scheme(id, 9, "Redelivered event id"));
        awaitMarker(SCHEMES, SCHEME_CREATED, markerId -> scheme(markerId, 1, "Marker"), "scheme");

        assertEquals("Version two", value("SELECT data->>'name' FROM scheme WHERE id = ?", id));
        assertEquals("2", value("SELECT version::text FROM scheme WHERE id = ?", id));

        events.publish(SCHEMES, 0, UUID.randomUUID().toString(), SCHEME_UPDATED, id, scheme(id, 3, "Version three"));
        awaitValue("SELECT data->>'name' FROM scheme WHERE id = ?", id, "Version three");
        assertEquals("{AIR_QUALITY}", value("SELECT challenge_areas::text FROM scheme WHERE id = ?", id));
        assertEquals("{VN,ID}", value("SELECT eligible_countries::text FROM scheme WHERE id = ?", id));
        assertEquals("FIXED", value("SELECT window_kind FROM scheme WHERE id = ?", id));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndDoesNotBlockTheNextOne() {
        String poisonKey = UUID.randomUUID().toString();
        events.publish(SCHEMES, 0, UUID.randomUUID().toString(), SCHEME_UPDATED, poisonKey, "this is not JSON {");
        String noVersionKey = UUID.randomUUID().toString();
        ObjectNode noVersion = ExampleEvents.data(ReadModelConsumers.SCHEME_UPDATED).put("id", noVersionKey);
        noVersion.remove("version");
        events.publish(SCHEMES, 0, UUID.randomUUID().toString(), SCHEME_UPDATED, noVersionKey, noVersion.toString());
        String next = UUID.randomUUID().toString();
        events.publish(SCHEMES, 0, UUID.randomUUID().toString(), SCHEME_UPDATED, next, scheme(next, 1, "After the poison"));

        awaitValue("SELECT data->>'name' FROM scheme WHERE id = ?", next, "After the poison");
        assertNull(value("SELECT id FROM scheme WHERE id = ?", noVersionKey));
        Map<String, List<ConsumerRecord<String, String>>> dead = deadLettersOnceAllOf(List.of(poisonKey, noVersionKey));
        assertEquals("this is not JSON {", dead.get(poisonKey).get(0).value());
        assertNotNull(dead.get(poisonKey).get(0).headers().lastHeader("dead-letter-reason"));
        String reason = header(dead.get(noVersionKey).get(0), "dead-letter-reason");
        assertTrue(reason.contains("no data.id or data.version"), reason);
        assertNull(dead.get(next), "the event after the poison is not on the dead-letter topic");
    }

    @Test
    void poisonRecordsInAPollGoAloneToTheDeadLetterTopicAndTheGoodOnesAroundThemAreApplied() {
        String first = UUID.randomUUID().toString();
        String poisonKey = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String noIdKey = UUID.randomUUID().toString();
        ObjectNode noId = ExampleEvents.data(ReadModelConsumers.SCHEME_UPDATED);
        noId.remove("id");
        String third = UUID.randomUUID().toString();
        events.publishTogether(SCHEMES, 0, List.of(
                event(SCHEME_CREATED, first, scheme(first, 1, "Before the poison")),
                event(SCHEME_UPDATED, poisonKey, "{ \"id\": \"truncated"),
                event(SCHEME_CREATED, second, scheme(second, 1, "Between the poisons")),
                event(SCHEME_UPDATED, noIdKey, noId.toString()),
                event(SCHEME_CREATED, third, scheme(third, 1, "After the poisons"))));

        awaitValue("SELECT data->>'name' FROM scheme WHERE id = ?", third, "After the poisons");
        assertEquals("Before the poison", value("SELECT data->>'name' FROM scheme WHERE id = ?", first));
        assertEquals("Between the poisons", value("SELECT data->>'name' FROM scheme WHERE id = ?", second));
        await().atMost(PATIENCE).until(() -> List.of(first, second, third).stream().allMatch(id -> index.scheme(id).isPresent()));

        Map<String, List<ConsumerRecord<String, String>>> dead = deadLettersOnceAllOf(List.of(poisonKey, noIdKey));
        assertEquals(1, dead.get(poisonKey).size());
        assertEquals("{ \"id\": \"truncated", dead.get(poisonKey).get(0).value());
        String reason = header(dead.get(noIdKey).get(0), "dead-letter-reason");
        assertTrue(reason.contains("no data.id or data.version"), reason);
        assertEquals(SCHEMES, header(dead.get(noIdKey).get(0), "dead-letter-topic"));
        for (String good : List.of(first, second, third)) {
            assertNull(dead.get(good), "a good record of the poll is not on the dead-letter topic");
        }
    }

    @Test
    void aRecordTheDatabaseRefusesGoesAloneToTheDeadLetterTopicAndTheRestOfThePollIsApplied() {
        String before = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        // It reads well, but its deadline is past PostgreSQL's last timestamp (year 294276; SQLSTATE 22008): the
        // poll's transaction fails, and its records are then applied one per transaction.
        ObjectNode farFuture = schemeNode(refused, 1, "Deadline out of the database's range");
        ((ObjectNode) farFuture.path("window")).put("deadline", "+300000-01-01T00:00:00Z");
        events.publishTogether(SCHEMES, 0, List.of(
                event(SCHEME_CREATED, before, scheme(before, 1, "Before the refused one")),
                event(SCHEME_CREATED, refused, farFuture.toString()),
                event(SCHEME_CREATED, after, scheme(after, 1, "After the refused one"))));

        Map<String, List<ConsumerRecord<String, String>>> dead = deadLettersOnceAllOf(List.of(refused));
        assertEquals(1, dead.get(refused).size());
        String reason = header(dead.get(refused).get(0), "dead-letter-reason");
        assertTrue(reason.contains("out of range"), reason);
        assertNull(dead.get(before));
        assertNull(dead.get(after));
        awaitValue("SELECT data->>'name' FROM scheme WHERE id = ?", after, "After the refused one");
        assertEquals("Before the refused one", value("SELECT data->>'name' FROM scheme WHERE id = ?", before));
        assertNull(value("SELECT id FROM scheme WHERE id = ?", refused));
    }

    @Test
    void versionsOfOneSchemeInOnePollEndWithTheHighestInTheDatabaseAndTheIndex() {
        String id = UUID.randomUUID().toString();
        events.publishTogether(SCHEMES, 0, List.of(
                event(SCHEME_CREATED, id, scheme(id, 2, "Version two")),
                event(SCHEME_UPDATED, id, scheme(id, 1, "Version one, late")),
                event(SCHEME_UPDATED, id, scheme(id, 3, "Version three")),
                event(SCHEME_UPDATED, id, scheme(id, 2, "Version two again"))));
        awaitMarker(SCHEMES, SCHEME_CREATED, markerId -> scheme(markerId, 1, "Marker"), "scheme");

        assertEquals("3", value("SELECT version::text FROM scheme WHERE id = ?", id));
        assertEquals("Version three", value("SELECT data->>'name' FROM scheme WHERE id = ?", id));
        await().atMost(PATIENCE).until(() -> index.scheme(id).map(SchemeData::version).orElse(0L) == 3);
        assertEquals("Version three", index.scheme(id).orElseThrow().name());
    }

    @Test
    void aRedeliveredEventInTheSamePollIsSkipped() {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        events.publishTogether(SCHEMES, 0, List.of(
                new EventPublisher.Event(eventId, SCHEME_CREATED, id, scheme(id, 1, "First delivery")),
                new EventPublisher.Event(eventId, SCHEME_UPDATED, id, scheme(id, 2, "Same event id again"))));
        awaitMarker(SCHEMES, SCHEME_CREATED, markerId -> scheme(markerId, 1, "Marker"), "scheme");
        assertEquals("First delivery", value("SELECT data->>'name' FROM scheme WHERE id = ?", id));
        assertEquals("1", value("SELECT count(*)::text FROM processed_event WHERE event_id = ?", eventId));
    }

    @Test
    void aWithdrawalStoresTheSchemeAsWithdrawnAndUnknownTypesAreSkipped() {
        String id = UUID.randomUUID().toString();
        events.publish(SCHEMES, 0, UUID.randomUUID().toString(), SCHEME_CREATED, id, scheme(id, 1, "To be withdrawn"));
        events.publish(SCHEMES, 0, UUID.randomUUID().toString(), ReadModelConsumers.SCHEME_WITHDRAWN, id,
                ((ObjectNode) ServiceJson.MAPPER.valueToTree(schemeNode(id, 2, "Withdrawn"))).put("status", "OPEN").toString());
        awaitValue("SELECT status FROM scheme WHERE id = ?", id, "WITHDRAWN");
        assertEquals("WITHDRAWN", value("SELECT data->>'status' FROM scheme WHERE id = ?", id));

        String unknownType = UUID.randomUUID().toString();
        events.publish(SCHEMES, 0, UUID.randomUUID().toString(), "org.citycoop.catalog.scheme.archived.v1", unknownType,
                scheme(unknownType, 1, "Unknown type"));
        awaitMarker(SCHEMES, SCHEME_CREATED, markerId -> scheme(markerId, 1, "Marker"), "scheme");
        assertNull(value("SELECT id FROM scheme WHERE id = ?", unknownType));
    }

    @Test
    void agenciesAreStoredWithNameAndAcronym() {
        String id = "agency-" + UUID.randomUUID();
        ObjectNode agency = ExampleEvents.data(ReadModelConsumers.AGENCY_UPDATED).put("id", id).put("version", 4).put("acronym", "NEW");
        events.publish("catalog.agencies", ReadModelConsumers.AGENCY_UPDATED, id, agency.toString());
        awaitValue("SELECT acronym FROM agency WHERE id = ?", id, "NEW");
        assertEquals("UN Environment Programme, International Environmental Technology Centre",
                value("SELECT name FROM agency WHERE id = ?", id));
    }

    @Test
    void arrangementsKeepTheirCitiesAndOnlyNewerVersionsReplaceThem() {
        String topic = "twinning.arrangements";
        String type = ReadModelConsumers.ARRANGEMENT_UPDATED;
        String id = UUID.randomUUID().toString();
        ObjectNode active = ExampleEvents.data(ReadModelConsumers.ARRANGEMENT_UPDATED).put("id", id);
        events.publish(topic, 0, UUID.randomUUID().toString(), type, id, active.toString());
        awaitValue("SELECT status FROM arrangement WHERE id = ?", id, "ACTIVE");
        assertEquals("{1859307,1625822}", value("SELECT city_ids::text FROM arrangement WHERE id = ?", id));

        ObjectNode older = ExampleEvents.data(ReadModelConsumers.ARRANGEMENT_UPDATED).put("id", id).put("version", 2).put("status", "PROPOSED");
        events.publish(topic, 0, UUID.randomUUID().toString(), type, id, older.toString());
        awaitMarker(topic, type, markerId -> ExampleEvents.data(ReadModelConsumers.ARRANGEMENT_UPDATED).put("id", markerId).toString(), "arrangement");
        assertEquals("ACTIVE", value("SELECT status FROM arrangement WHERE id = ?", id));

        ObjectNode completed = ExampleEvents.data(ReadModelConsumers.ARRANGEMENT_UPDATED).put("id", id).put("version", 4).put("status", "COMPLETED");
        events.publish(topic, 0, UUID.randomUUID().toString(), type, id, completed.toString());
        awaitValue("SELECT status FROM arrangement WHERE id = ?", id, "COMPLETED");

        // a flagged funding link publishes the arrangement with a higher version: the last record of its key on the
        // compacted topic may be this one, so a fresh read model would lack the arrangement if it were skipped
        ObjectNode flagged = ExampleEvents.data(ReadModelConsumers.ARRANGEMENT_FUNDING_FLAGGED).put("id", id).put("version", 5)
                .put("title", "Flagged");
        events.publish(topic, 0, UUID.randomUUID().toString(), ReadModelConsumers.ARRANGEMENT_FUNDING_FLAGGED, id, flagged.toString());
        awaitValue("SELECT version::text FROM arrangement WHERE id = ?", id, "5");
    }

    private static EventPublisher.Event event(String type, String key, String value) {
        return new EventPublisher.Event(UUID.randomUUID().toString(), type, key, value);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        assertNotNull(record.headers().lastHeader(name), name);
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ObjectNode schemeNode(String id, int version, String name) {
        return ExampleEvents.data(ReadModelConsumers.SCHEME_UPDATED).put("id", id).put("version", version).put("name", name);
    }

    private static String scheme(String id, int version, String name) {
        return schemeNode(id, version, name).toString();
    }

    /** Sends a marker event after the ones before it on partition 0 and waits until it is stored. */
    private void awaitMarker(String topic, String type, Function<String, String> data, String table) {
        String markerId = UUID.randomUUID().toString();
        events.publish(topic, 0, UUID.randomUUID().toString(), type, markerId, data.apply(markerId));
        awaitValue("SELECT id FROM " + table + " WHERE id = ?", markerId, markerId);
    }

    private void awaitValue(String sql, String id, String expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> expected.equals(value(sql, id)));
    }

    private String value(String sql, String id) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads matching.dead-letter from the start until it holds a record for each of {@code keys}, then on to the
     * end it had at that moment; returns every record read by key. The connector writes a nacked poll's records one
     * after the other, so whatever was dead-lettered with those keys has been read.
     */
    private static Map<String, List<ConsumerRecord<String, String>>> deadLettersOnceAllOf(List<String> keys) {
        Map<String, List<ConsumerRecord<String, String>>> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("matching.dead-letter"));
            Runnable read = () -> consumer.poll(Duration.ofMillis(500))
                    .forEach(record -> found.computeIfAbsent(record.key(), any -> new ArrayList<>()).add(record));
            await().atMost(PATIENCE).until(() -> {
                read.run();
                return found.keySet().containsAll(keys);
            });
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            await().atMost(PATIENCE).until(() -> {
                read.run();
                return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
            });
        }
        return found;
    }
}
