package org.citycoop.twinning.arrangement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * A measured outcome of an arrangement, as stored (JSON column {@code twinning_arrangement.outcomes}),
 * returned and carried by the events. Values are decimals in {@code unit}; each may be null when the source
 * does not give it. Dates are ISO 8601 of reduced precision ({@link ReducedPrecisionDate}).
 *
 * @param ref the client's key of the indicator within the arrangement
 * @param name what is measured, for example "household waste to landfill"
 * @param unit the unit of the values, for example "tonnes/day" or "%"
 * @param baseline the value before the arrangement, or null
 * @param baselineDate when the baseline was measured, or null
 * @param target the value aimed at, or null
 * @param targetDate when the target is to be reached, or null
 * @param achieved the value reached, or null while not measured
 * @param achievedDate when the achieved value was measured, or null
 * @param note plain text: qualifiers the source gives ("over 20%"), method, caveats; or null
 */
@Schema(name = "OutcomeIndicator", description = "A measured outcome of a twinning arrangement")
public record OutcomeIndicator(
        @Schema(description = "Key of the indicator within the arrangement (letters, digits, '-', '_')", example = "non-revenue-water")
        String ref,
        @Schema(example = "Non-revenue water")
        String name,
        @Schema(description = "Unit of baseline, target and achieved", example = "%")
        String unit,
        @Schema(nullable = true, example = "72")
        BigDecimal baseline,
        @Schema(description = "ISO 8601 date of reduced precision", nullable = true, example = "1993")
        String baselineDate,
        @Schema(nullable = true)
        BigDecimal target,
        @Schema(description = "ISO 8601 date of reduced precision", nullable = true)
        String targetDate,
        @Schema(nullable = true, example = "8")
        BigDecimal achieved,
        @Schema(description = "ISO 8601 date of reduced precision", nullable = true, example = "2006")
        String achievedDate,
        @Schema(description = "Qualifiers, method or caveats the source gives", nullable = true)
        String note) {
}
