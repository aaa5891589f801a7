package org.citycoop.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The message log of an idempotent consumer: an event id is recorded in the same transaction as the
 * change it causes, so a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /**
     * Records that {@code consumer} processes {@code eventId}.
     *
     * @return true the first time, false when the event was processed before (skip it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return entityManager.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }
}
