package org.citycoop.twinning.arrangement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.platform.outbox.Outbox;

/**
 * The events of twinning arrangements: CloudEvents on topic {@code twinning.arrangements}, keyed by the
 * arrangement id, data = {@link Twinning} without {@code history}. Examples: {@code src/main/resources/events/}.
 * Each method writes its event to the outbox in the caller's transaction.
 */
@ApplicationScoped
public class TwinningEvents {

    /** Kafka topic. */
    public static final String TOPIC = "twinning.arrangements";
    /** An arrangement was proposed (version 1). */
    public static final String CREATED = "org.citycoop.twinning.arrangement.created.v1";
    /** An arrangement changed status (its version grew). */
    public static final String UPDATED = "org.citycoop.twinning.arrangement.updated.v1";

    /**
     * A scheme linked to the arrangement was withdrawn or closed: the link is flagged (data: the arrangement,
     * with the flagged link; its version grew).
     */
    public static final String FUNDING_FLAGGED = "org.citycoop.twinning.arrangement.funding-flagged.v1";

    @Inject
    Outbox outbox;

    /** Publishes {@link #CREATED}: the arrangement was proposed, or imported. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Twinning twinning) {
        publish(CREATED, twinning);
    }

    /** Publishes {@link #UPDATED}: the arrangement changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(Twinning twinning) {
        publish(UPDATED, twinning);
    }

    /** Publishes {@link #FUNDING_FLAGGED}: a link of the arrangement to a scheme was flagged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fundingFlagged(Twinning twinning) {
        publish(FUNDING_FLAGGED, twinning);
    }

    private void publish(String type, Twinning twinning) {
        String id = twinning.id().toString();
        outbox.record(TOPIC, id, type, id, twinning.withoutHistory());
    }
}
