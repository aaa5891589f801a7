package org.citycoop.matching;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.citycoop.platform.events.CloudEventHeaders;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes events as the other services' outbox relays do (CloudEvents binary mode, JSON value), with a plain
 * Kafka producer against the test broker, and waits for the broker's acknowledgement. The producer holds records
 * back ({@code linger.ms}) until {@link #publishTogether} or {@link #publish} flushes them, so the records of one
 * {@code publishTogether} travel as one Kafka record batch, which a consumer receives in one poll.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 5_000,
            ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20,
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
        publishTogether(topic, partition, List.of(new Event(eventId, type, key, value)));
    }

    /** Publishes one event in the W3C trace context {@code traceparent} (a header beside the CloudEvents ones). */
    public String publishTraced(String topic, String type, String key, String value, String traceparent) {
        String eventId = UUID.randomUUID().toString();
        send(List.of(record(topic, null, new Event(eventId, type, key, value), traceparent)));
        return eventId;
    }

    /** Publishes the events in this order as one record batch (one poll for the consumer) and waits for the broker. */
    public void publishTogether(String topic, Integer partition, List<Event> events) {
        send(events.stream().map(event -> record(topic, partition, event, null)).toList());
    }

    private static ProducerRecord<String, String> record(String topic, Integer partition, Event event, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, event.key(), event.value());
        CloudEventHeaders.write(record.headers(), event.id(), "/citycoop/test", event.type(), event.key(), OffsetDateTime.now());
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return record;
    }

    private void send(List<ProducerRecord<String, String>> records) {
        List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
        producer.flush();
        try {
            for (Future<RecordMetadata> one : sent) {
                one.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + records.get(0).topic(), e);
        }
    }

    /** One event to publish: CloudEvents id and type, Kafka key, JSON value. */
    public record Event(String id, String type, String key, String value) {
    }

    @Override
    public void close() {
        producer.close();
    }
}
