package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.SupportType;
import org.citycoop.catalog.vocabulary.ChallengeArea;
import org.citycoop.catalog.vocabulary.ApplicationChannel;
import org.citycoop.catalog.vocabulary.ApplicantType;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.citycoop.catalog.web.DecimalString;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an agency says about one of its schemes: the body of
 * {@code PUT /v1/agencies/{agencyId}/schemes/{ref}}. {@link SchemeRules} checks the codes and the rules
 * across fields and gives the normalised form that is stored and compared for idempotency.
 */
@Schema(name = "SchemeContent", description = "A support scheme as an agency pushes it. Code lists: GET /v1/vocabularies/{name}.")
public record SchemeContent(
        @NotBlank @Size(max = 300)
        @Schema(description = "Name in English", example = "Air quality monitoring support for cities")
        String name,
        @Size(max = 20)
        @Schema(description = "Name per language (BCP 47 tag, for example en, ja); en is set from name")
        Map<String, String> names,
        @Size(max = 10000)
        @Schema(description = "Description in English, or null")
        String description,
        @Size(max = 20)
        @Schema(description = "Description per language; en is set from description")
        Map<String, String> descriptions,
        @NotEmpty @Size(max = 10)
        @Schema(description = "Kinds of support, at least one")
        List<SupportType> supportTypes,
        @NotEmpty @Size(max = 20)
        @Schema(description = "Challenge areas addressed, at least one")
        List<ChallengeArea> challengeAreas,
        @Size(max = 50)
        @Schema(description = "OECD DAC 5-digit sector codes (GET /v1/vocabularies/sectors)", example = "[\"41010\"]")
        List<String> sectors,
        @Schema(description = "IATI FinanceType code (GET /v1/vocabularies/finance-types), or null", example = "110")
        String financeType,
        @Schema(description = "IATI AidType code (GET /v1/vocabularies/aid-types), or null", example = "D02")
        String aidType,
        @Size(max = 10)
        @Schema(description = "Who may apply; empty or absent when the agency does not publish it (matching then "
                + "says so instead of guessing)")
        List<ApplicantType> applicantTypes,
        @Schema(description = "How applications reach the agency, or null when not stated")
        ApplicationChannel channel,
        @Valid
        @Schema(description = "Null, or the country where the applicant needs a partner city")
        PartnerCityRequirement partnerCityRequired,
        @Size(max = 300)
        @Schema(description = "ISO 3166-1 alpha-2 codes of the countries whose applicants are eligible; empty or absent = no "
                + "country restriction (GET /v1/vocabularies/countries)", example = "[\"VN\", \"ID\"]")
        List<String> eligibleCountries,
        @Size(max = 50)
        @Schema(description = "IATI Region codes of eligible regions (GET /v1/vocabularies/regions)", example = "[\"789\"]")
        List<String> eligibleRegions,
        @Valid
        @Schema(description = "Amount per application, or null when not stated")
        FundingRange fundingRange,
        @JsonDeserialize(using = DecimalString.Deserializer.class)
        @JsonSerialize(using = DecimalString.Serializer.class)
        @Schema(type = SchemaType.STRING, description = "Share of the cost the applicant must bring, a decimal string from 0 to "
                + "1 (\"0.25\" = 25 %), or null", example = "0.25")
        BigDecimal coFinancingShare,
        @Size(max = 30)
        @Schema(description = "The application process, steps in order")
        List<@Valid ProcessStep> processSteps,
        @Valid
        @Schema(description = "When applications are accepted; null when the agency publishes no window (the scheme "
                + "then counts as OPEN and matching says the window is unknown)")
        ApplicationWindow window,
        @Size(max = 300)
        @Schema(description = "Null for a current scheme; for one kept only as history, what replaced it or why it is kept "
                + "(the scheme is then CLOSED)", example = "JICA preparatory surveys")
        String supersededBy,
        @Size(max = 2000)
        @Schema(description = "http or https URL of the agency's page on the scheme", example = "https://example.org/aq")
        String sourceUrl,
        @Schema(description = "ISO date on which the information was last checked against sourceUrl; needs sourceUrl (null "
                + "when there is no source: a date without a source would claim a check that was not made)", example = "2026-11-29")
        LocalDate verifiedOn) {
}
