package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.CityRole;
import org.citycoop.twinning.vocabulary.TwinningKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.citycoop.twinning.vocabulary.ChallengeArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The body of {@code POST /v1/twinnings}. Besides these constraints, {@link TwinningRules} checks what
 * needs the registry or a codelist: distinct cities that exist, known sectors, a period in order.
 */
@Schema(name = "NewTwinning", description = "A twinning arrangement to propose")
public record NewTwinning(
        @Schema(description = "Short title", example = "Kitakyushu and Surabaya composting cooperation", maxLength = 300)
        @NotBlank @Size(max = 300)
        String title,
        @Schema(description = "2 to 10 distinct cities of the registry, each with its role")
        @NotNull @Size(min = 2, max = 10)
        List<@NotNull @Valid CityParticipation> cities,
        @Schema(description = "Challenge areas the arrangement works on (distinct); may be empty")
        List<@NotNull ChallengeArea> themes,
        @Schema(description = "DAC 5-digit purpose codes from the IATI Sector codelist (distinct, active codes); may be empty",
                example = "[\"14050\"]")
        List<@NotNull String> sectors,
        @Schema(description = "Kind of arrangement")
        @NotNull
        TwinningKind kind,
        @Schema(description = "When the arrangement runs, if known")
        @Valid
        Period period,
        @Schema(description = "What the arrangement is about, in plain text", maxLength = 4000)
        @Size(max = 4000)
        String summary,
        @Schema(description = "Web page that documents the arrangement (http or https)", example = "https://example.org/kitakyushu-surabaya")
        @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL")
        String sourceUrl) {

    /**
     * A city taking part.
     *
     * @param cityId GeoNames id of a city of the registry
     * @param role its part in the arrangement
     */
    @Schema(name = "CityParticipation", description = "A city of the registry and its role")
    public record CityParticipation(
            @Schema(description = "GeoNames id of a city in the registry (see GET /v1/cities)", example = "1859307")
            @NotBlank
            String cityId,
            @NotNull
            CityRole role) {
    }

    /** The themes, never null. */
    public List<ChallengeArea> themesOrEmpty() {
        return themes == null ? List.of() : themes;
    }

    /** The sectors, never null. */
    public List<String> sectorsOrEmpty() {
        return sectors == null ? List.of() : sectors;
    }
}
