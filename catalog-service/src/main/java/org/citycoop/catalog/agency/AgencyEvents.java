package org.citycoop.catalog.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.platform.outbox.Outbox;

/**
 * The events of agencies: CloudEvents on topic {@code catalog.agencies}, keyed by the agency id, data =
 * {@link AgencyView}. Examples: {@code src/main/resources/events/}. Each method writes its event to the outbox in the
 * caller's transaction.
 */
@ApplicationScoped
public class AgencyEvents {

    /** Kafka topic. */
    public static final String TOPIC = "catalog.agencies";
    /** An agency was registered (version 1). */
    public static final String CREATED = "org.citycoop.catalog.agency.created.v1";
    /** An agency's details changed (its version grew). */
    public static final String UPDATED = "org.citycoop.catalog.agency.updated.v1";

    @Inject
    Outbox outbox;

    /** Publishes {@link #CREATED}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(AgencyView agency) {
        outbox.record(TOPIC, agency.id(), CREATED, agency.id(), agency);
    }

    /** Publishes {@link #UPDATED}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(AgencyView agency) {
        outbox.record(TOPIC, agency.id(), UPDATED, agency.id(), agency);
    }
}
