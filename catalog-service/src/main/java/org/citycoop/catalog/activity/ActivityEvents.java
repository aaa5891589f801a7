package org.citycoop.catalog.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.platform.outbox.Outbox;
import org.citycoop.platform.outbox.OutboxEvent;

import java.util.List;

/**
 * The events of IATI activities: CloudEvents on topic {@code catalog.activities}, keyed by the activity id, data =
 * {@link ActivityView}. Examples: {@code src/main/resources/events/}. An import writes the events of each group of
 * activities to the outbox together, in its transaction.
 */
@ApplicationScoped
public class ActivityEvents {

    /** Kafka topic. */
    public static final String TOPIC = "catalog.activities";
    /** An activity was imported for the first time (version 1). */
    public static final String CREATED = "org.citycoop.catalog.activity.created.v1";
    /** An imported activity's content changed (its version grew). */
    public static final String UPDATED = "org.citycoop.catalog.activity.updated.v1";

    @Inject
    Outbox outbox;

    /** The event of a new activity. */
    public static OutboxEvent created(ActivityView activity) {
        return new OutboxEvent(TOPIC, activity.id().toString(), CREATED, activity.id().toString(), activity);
    }

    /** The event of a changed activity. */
    public static OutboxEvent updated(ActivityView activity) {
        return new OutboxEvent(TOPIC, activity.id().toString(), UPDATED, activity.id().toString(), activity);
    }

    /** Publishes the events made by {@link #created} and {@link #updated}, in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<OutboxEvent> events) {
        outbox.recordAll(events);
    }
}
