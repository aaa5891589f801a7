package org.citycoop.platform.outbox;

/**
 * An event to record in the outbox ({@link Outbox#recordAll}).
 *
 * @param topic Kafka topic, for example {@code catalog.schemes}
 * @param key the aggregate id: the Kafka key that keeps one aggregate's events in order
 * @param type CloudEvents type, for example {@code org.citycoop.catalog.scheme.updated.v1}
 * @param subject CloudEvents subject (usually the aggregate id)
 * @param data the event's data, serialised as JSON (a Jackson {@code RawValue} is written as it is)
 */
public record OutboxEvent(String topic, String key, String type, String subject, Object data) {
}
