package org.citycoop.twinning.arrangement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * The body of {@code PUT /v1/twinnings/{id}/outcomes/{ref}}: an outcome indicator. Values may be null when
 * unknown; {@link ContentRules} checks the dates.
 */
@Schema(name = "OutcomeRequest", description = "An outcome indicator to record (or replace) under its ref")
public record OutcomeRequest(
        @Schema(maxLength = 300, example = "Household waste to landfill")
        @NotBlank @Size(max = 300)
        String name,
        @Schema(maxLength = 50, example = "tonnes/day")
        @NotBlank @Size(max = 50)
        String unit,
        @Schema(nullable = true) BigDecimal baseline,
        @Schema(description = "ISO 8601 date of reduced precision", nullable = true) String baselineDate,
        @Schema(nullable = true) BigDecimal target,
        @Schema(description = "ISO 8601 date of reduced precision", nullable = true) String targetDate,
        @Schema(nullable = true) BigDecimal achieved,
        @Schema(description = "ISO 8601 date of reduced precision", nullable = true) String achievedDate,
        @Schema(maxLength = 2000, nullable = true)
        @Size(max = 2000)
        String note) {

    /** The stored indicator under {@code ref}. */
    public OutcomeIndicator toIndicator(String ref) {
        return new OutcomeIndicator(ref, name.strip(), unit.strip(), baseline, baselineDate, target, targetDate,
                achieved, achievedDate, note);
    }
}
