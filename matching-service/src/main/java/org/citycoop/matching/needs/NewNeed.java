package org.citycoop.matching.needs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SupportType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The body of {@code POST /v1/needs} and {@code PUT /v1/needs/{id}}: the body of {@code POST /v1/matches}
 * ({@link NeedsProfile}, same fields, same rules) plus a {@code name}.
 */
@Schema(name = "NewNeed", description = "A needs profile to save: the body of POST /v1/matches plus a name")
public record NewNeed(
        @Schema(description = "What the city calls this profile", example = "Kitakyushu-style waste programme", required = true)
        @NotBlank @Size(max = 200)
        String name,
        @Schema(description = "GeoNames id of the city (digits); needed when a scheme requires a partner city", example = "1625822")
        @Pattern(regexp = "[0-9]{1,12}", message = "must be a GeoNames id (digits only)")
        String cityId,
        @Schema(description = "ISO 3166-1 alpha-2 code of the city's country", example = "ID", required = true)
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code of two upper-case letters")
        String country,
        @Schema(description = "Who would apply", required = true)
        @NotNull
        ApplicantType applicantType,
        @Schema(description = "The city's challenges, each area at most once; priority 1 is the highest", required = true)
        @NotEmpty @Valid
        List<NeedsProfile.@NotNull Challenge> challenges,
        @Schema(description = "Kinds of support wanted; empty or absent: any")
        @Size(max = 20)
        List<@NotNull SupportType> supportTypes,
        @Schema(description = "The money needed; absent: not stated")
        @Valid
        Money budget,
        @Schema(description = "Language tags (BCP 47) for names, preferred first; absent: English", example = "[\"en\"]")
        @Size(max = 20)
        List<@NotNull @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,15}", message = "must be a language tag such as \"en\" or \"ja\"") String> languages,
        @Schema(description = "DAC 5-digit purpose codes (IATI Sector codelist) of the work; empty or absent: not stated",
                example = "[\"14050\"]")
        @Size(max = 50)
        List<@NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a DAC 5-digit purpose code such as \"14050\"") String> sectors,
        @Schema(description = "Money the city can bring as co-financing (same currency as the budget to be compared); absent: not stated")
        @Valid
        Money coFinancing) {

    /** The needs profile without the name. */
    public NeedsProfile profile() {
        return new NeedsProfile(cityId, country, applicantType, challenges, supportTypes, budget, languages, sectors, coFinancing);
    }
}
