package org.citycoop.twinning.arrangement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /v1/twinnings/{id}/evaluation}. */
@Schema(name = "EvaluationRequest", description = "The evaluation summary to record (or replace)")
public record EvaluationRequest(
        @Schema(maxLength = 4000)
        @NotBlank @Size(max = 4000)
        String summary,
        @Schema(description = "ISO 8601 date of reduced precision", nullable = true)
        String evaluatedOn,
        @Schema(description = "http or https URL of the evaluation report", nullable = true)
        @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL")
        String sourceUrl) {

    public Evaluation toEvaluation() {
        return new Evaluation(summary.strip(), evaluatedOn, sourceUrl);
    }
}
