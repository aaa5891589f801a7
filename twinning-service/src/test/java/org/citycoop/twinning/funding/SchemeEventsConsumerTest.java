package org.citycoop.twinning.funding;

import org.citycoop.devstack.ExampleEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.citycoop.platform.events.CloudEventHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The consumer of catalog.schemes against the real broker and database, one Kafka poll at a time: the records of a
 * test are produced as one record batch on partition 0, so the consumer receives them in one poll, in this order.
 */
@QuarkusTest
class SchemeEventsConsumerTest {

    private static final String TOPIC = "catalog.schemes";
    private static final String CREATED = SchemeEventsConsumer.CREATED;
    private static final String UPDATED = SchemeEventsConsumer.UPDATED;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    DataSource dataSource;

    private record Event(String type, String key, String value) {
    }

    @Test
    void poisonRecordsOfAPollGoAloneToTheDeadLetterTopicAndTheGoodOnesAreApplied() throws Exception {
        String first = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String noVersion = UUID.randomUUID().toString();
        ObjectNode withoutVersion = scheme(noVersion, 1, "No version");
        withoutVersion.remove("version");
        publishTogether(List.of(new Event(CREATED, first, scheme(first, 1, "Before the poison").toString()),
                new Event(UPDATED, poison, "not JSON at all"),
                new Event(CREATED, second, scheme(second, 1, "Between the poisons").toString()),
                new Event(UPDATED, noVersion, withoutVersion.toString())));

        awaitTrue(() -> "Between the poisons".equals(value("SELECT name FROM scheme WHERE id = ?", second)), "the second scheme");
        assertEquals("Before the poison", value("SELECT name FROM scheme WHERE id = ?", first));
        assertNull(value("SELECT id FROM scheme WHERE id = ?", noVersion));

        Map<String, List<ConsumerRecord<String, String>>> dead = deadLettersOnceAllOf(List.of(poison, noVersion));
        assertEquals("not JSON at all", dead.get(poison).get(0).value());
        String reason = new String(dead.get(noVersion).get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("no data.id or data.version"), reason);
        assertNull(dead.get(first), "a good record of the poll is not on the dead-letter topic");
        assertNull(dead.get(second), "a good record of the poll is not on the dead-letter topic");
    }

    @Test
    void versionsOfOneSchemeInOnePollEndWithTheHighest() throws Exception {
        String id = UUID.randomUUID().toString();
        publishTogether(List.of(new Event(CREATED, id, scheme(id, 2, "Version two").toString()),
                new Event(UPDATED, id, scheme(id, 1, "Version one, late").toString()),
                new Event(UPDATED, id, scheme(id, 3, "Version three").toString()),
                new Event(UPDATED, id, scheme(id, 2, "Version two again").toString())));
        String marker = UUID.randomUUID().toString();
        publishTogether(List.of(new Event(CREATED, marker, scheme(marker, 1, "Marker").toString())));
        awaitTrue(() -> marker.equals(value("SELECT id FROM scheme WHERE id = ?", marker)), "the marker");

        assertEquals("3", value("SELECT version::text FROM scheme WHERE id = ?", id));
        assertEquals("Version three", value("SELECT name FROM scheme WHERE id = ?", id));
    }

    private ObjectNode scheme(String id, long version, String name) throws IOException {
        return ExampleEvents.data(CREATED).put("id", id).put("version", version).put("name", name);
    }

    /** Produces the events as one record batch on partition 0 (held back until flushed) and waits for the broker. */
    private static void publishTogether(List<Event> events) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.LINGER_MS_CONFIG, 5_000,
                ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Event event : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, 0, event.key(), event.value());
                CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(), "/citycoop/catalog-service", event.type(),
                        event.key(), OffsetDateTime.now());
                sent.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> one : sent) {
                one.get();
            }
        }
    }

    /**
     * Reads twinning.dead-letter from the start until it holds a record for each of {@code keys}, then on to the end
     * it had at that moment; returns every record read by key.
     */
    private static Map<String, List<ConsumerRecord<String, String>>> deadLettersOnceAllOf(List<String> keys) throws InterruptedException {
        Map<String, List<ConsumerRecord<String, String>>> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("twinning.dead-letter"));
            Runnable read = () -> consumer.poll(Duration.ofMillis(500))
                    .forEach(record -> found.computeIfAbsent(record.key(), any -> new ArrayList<>()).add(record));
            awaitTrue(() -> {
                read.run();
                return found.keySet().containsAll(keys);
            }, "dead letters " + keys);
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            awaitTrue(() -> {
                read.run();
                return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
            }, "the end of the dead-letter topic");
        }
        return found;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                fail("Not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(200);
        }
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
}
