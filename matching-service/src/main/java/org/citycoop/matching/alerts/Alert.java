package org.citycoop.matching.alerts;

import org.citycoop.matching.scoring.Assessment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An alert for a saved need, as listed by {@code GET /v1/needs/{id}/alerts}, published on {@code matching.alerts}
 * ({@code org.citycoop.matching.alert.raised.v1}) and delivered to webhooks.
 *
 * @param id the alert's id
 * @param needId the saved need
 * @param scheme the scheme it is about
 * @param reason why it was raised
 * @param changes the per-field difference from the last evaluation
 * @param failedCriteria for {@code NO_LONGER_MATCHING}: the hard criteria that fail now, with the reason
 * @param score the match's score now (absent when it no longer matches)
 * @param createdAt when it was raised
 * @param version always 1 (alerts never change)
 */
@Schema(name = "Alert", description = "A scheme newly matches a saved need, stops matching it, or changed in a field that matters")
public record Alert(
        UUID id,
        UUID needId,
        SchemeRef scheme,
        AlertReason reason,
        List<FieldChange> changes,
        @Schema(description = "For NO_LONGER_MATCHING: the hard criteria that fail now")
        List<Assessment> failedCriteria,
        @Schema(description = "The score now, absent when it no longer matches", example = "0.82")
        Double score,
        OffsetDateTime createdAt,
        long version) {

    /**
     * The scheme an alert is about.
     *
     * @param id the catalogue's scheme id
     * @param agencyId the agency's slug
     * @param ref the agency's reference
     * @param name default (English) name
     * @param version the catalogue's version of the scheme when evaluated
     */
    @Schema(name = "AlertScheme")
    public record SchemeRef(String id, String agencyId, String ref, String name, Long version) {
    }
}
