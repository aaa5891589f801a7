package org.citycoop.twinning.arrangement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The evaluation summary of an arrangement: what it achieved, in words, and where that is written down.
 *
 * @param summary plain text
 * @param evaluatedOn ISO 8601 date of reduced precision of the evaluation, or null when unknown
 * @param sourceUrl the evaluation report (http or https), or null
 */
@Schema(name = "Evaluation", description = "Evaluation summary of a twinning arrangement")
public record Evaluation(
        @Schema(description = "What the arrangement achieved, in plain text", example = "Waste cut by over 20%; over a dozen composting centres.")
        String summary,
        @Schema(description = "ISO 8601 date of reduced precision of the evaluation", nullable = true, example = "2009")
        String evaluatedOn,
        @Schema(description = "The evaluation report (http or https URL)", nullable = true)
        String sourceUrl) {
}
