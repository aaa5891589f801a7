package org.citycoop.catalog.activity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What an agency's IATI activities show it has funded where and in which sectors.
 *
 * @param sectors the DAC 5-digit sectors counted: those asked for, and those of the agency's schemes in the
 *     challenge area asked for; empty: every sector
 */
@Schema(name = "TrackRecord", description = "An agency's IATI activities in a country and sectors, counted")
public record TrackRecord(
        @Schema(example = "adb") String agencyId,
        @Schema(description = "The recipient country asked for, or null", example = "ID") String country,
        @Schema(description = "The challenge area asked for, or null", example = "SOLID_WASTE") String challenge,
        @Schema(description = "The DAC 5-digit sectors counted (asked for, and those of the agency's schemes in the challenge area); empty: all")
        List<String> sectors,
        @Schema(description = "How many activities") long activities,
        @Schema(description = "Sum of their commitments per currency, never converted") List<ActivityContent.Amount> committed,
        @Schema(description = "The years in which they started (actual start, else planned), in order") List<Integer> years,
        @Schema(description = "The latest last-updated-datetime among them, in UTC", example = "2026-09-30T00:00:00Z") String lastUpdated,
        @Schema(description = "Up to 5 of them, latest start first") List<ActivityView> latest) {
}
