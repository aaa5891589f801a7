package org.citycoop.twinning.arrangement;

/**
 * The events of twinning arrangements: CloudEvents on topic {@code twinning.arrangements}, keyed by the
 * arrangement id, data = {@link Twinning} without {@code history}. Examples: {@code src/main/resources/events/}.
 */
public final class TwinningEvents {

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

    private TwinningEvents() {
    }
}
