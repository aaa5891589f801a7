package org.citycoop.matching.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.platform.outbox.Outbox;

/**
 * The events of alerts: CloudEvents on topic {@code matching.alerts}, keyed by the need's id (a need's alerts stay in
 * order), subject the alert's id, data = {@link Alert}. Example: {@code src/main/resources/events/}. Written to the
 * outbox in the caller's transaction.
 */
@ApplicationScoped
public class AlertEvents {

    /** Kafka topic. */
    public static final String TOPIC = "matching.alerts";
    /** An alert was raised. */
    public static final String RAISED = "org.citycoop.matching.alert.raised.v1";

    @Inject
    Outbox outbox;

    /** Publishes {@link #RAISED}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raised(Alert alert) {
        outbox.record(TOPIC, alert.needId().toString(), RAISED, alert.id().toString(), alert);
    }
}
