package org.citycoop.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes an event to the {@code outbox_event} table inside the caller's transaction, so that the
 * state change and its event commit together or not at all. {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    jakarta.enterprise.event.Event<OutboxWritten> written;

    /**
     * Records an event; must run inside the transaction that makes the state change.
     *
     * @param topic Kafka topic, for example {@code catalog.schemes}
     * @param key the aggregate id: the Kafka key that keeps one aggregate's events in order
     * @param type CloudEvents type, for example {@code org.citycoop.catalog.scheme.updated.v1}
     * @param subject CloudEvents subject (usually the aggregate id)
     * @param data the event's data, serialised as JSON
     * @return the CloudEvents id given to the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, String subject, Object data) {
        UUID eventId = UUID.randomUUID();
        String payload;
        try {
            payload = objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data cannot be serialised: " + type, e);
        }
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (event_id, topic, message_key, event_type, subject, payload, occurred_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, subject)
                .setParameter(6, payload)
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        written.fire(new OutboxWritten(topic));
        return eventId;
    }
}
