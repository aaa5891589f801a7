package org.citycoop.matching.scoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SupportType;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.vocabulary.CountryCodes;
import org.citycoop.platform.vocabulary.SectorCodelist;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a city asks for (DESIGN.md, "A city asks for matches"). The annotations check the form of each field;
 * {@link #violations(SectorCodelist)} the rules that span the field's value and a code list.
 *
 * @param cityId GeoNames id of the city; needed for the partner-city rule
 * @param country ISO 3166-1 alpha-2 code of the city's country
 * @param applicantType who would apply
 * @param challenges the city's challenges, each area once, priority 1 (highest) to 5
 * @param supportTypes the kinds of support wanted (empty: any)
 * @param budget the money needed (absent: not stated)
 * @param languages language tags for names and descriptions, preferred first (empty: the Accept-Language header)
 * @param sectors DAC 5-digit purpose codes of the work (empty: not stated)
 * @param coFinancing the money the city can bring itself (absent: not stated)
 */
@Schema(name = "NeedsProfile", description = "What a city asks for")
public record NeedsProfile(
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
        List<@NotNull Challenge> challenges,
        @Schema(description = "Kinds of support wanted; empty or absent: any")
        @Size(max = 20)
        List<@NotNull SupportType> supportTypes,
        @Schema(description = "The money needed; absent: not stated")
        @Valid
        Money budget,
        @Schema(description = "Language tags (BCP 47) for names, preferred first; absent: the Accept-Language header, then English",
                example = "[\"en\"]")
        @Size(max = 20)
        List<@NotNull @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,15}", message = "must be a language tag such as \"en\" or \"ja\"") String> languages,
        @Schema(description = "DAC 5-digit purpose codes (IATI Sector codelist) of the work; empty or absent: not stated",
                example = "[\"14050\"]")
        @Size(max = 50)
        List<@NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a DAC 5-digit purpose code such as \"14050\"") String> sectors,
        @Schema(description = "Money the city can bring as co-financing (same currency as the budget to be compared); absent: not stated")
        @Valid
        Money coFinancing) {

    public NeedsProfile {
        supportTypes = supportTypes == null ? List.of() : supportTypes;
        languages = languages == null ? List.of() : languages;
        sectors = sectors == null ? List.of() : sectors;
    }

    /** A profile that states no sectors and no co-financing. */
    public NeedsProfile(String cityId, String country, ApplicantType applicantType, List<Challenge> challenges,
                        List<SupportType> supportTypes, Money budget, List<String> languages) {
        this(cityId, country, applicantType, challenges, supportTypes, budget, languages, null, null);
    }

    /** The same profile asking for names in {@code preferred} languages. */
    public NeedsProfile withLanguages(List<String> preferred) {
        return new NeedsProfile(cityId, country, applicantType, challenges, supportTypes, budget, preferred, sectors, coFinancing);
    }

    /** The challenge areas asked for. */
    public Set<ChallengeArea> challengeAreas() {
        Set<ChallengeArea> areas = new HashSet<>();
        challenges.forEach(challenge -> areas.add(challenge.area()));
        return areas;
    }

    /**
     * Rules the annotations cannot express, for a profile whose fields have the right form: the country is an
     * ISO 3166-1 code (the JDK's list), the budget's currency an active ISO 4217 code (IATI's Currency codelist), no challenge
     * area comes twice, and each sector is an active code of the IATI Sector codelist, listed once.
     *
     * @param sectorCodelist the IATI Sector codelist (DAC 5-digit purpose codes)
     * @return one entry per failing field, empty when the profile is acceptable
     */
    public List<Problem.FieldError> violations(SectorCodelist sectorCodelist) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!CountryCodes.isKnown(country)) {
            errors.add(new Problem.FieldError("country", CountryCodes.problemWith(country)));
        }
        checkCurrency("coFinancing.currency", coFinancing, errors);
        checkCurrency("budget.currency", budget, errors);
        Set<ChallengeArea> seen = new HashSet<>();
        for (int i = 0; i < challenges.size(); i++) {
            if (!seen.add(challenges.get(i).area())) {
                errors.add(new Problem.FieldError("challenges[" + i + "].area",
                        "'" + challenges.get(i).area() + "' is listed twice; give each area once"));
            }
        }
        Set<String> seenSectors = new HashSet<>();
        for (int i = 0; i < sectors.size(); i++) {
            String field = "sectors[" + i + "]";
            Optional<String> problem = sectorCodelist.problemWith(sectors.get(i));
            if (problem.isPresent()) {
                errors.add(new Problem.FieldError(field, problem.get()));
            } else if (!seenSectors.add(sectors.get(i))) {
                errors.add(new Problem.FieldError(field, "'" + sectors.get(i) + "' is listed twice; give each sector once"));
            }
        }
        return errors;
    }

    private static void checkCurrency(String field, Money money, List<Problem.FieldError> errors) {
        if (money != null && !org.citycoop.platform.vocabulary.CurrencyCodes.isKnown(money.currency())) {
            errors.add(new Problem.FieldError(field, org.citycoop.platform.vocabulary.CurrencyCodes.problemWith(money.currency())));
        }
    }

    /**
     * One challenge of the city.
     *
     * @param area the challenge area
     * @param priority 1 (highest) to 5 (lowest)
     */
    @Schema(name = "Challenge", description = "A challenge area and its priority (1 highest, 5 lowest)")
    public record Challenge(
            @Schema(required = true) @NotNull ChallengeArea area,
            @Schema(description = "1 (highest) to 5 (lowest)", minimum = "1", maximum = "5", required = true, example = "1")
            @NotNull @Min(1) @Max(5) Integer priority) {
    }
}
