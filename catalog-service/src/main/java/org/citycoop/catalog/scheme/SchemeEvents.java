package org.citycoop.catalog.scheme;

import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.catalog.changes.ChangeType;
import org.citycoop.platform.outbox.Outbox;
import org.citycoop.platform.outbox.OutboxEvent;

import java.util.List;

/**
 * The events of schemes: CloudEvents on topic {@code catalog.schemes}, keyed by the scheme id, data = {@link SchemeView}.
 * Examples: {@code src/main/resources/events/}. The new versions of one request (a PUT, a withdrawal, a batch) are
 * written to the outbox together, in the caller's transaction.
 */
@ApplicationScoped
public class SchemeEvents {

    /** Kafka topic. */
    public static final String TOPIC = "catalog.schemes";
    /** A scheme was published (version 1). */
    public static final String CREATED = "org.citycoop.catalog.scheme.created.v1";
    /** A scheme's content changed (its version grew). */
    public static final String UPDATED = "org.citycoop.catalog.scheme.updated.v1";
    /** A scheme was withdrawn by its agency (its version grew; status WITHDRAWN). */
    public static final String WITHDRAWN = "org.citycoop.catalog.scheme.withdrawn.v1";

    @Inject
    Outbox outbox;

    /** The event of one new version, its data the view's JSON as written for the history too. */
    public static OutboxEvent of(ChangeType change, String schemeId, String viewJson) {
        String type = switch (change) {
            case CREATED -> CREATED;
            case UPDATED -> UPDATED;
            case WITHDRAWN -> WITHDRAWN;
        };
        return new OutboxEvent(TOPIC, schemeId, type, schemeId, new RawValue(viewJson));
    }

    /** Publishes the events made by {@link #of}, in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<OutboxEvent> events) {
        outbox.recordAll(events);
    }
}
