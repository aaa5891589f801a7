package org.citycoop.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumed CloudEvent: its attributes, the Kafka key and the JSON data.
 *
 * @param id CloudEvents id (unique per event; the key of the processed-event log)
 * @param source producing service, for example {@code /citycoop/catalog-service}
 * @param type for example {@code org.citycoop.catalog.scheme.updated.v1}
 * @param subject the aggregate the event is about
 * @param time RFC 3339 time the change happened
 * @param key Kafka record key (the aggregate id)
 * @param data the JSON value
 */
public record IncomingEvent(String id, String source, String type, String subject, String time, String key, String data) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        return CloudEventHeaders.read(record.headers(), record.key(), record.value());
    }

    /** The id to record in the processed-event log: the CloudEvents id, or the record's position if absent. */
    public String idOr(ConsumerRecord<?, ?> record) {
        return id != null ? id : record.topic() + "/" + record.partition() + "/" + record.offset();
    }
}
