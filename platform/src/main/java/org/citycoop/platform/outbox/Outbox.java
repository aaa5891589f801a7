package org.citycoop.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.citycoop.platform.events.EventTracing;
import org.citycoop.platform.storage.DatabaseTime;
import org.hibernate.Session;

import java.sql.PreparedStatement;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an event to the {@code outbox_event} table inside the caller's transaction, so that the
 * state change and its event commit together or not at all, with the trace context of the request that made the
 * change ({@link EventTracing}). {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    DatabaseTime time;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    jakarta.enterprise.event.Event<OutboxWritten> written;

    @Inject
    EventTracing tracing;

    /**
     * Records an event; must run inside the transaction that makes the state change.
     *
     * @param topic Kafka topic, for example {@code catalog.schemes}
     * @param key the aggregate id: the Kafka key that keeps one aggregate's events in order
     * @param type CloudEvents type, for example {@code org.citycoop.catalog.scheme.updated.v1}
     * @param subject CloudEvents subject (usually the aggregate id)
     * @param data the event's data, serialised as JSON (a Jackson {@code RawValue} is written as it is)
     * @return the CloudEvents id given to the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, String subject, Object data) {
        return recordAll(List.of(new OutboxEvent(topic, key, type, subject, data))).get(0);
    }

    /**
     * Records events in the order given, in one JDBC batch (one round trip for many events); must run inside the
     * transaction that makes the state changes.
     *
     * @return the CloudEvents ids given to the events, in the same order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(events.size());
        List<String> payloads = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            ids.add(UUID.randomUUID());
            try {
                payloads.add(objectMapper.writeValueAsString(event.data()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Event data cannot be serialised: " + event.type(), e);
            }
        }
        OffsetDateTime occurredAt = time.nowUtc();
        Map<String, String> trace = tracing.current();
        // JDBC batch through the session's connection: no flush of the persistence context per event (which a native
        // query would make), and one round trip for the whole list.
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (event_id, topic, message_key, event_type, subject, payload, occurred_at,
                        traceparent, tracestate)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < events.size(); i++) {
                    OutboxEvent event = events.get(i);
                    insert.setObject(1, ids.get(i));
                    insert.setString(2, event.topic());
                    insert.setString(3, event.key());
                    insert.setString(4, event.type());
                    insert.setString(5, event.subject());
                    insert.setString(6, payloads.get(i));
                    insert.setObject(7, occurredAt);
                    insert.setString(8, trace.get("traceparent"));
                    insert.setString(9, trace.get("tracestate"));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        events.stream().map(OutboxEvent::topic).distinct().forEach(topic -> written.fire(new OutboxWritten(topic)));
        return ids;
    }
}
