package org.citycoop.twinning.arrangement;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * When an arrangement runs: ISO 8601 dates of reduced precision ({@link ReducedPrecisionDate}).
 *
 * @param start year, month or day it began, required
 * @param end year, month or day it ended, or null while open-ended; not before {@code start}
 */
@Schema(name = "Period", description = "When the arrangement runs; dates are ISO 8601 of reduced precision "
        + "(YYYY, YYYY-MM or YYYY-MM-DD); `end` is null while open-ended and may not lie before `start`")
public record Period(
        @Schema(description = "Year, month or day it began", example = "2004")
        @NotBlank
        String start,
        @Schema(description = "Year, month or day it ended; null while open-ended", example = "2012-04", nullable = true)
        String end) {
}
