package org.citycoop.matching.match;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Match;
import org.citycoop.matching.scoring.SchemeLanguages;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.SupportType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The answer of {@code POST /v1/matches}: {@code { "items": [ { "scheme": {...}, "score": 0.82, "eligible": true,
 * "explanation": [...] } ] }}, best first.
 */
@Schema(name = "MatchList", description = "Matches, best first: eligible ones by score (then agency id and reference), then ineligible ones when asked for")
public record MatchList(List<Item> items) {

    /** The list of ranked matches, with scheme names in the first of {@code languages} each scheme has. */
    public static MatchList of(List<MatchService.RankedMatch> ranked, List<String> languages) {
        return new MatchList(ranked.stream().map(match -> item(match, languages)).toList());
    }

    private static Item item(MatchService.RankedMatch ranked, List<String> languages) {
        Match match = ranked.match();
        var scheme = match.scheme();
        SchemeLanguages.Name name = SchemeLanguages.name(scheme, languages);
        return new Item(new SchemeSummary(scheme.id(), scheme.agencyId(), ranked.agencyName(),
                ranked.agencyAcronym(), scheme.ref(), name.text(), name.language(), match.status(),
                scheme.supportTypes(), scheme.challengeAreas(), scheme.applicantTypes(), scheme.channel(),
                scheme.partnerCityRequired(), scheme.eligibleCountries(), scheme.eligibleRegions(), scheme.fundingRange(),
                scheme.coFinancingShare(), scheme.window(), scheme.sourceUrl()),
                match.score(), match.eligible(), match.explanation());
    }

    /**
     * One matching scheme.
     *
     * @param scheme the scheme, as the catalogue describes it
     * @param score how well it fits, 0 to 1 (3 decimals)
     * @param eligible false when a hard criterion failed
     * @param explanation one entry per criterion: the hard ones (relevance, applicantType, country, status,
     *     deadline, partnerCity), then the soft ones (challenges, supportTypes, budget, sectors,
     *     coFinancing, language)
     */
    @Schema(name = "Match")
    public record Item(
            SchemeSummary scheme,
            @Schema(description = "Weighted fit in [0, 1], 3 decimals", example = "0.82", minimum = "0", maximum = "1")
            double score,
            @Schema(description = "False when a hard criterion failed (only with includeIneligible=true)")
            boolean eligible,
            @Schema(description = "One entry per criterion: hard ones first, then soft ones")
            List<Assessment> explanation) {
    }

    /**
     * A scheme in a match result.
     *
     * @param id the catalogue's scheme id
     * @param agencyId agency slug
     * @param agencyName the agency's name (absent until the read model has the agency)
     * @param agencyAcronym the agency's acronym (absent until the read model has the agency, or when it has none)
     * @param ref the agency's reference
     * @param name in the first requested language the scheme has, else English
     * @param status at the time of matching
     * @param supportTypes what it gives
     * @param challengeAreas what it addresses
     * @param applicantTypes who may apply ({@code ANY} for everyone)
     * @param channel how a local government applies, for example {@code THROUGH_NATIONAL_GOVERNMENT}
     * @param partnerCityRequired set when an applicant needs a partner city in a given country
     * @param eligibleCountries ISO 3166-1 alpha-2 codes; empty with no regions means open everywhere
     * @param eligibleRegions DAC recipient region codes
     * @param fundingRange smallest and largest award
     * @param coFinancingShare the share of the cost the applicant brings itself (decimal string 0 to 1), absent when none
     * @param window when applications are taken
     * @param sourceUrl where the agency describes it
     */
    @Schema(name = "MatchedScheme")
    public record SchemeSummary(
            @Schema(example = "0b6f3f7e-2d4c-4a8e-bb1e-5c8f1a2d9e10") String id,
            @Schema(example = "unep-ietc") String agencyId,
            @Schema(example = "UN Environment Programme, International Environmental Technology Centre") String agencyName,
            @Schema(example = "UNEP-IETC") String agencyAcronym,
            @Schema(example = "AQ-2027-01") String ref,
            @Schema(description = "In the first requested language the scheme has, else English",
                    example = "Air quality monitoring support for cities") String name,
            @Schema(description = "The language of name (a BCP 47 primary tag): one of the requested languages, or en",
                    example = "en") String nameLanguage,
            @Schema(description = "Status at the time of matching (a FIXED window past its deadline is CLOSED)") SchemeStatus status,
            List<SupportType> supportTypes,
            List<ChallengeArea> challengeAreas,
            @Schema(description = "Who may apply (ANY for everyone), as the catalogue's scheme says") List<ApplicantType> applicantTypes,
            @Schema(description = "How a local government applies (the catalogue's ApplicationChannel), absent when not stated",
                    example = "THROUGH_NATIONAL_GOVERNMENT") String channel,
            @Schema(description = "Set when the applicant city needs a partner city in this country")
            SchemeData.PartnerCityRequirement partnerCityRequired,
            @Schema(description = "ISO 3166-1 alpha-2 codes; empty with no regions means open to every country") List<String> eligibleCountries,
            @Schema(description = "DAC recipient region codes (IATI Region codelist)") List<String> eligibleRegions,
            SchemeData.FundingRange fundingRange,
            @Schema(description = "Share of the cost the applicant must bring itself, a decimal from 0 to 1; absent when none",
                    example = "0.2") String coFinancingShare,
            SchemeData.ApplicationWindow window,
            @Schema(example = "https://example.org/aq") String sourceUrl) {
    }
}
