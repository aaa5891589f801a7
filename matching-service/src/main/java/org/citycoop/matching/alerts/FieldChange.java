package org.citycoop.matching.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One field of a scheme's match that differs between two evaluations.
 *
 * @param field {@code eligible}, {@code status}, {@code window.deadline}, {@code fundingRange.min} or
 *     {@code fundingRange.max}
 * @param before the value before (null when absent)
 * @param after the value after (null when absent)
 */
@Schema(name = "FieldChange", description = "A field that differs between the last evaluation and this one")
public record FieldChange(
        @Schema(example = "window.deadline") String field,
        @Schema(description = "Value before (a string, number, boolean or money object); absent when there was none") Object before,
        @Schema(description = "Value after; absent when there is none") Object after) {
}
