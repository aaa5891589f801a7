package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.SchemeStatus;
import org.citycoop.catalog.vocabulary.SupportType;
import org.citycoop.catalog.vocabulary.ChallengeArea;
import org.citycoop.catalog.vocabulary.ApplicantType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The filters of {@code GET /v1/schemes} (and its facets and export), parsed; empty lists and nulls filter
 * nothing. Repeated values of one filter mean "any of"; different filters must all hold.
 *
 * @param challengeAreas schemes addressing any of these areas
 * @param supportTypes schemes giving any of these kinds of support
 * @param sectors schemes in any of these DAC 5-digit sectors
 * @param financeTypes schemes of any of these IATI finance types
 * @param aidTypes schemes of any of these IATI aid types
 * @param applicantTypes schemes open to any of these applicant types (schemes open to ANY included)
 * @param country schemes open to applicants of this country: listed in eligibleCountries, member of one of the
 *     eligibleRegions, or no restriction at all (neither countries nor regions)
 * @param countryRegions the IATI regions {@code country} belongs to ({@code RegionMembers}); empty without country
 * @param statuses schemes whose status, now, is any of these
 * @param agencyIds schemes of any of these agencies
 * @param deadlineAfter schemes whose (first) deadline is at or after this instant
 * @param deadlineBefore schemes whose (first) deadline is at or before this instant
 * @param amount schemes whose funding range overlaps this one, or null
 * @param language schemes with a name or description in this language (BCP 47 tag), or null
 * @param text full text: English words (stemmed) in the English name or description, or a case-insensitive
 *     substring of a name or description in any language (how Japanese is found)
 */
record SchemeFilter(List<ChallengeArea> challengeAreas, List<SupportType> supportTypes, List<String> sectors,
                    List<String> financeTypes, List<String> aidTypes, List<ApplicantType> applicantTypes,
                    String country, List<String> countryRegions, List<SchemeStatus> statuses, List<String> agencyIds,
                    Instant deadlineAfter, Instant deadlineBefore, AmountRange amount, String language, String text) {

    /** Nothing filtered. */
    static SchemeFilter none() {
        return new SchemeFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(),
                List.of(), null, null, null, null, null);
    }

    /**
     * The part of this filter only PostgreSQL evaluates (deadlines, amounts, language, full text): the facet index
     * evaluates the code filters on its own values ({@link SchemeFacetIndex#count}).
     */
    SchemeFilter databaseOnly() {
        return new SchemeFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(),
                List.of(), deadlineAfter, deadlineBefore, amount, language, text);
    }

    /**
     * An amount range in one currency; either bound may be null. A scheme overlaps it when one of its funding
     * bounds is in this currency, its maximum (in this currency) is not below {@code min} and its minimum (in
     * this currency) is not above {@code max}. No conversion between currencies.
     */
    record AmountRange(BigDecimal min, BigDecimal max, String currency) {
    }
}
