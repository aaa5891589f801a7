package org.citycoop.matching.subscriptions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a subscription's delivery log.
 *
 * @param id the delivery's id (header {@code webhook-id}, the same on every retry)
 * @param status PENDING (waiting or retrying), DELIVERED (a 2xx answer) or FAILED (out of attempts)
 * @param digest true for a daily digest
 * @param alertIds the alerts it carries
 * @param attempts attempts made so far
 * @param nextAttemptAt when the next attempt is due (PENDING only)
 * @param lastStatusCode HTTP status of the last attempt (absent when there was no answer)
 * @param lastError why the last attempt failed
 * @param createdAt when it was queued
 * @param deliveredAt when the receiver accepted it
 */
@Schema(name = "Delivery", description = "A webhook delivery and its attempts")
public record Delivery(UUID id, DeliveryStatus status, boolean digest, List<UUID> alertIds, int attempts,
                       OffsetDateTime nextAttemptAt, Integer lastStatusCode, String lastError, OffsetDateTime createdAt,
                       OffsetDateTime deliveredAt) {

    /** Where a delivery stands. */
    public enum DeliveryStatus {
        PENDING, DELIVERED, FAILED
    }
}
