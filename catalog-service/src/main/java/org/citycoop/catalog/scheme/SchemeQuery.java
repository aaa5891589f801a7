package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.SchemeStatus;
import org.citycoop.catalog.vocabulary.SupportType;
import org.citycoop.catalog.vocabulary.ChallengeArea;
import org.citycoop.catalog.vocabulary.ApplicantType;
import jakarta.ws.rs.QueryParam;
import org.citycoop.catalog.agency.AgencyRules;
import org.citycoop.catalog.vocabulary.RegionMembers;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.catalog.vocabulary.Vocabulary;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The filter parameters shared by {@code GET /v1/schemes}, {@code GET /v1/schemes:facets} and
 * {@code GET /v1/schemes:export} (a JAX-RS bean parameter). {@link #filter} checks them: a bad value is a 400
 * problem naming the parameter.
 */
public class SchemeQuery {

    static final int MAX_TEXT = 200;
    private static final String LANGUAGE_TAG = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}";

    @Parameter(description = "Challenge area addressed", schema = @Schema(type = SchemaType.ARRAY, implementation = ChallengeArea.class))
    @QueryParam("challenge")
    List<String> challenge;

    @Parameter(description = "Kind of support given", schema = @Schema(type = SchemaType.ARRAY, implementation = SupportType.class))
    @QueryParam("supportType")
    List<String> supportType;

    @Parameter(description = "OECD DAC 5-digit sector code (GET /v1/vocabularies/sectors)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @QueryParam("sector")
    List<String> sector;

    @Parameter(description = "IATI FinanceType code (GET /v1/vocabularies/finance-types)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @QueryParam("financeType")
    List<String> financeType;

    @Parameter(description = "IATI AidType code (GET /v1/vocabularies/aid-types)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @QueryParam("aidType")
    List<String> aidType;

    @Parameter(description = "Applicant type: schemes open to it, including those open to ANY",
            schema = @Schema(type = SchemaType.ARRAY, implementation = ApplicantType.class))
    @QueryParam("applicantType")
    List<String> applicantType;

    @Parameter(description = "ISO 3166-1 alpha-2 code: schemes open to applicants of this country: it is in eligibleCountries, "
            + "or in one of the eligibleRegions (IATI regions expand to their member countries), or the scheme has neither "
            + "(no restriction)")
    @QueryParam("country")
    String country;

    @Parameter(description = "Status now: FORECASTED, OPEN (open now), CLOSED, WITHDRAWN",
            schema = @Schema(type = SchemaType.ARRAY, implementation = SchemeStatus.class))
    @QueryParam("status")
    List<String> status;

    @Parameter(description = "Agency id", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @QueryParam("agency")
    List<String> agency;

    @Parameter(description = "RFC 3339 time with offset: schemes whose deadline is at or after it (schemes without deadline "
            + "excluded; for a yearly window, its first deadline)", example = "2027-01-01T00:00:00+09:00")
    @QueryParam("deadlineAfter")
    String deadlineAfter;

    @Parameter(description = "RFC 3339 time with offset: schemes whose deadline is at or before it", example = "2027-06-30T23:59:00+09:00")
    @QueryParam("deadlineBefore")
    String deadlineBefore;

    @Parameter(description = "Decimal amount: schemes whose funding range reaches at least this amount (needs currency)", example = "50000")
    @QueryParam("amountMin")
    String amountMin;

    @Parameter(description = "Decimal amount: schemes whose funding range starts at or below this amount (needs currency)", example = "200000")
    @QueryParam("amountMax")
    String amountMax;

    @Parameter(description = "ISO 4217 currency of amountMin and amountMax: only funding bounds in this currency are compared "
            + "(no conversion between currencies)", example = "USD")
    @QueryParam("currency")
    String currency;

    @Parameter(description = "BCP 47 language tag: schemes with a name or description in this language", example = "ja")
    @QueryParam("language")
    String language;

    @Parameter(description = "Full text, at most 200 characters: English words in the English name or description (stemmed: "
            + "'monitor' finds 'monitoring'; websearch syntax: \"a phrase\", -word, or), or a case-insensitive part of a name or "
            + "description in any language (how Japanese, written without spaces, is found: 大気質)")
    @QueryParam("q")
    String q;

    /** The checked filter. */
    SchemeFilter filter(Vocabularies vocabularies, RegionMembers regions) {
        String country = code(vocabularies, Vocabulary.COUNTRIES, "country", this.country);
        return new SchemeFilter(
                QueryParams.enums("challenge", challenge, ChallengeArea.class),
                QueryParams.enums("supportType", supportType, SupportType.class),
                codes(vocabularies, Vocabulary.SECTORS, "sector", sector),
                codes(vocabularies, Vocabulary.FINANCE_TYPES, "financeType", financeType),
                codes(vocabularies, Vocabulary.AID_TYPES, "aidType", aidType),
                QueryParams.enums("applicantType", applicantType, ApplicantType.class),
                country,
                country == null ? List.of() : regions.regionsOf(country),
                QueryParams.enums("status", status, SchemeStatus.class),
                agencies(agency),
                deadlineAfter(),
                time("deadlineBefore", deadlineBefore),
                amount(vocabularies),
                language(language),
                text(q));
    }

    /** deadlineAfter, refused when it is after deadlineBefore (a range nothing can fall in), as amountMin above amountMax is. */
    private java.time.Instant deadlineAfter() {
        java.time.Instant after = time("deadlineAfter", deadlineAfter);
        java.time.Instant before = time("deadlineBefore", deadlineBefore);
        if (after != null && before != null && after.isAfter(before)) {
            throw ProblemException.badRequest("deadlineAfter", "must not be after deadlineBefore");
        }
        return after;
    }

    /** Whether q was given (relevance is then the default order). */
    boolean hasText() {
        return q != null && !q.isBlank();
    }

    private static List<String> codes(Vocabularies vocabularies, Vocabulary vocabulary, String parameter, List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> !v.isEmpty()).map(v -> code(vocabularies, vocabulary, parameter, v)).distinct().toList();
    }

    private static String code(Vocabularies vocabularies, Vocabulary vocabulary, String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (vocabularies.list(vocabulary).find(value).isEmpty()) {
            throw ProblemException.badRequest(parameter, "unknown " + vocabulary.label() + " code '" + value
                    + "'; the codes are listed at GET " + vocabulary.allowedListUrl());
        }
        return value;
    }

    private static List<String> agencies(List<String> agencies) {
        if (agencies == null) {
            return List.of();
        }
        for (String agency : agencies) {
            if (agency.length() > AgencyRules.ID_MAX_LENGTH || !agency.matches(AgencyRules.ID_PATTERN)) {
                throw ProblemException.badRequest("agency", "must be an agency id: a lower-case slug such as unep-ietc, got '"
                        + agency + "'");
            }
        }
        return agencies.stream().distinct().toList();
    }

    private static Instant time(String parameter, String value) {
        OffsetDateTime time = QueryParams.timestamp(parameter, value);
        return time == null ? null : time.toInstant();
    }

    private SchemeFilter.AmountRange amount(Vocabularies vocabularies) {
        BigDecimal min = decimal("amountMin", amountMin);
        BigDecimal max = decimal("amountMax", amountMax);
        if (min == null && max == null) {
            if (currency != null) {
                throw ProblemException.badRequest("currency", "is only used with amountMin or amountMax");
            }
            return null;
        }
        if (currency == null) {
            throw ProblemException.badRequest("currency", "is required with amountMin or amountMax: amounts are compared "
                    + "in one currency, without conversion");
        }
        code(vocabularies, Vocabulary.CURRENCIES, "currency", currency);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw ProblemException.badRequest("amountMin", "must not be above amountMax");
        }
        return new SchemeFilter.AmountRange(min, max, currency);
    }

    private static BigDecimal decimal(String parameter, String value) {
        BigDecimal amount = QueryParams.decimal(parameter, value, "50000 or 1250.50");
        if (amount != null && (amount.signum() < 0 || amount.precision() - amount.scale() > 15)) {
            throw ProblemException.badRequest(parameter, "must be a non-negative decimal amount such as 50000 or 1250.50, "
                    + "at most 15 digits before the point");
        }
        return amount;
    }

    private static String language(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        if (!language.matches(LANGUAGE_TAG)) {
            throw ProblemException.badRequest("language", "must be a BCP 47 language tag such as en or ja");
        }
        return language;
    }

    private static String text(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > MAX_TEXT) {
            throw ProblemException.badRequest("q", "must be at most " + MAX_TEXT + " characters");
        }
        return q.strip();
    }
}
