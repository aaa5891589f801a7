package org.citycoop.matching;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.citycoop.platform.events.CloudEventHeaders;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Publishes events as the other services' outbox relays do (CloudEvents binary mode, JSON value), with a plain
 * Kafka producer against the test broker, and waits for the broker's acknowledgement.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

    /** Publishes with a new event id, to the partition the key hashes to; returns the event id. */
    public String publish(String topic, String type, String key, String value) {
        String eventId = UUID.randomUUID().toString();
        publish(topic, null, eventId, type, key, value);
        return eventId;
    }

    /**
     * Publishes one event.
     *
     * @param partition the partition, or null for the one the key hashes to (tests that rely on order give one)
     */
    public void publish(String topic, Integer partition, String eventId, String type, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, key, value);
        CloudEventHeaders.write(record.headers(), eventId, "/citycoop/test", type, key, OffsetDateTime.now());
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
