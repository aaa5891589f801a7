package org.citycoop.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The message log of an idempotent consumer: an event id is recorded in the same transaction as the
 * change it causes, so a redelivered event is recognised and skipped. {@link EventBatches} records the ids of
 * a whole poll with one statement.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /**
     * Records that {@code consumer} processes each of {@code eventIds}, with one statement.
     *
     * @return the ids recorded now, the first delivery of each; an id missing from it was processed before (skip
     *         it). An id given twice is returned once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        @SuppressWarnings("unchecked")
        List<String> recorded = entityManager.createNativeQuery("""
                        WITH recorded AS (
                            INSERT INTO processed_event (consumer, event_id)
                            SELECT DISTINCT ?1, event_id FROM unnest(CAST(?2 AS text[])) AS event_id
                            ON CONFLICT DO NOTHING
                            RETURNING event_id)
                        SELECT event_id FROM recorded""")
                .unwrap(NativeQuery.class)
                .setParameter(1, consumer, String.class)
                .setParameter(2, eventIds.toArray(String[]::new), String[].class)
                .getResultList();
        return new HashSet<>(recorded);
    }
}
