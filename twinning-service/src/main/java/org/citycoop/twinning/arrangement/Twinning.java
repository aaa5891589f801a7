package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.TwinningStatus;
import org.citycoop.twinning.vocabulary.CityRole;
import org.citycoop.twinning.vocabulary.TwinningKind;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.citycoop.twinning.vocabulary.ChallengeArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A twinning arrangement as the API returns it and as the events carry it (the events leave out
 * {@code history}). Field names are a contract with the matching-service: see
 * {@code src/main/resources/events/}.
 */
@Schema(name = "Twinning", description = "A twinning arrangement between cities of the registry")
public record Twinning(
        @Schema(description = "Arrangement id (UUID)")
        UUID id,
        String title,
        TwinningKind kind,
        @Schema(description = "The cities in the order they were given, with name and country from the registry")
        List<TwinnedCity> cities,
        List<ChallengeArea> themes,
        @Schema(description = "DAC 5-digit purpose codes (IATI Sector codelist)")
        List<String> sectors,
        TwinningStatus status,
        @Schema(nullable = true)
        Period period,
        @Schema(nullable = true)
        String summary,
        @Schema(nullable = true)
        String sourceUrl,
        @Schema(description = "Starts at 1 and grows by one with each change; the ETag is this number in quotes")
        int version,
        @Schema(description = "RFC 3339, UTC")
        Instant createdAt,
        @Schema(description = "RFC 3339, UTC")
        Instant updatedAt,
        @Schema(description = "Activities (exchange visits, trainings, expert dispatches, pilot projects, studies), in the order first recorded")
        List<Activity> activities,
        @Schema(description = "Outcome indicators (baseline, target, achieved), in the order first recorded")
        List<OutcomeIndicator> outcomes,
        @Schema(description = "Evaluation summary; null until one is recorded", nullable = true)
        Evaluation evaluation,
        @Schema(description = "Catalogue schemes that fund the arrangement, flagged when withdrawn or closed")
        List<FundingLink> fundingLinks,
        @Schema(description = "Source and licence of an imported arrangement (sister-city import); null for one created through the API",
                nullable = true)
        Provenance provenance,
        @Schema(description = "Every status change, oldest first; the first entry (from null to PROPOSED) is the creation. "
                + "Absent from list items and events.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<StatusChange> history) {

    /**
     * A city of the arrangement.
     *
     * @param cityId GeoNames id
     * @param name name from the registry
     * @param country ISO 3166-1 alpha-2 code from the registry
     * @param role its part in the arrangement
     */
    @Schema(name = "TwinnedCity")
    public record TwinnedCity(String cityId, String name, String country, CityRole role) {
    }

    /**
     * One entry of the lifecycle audit.
     *
     * @param from the status before, null for the creation
     * @param to the status after
     * @param at when, RFC 3339 UTC
     * @param by who: the principal name of the caller (the subject of its token), "anonymous" when it had none
     */
    @Schema(name = "StatusChange")
    public record StatusChange(@Schema(nullable = true) TwinningStatus from, TwinningStatus to, Instant at,
                               @Schema(description = "Principal name of the caller that made the change; \"anonymous\" when the request carried no identity", example = "secretariat")
                               String by) {
    }

    /** The same arrangement without its history: the data of the events. */
    public Twinning withoutHistory() {
        return new Twinning(id, title, kind, cities, themes, sectors, status, period, summary, sourceUrl, version,
                createdAt, updatedAt, activities, outcomes, evaluation, fundingLinks, provenance, null);
    }
}
