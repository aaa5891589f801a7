package org.citycoop.twinning.city;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.citycoop.twinning.vocabulary.ChallengeArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * One area of expertise a city offers, or one need it has: a challenge area, optionally narrowed to DAC
 * 5-digit sectors, with evidence. Stored as JSON in {@code city_profile}, returned and carried by events as is.
 *
 * @param area the challenge area
 * @param sectors DAC 5-digit purpose codes (IATI Sector codelist) within the area; may be empty
 * @param evidence what shows it: a twinning arrangement of this city, or a web page
 * @param note plain text, or null
 */
@Schema(name = "Expertise", description = "A challenge area (and DAC sectors) a city offers or needs, with evidence")
public record Expertise(
        @NotNull
        ChallengeArea area,
        @Schema(description = "DAC 5-digit purpose codes (IATI Sector codelist), distinct; may be empty", example = "[\"14050\"]")
        @Size(max = 20)
        List<@NotNull String> sectors,
        @Schema(description = "Evidence: an arrangement this city takes part in, or a web page. An offer needs at least one.")
        @Size(max = 20)
        List<@NotNull @Valid Evidence> evidence,
        @Schema(nullable = true, maxLength = 2000)
        @Size(max = 2000)
        String note) {

    /**
     * What shows an expertise or need: exactly one of an arrangement id and a URL.
     *
     * @param arrangementId a twinning arrangement this city takes part in, or null
     * @param url an http or https page, or null
     */
    @Schema(name = "Evidence", description = "Exactly one of `arrangementId` and `url`")
    public record Evidence(
            @Schema(description = "A twinning arrangement the city takes part in", nullable = true)
            UUID arrangementId,
            @Schema(description = "http or https URL of a report or page", nullable = true)
            @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL")
            String url) {
    }

    /** The sectors, never null. */
    public List<String> sectorsOrEmpty() {
        return sectors == null ? List.of() : sectors;
    }

    /** The evidence, never null. */
    public List<Evidence> evidenceOrEmpty() {
        return evidence == null ? List.of() : evidence;
    }

    /** The same entry with empty lists in place of null ones (the stored form). */
    public Expertise normalised() {
        return new Expertise(area, sectorsOrEmpty(), evidenceOrEmpty(), note);
    }
}
