package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.catalog.vocabulary.Vocabulary;
import org.citycoop.catalog.web.DecimalString;
import org.citycoop.catalog.web.HttpUrls;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules a scheme's content must follow beyond the shape of its JSON (which Jackson and Bean
 * Validation check): codes from the vocabularies, rules across fields, and the normal form that is
 * stored and compared to decide whether a PUT changes anything.
 */
public final class SchemeRules {

    /** An agency's own reference for a scheme, as it appears in the URL: at least one letter or digit ("." and ".." are path steps). */
    public static final String REF_PATTERN = "(?=.*[A-Za-z0-9])[A-Za-z0-9._-]{1,64}";
    /** A language tag as keys of {@code names} and {@code descriptions}: BCP 47 shape, language in lower case. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,15}");
    private static final int MAX_NAME = 300;
    private static final int MAX_DESCRIPTION = 10000;

    private final Vocabularies vocabularies;

    public SchemeRules(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    /**
     * Checks the content and returns its normal form: {@code names.en} and {@code descriptions.en} filled
     * from {@code name} and {@code description} (and {@code description} from {@code descriptions.en});
     * set-like lists without duplicates and sorted (enums in declaration order, codes as text); absent
     * lists empty; amounts without trailing zeros; a funding range with neither bound null.
     *
     * @throws ProblemException 422 naming every failing field by its JSON path
     */
    public SchemeContent normalise(SchemeContent c) {
        List<Problem.FieldError> errors = new ArrayList<>();
        noNullElements("supportTypes", c.supportTypes(), errors);
        noNullElements("challengeAreas", c.challengeAreas(), errors);
        noNullElements("applicantTypes", c.applicantTypes(), errors);
        noNullElements("processSteps", c.processSteps(), errors);
        checkTexts("names", c.names(), MAX_NAME, errors);
        checkTexts("descriptions", c.descriptions(), MAX_DESCRIPTION, errors);
        sameAsPrimary("names.en", c.names(), c.name(), "name", errors);
        sameAsPrimary("descriptions.en", c.descriptions(), c.description(), "description", errors);

        vocabularies.checkAll(Vocabulary.SECTORS, "sectors", c.sectors(), errors);
        vocabularies.check(Vocabulary.FINANCE_TYPES, "financeType", c.financeType()).ifPresent(errors::add);
        vocabularies.check(Vocabulary.AID_TYPES, "aidType", c.aidType()).ifPresent(errors::add);
        vocabularies.checkAll(Vocabulary.COUNTRIES, "eligibleCountries", c.eligibleCountries(), errors);
        vocabularies.checkAll(Vocabulary.REGIONS, "eligibleRegions", c.eligibleRegions(), errors);
        if (c.partnerCityRequired() != null) {
            vocabularies.check(Vocabulary.COUNTRIES, "partnerCityRequired.country", c.partnerCityRequired().country())
                    .ifPresent(errors::add);
        }
        checkFundingRange(c.fundingRange(), errors);
        if (c.coFinancingShare() != null && c.coFinancingShare().compareTo(BigDecimal.ONE) > 0) {
            errors.add(new Problem.FieldError("coFinancingShare", "must be a share from 0 to 1, got " + c.coFinancingShare().toPlainString()));
        }
        if (c.window() != null && c.window().kind() != null) {
            checkWindow(c.window(), errors);
        }
        if (c.supersededBy() != null && c.supersededBy().isBlank()) {
            errors.add(new Problem.FieldError("supersededBy", "must not be blank: send null when nothing replaced the scheme"));
        }
        if (c.sourceUrl() != null && !HttpUrls.isHttpUrl(c.sourceUrl())) {
            errors.add(new Problem.FieldError("sourceUrl", "must be an absolute http or https URL"));
        }
        if (c.verifiedOn() != null && c.sourceUrl() == null) {
            errors.add(new Problem.FieldError("verifiedOn", "is the date the sourceUrl was checked: give the sourceUrl, or send "
                    + "null for both when there is no source"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return canonical(c);
    }

    private static SchemeContent canonical(SchemeContent c) {
        Map<String, String> names = new TreeMap<>(c.names() == null ? Map.of() : c.names());
        names.put("en", c.name());
        Map<String, String> descriptions = new TreeMap<>(c.descriptions() == null ? Map.of() : c.descriptions());
        String description = c.description() != null ? c.description() : descriptions.get("en");
        if (description != null) {
            descriptions.put("en", description);
        }
        return new SchemeContent(c.name(), names, description, descriptions,
                sortedSet(c.supportTypes(), Comparator.naturalOrder()),
                sortedSet(c.challengeAreas(), Comparator.naturalOrder()),
                sortedSet(c.sectors(), Comparator.naturalOrder()),
                c.financeType(), c.aidType(),
                sortedSet(c.applicantTypes(), Comparator.naturalOrder()),
                c.channel(), c.partnerCityRequired(),
                sortedSet(c.eligibleCountries(), Comparator.naturalOrder()),
                sortedSet(c.eligibleRegions(), Comparator.naturalOrder()),
                canonical(c.fundingRange()),
                DecimalString.canonical(c.coFinancingShare()),
                c.processSteps() == null ? List.of() : List.copyOf(c.processSteps()),
                canonical(c.window()), c.supersededBy(), c.sourceUrl(), c.verifiedOn());
    }

    /** Times to the microsecond, the precision PostgreSQL stores, so that a re-sent body compares equal. */
    private static ApplicationWindow canonical(ApplicationWindow window) {
        if (window == null) {
            return null;
        }
        return new ApplicationWindow(window.kind(), micros(window.opens()), micros(window.deadline()));
    }

    private static java.time.OffsetDateTime micros(java.time.OffsetDateTime time) {
        return time == null ? null : time.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static FundingRange canonical(FundingRange range) {
        if (range == null || (range.min() == null && range.max() == null)) {
            return null;
        }
        return new FundingRange(canonical(range.min()), canonical(range.max()));
    }

    private static Money canonical(Money money) {
        return money == null ? null : new Money(DecimalString.canonical(money.amount()), money.currency());
    }

    private static <T> List<T> sortedSet(Collection<T> values, Comparator<T> order) {
        return values == null ? List.of() : values.stream().distinct().sorted(order).toList();
    }

    private static void noNullElements(String field, List<?> values, List<Problem.FieldError> errors) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "must not be null"));
            }
        }
    }

    private static void checkTexts(String field, Map<String, String> texts, int maxLength, List<Problem.FieldError> errors) {
        if (texts == null) {
            return;
        }
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            String path = field + "." + entry.getKey();
            if (!LANGUAGE_TAG.matcher(entry.getKey()).matches()) {
                errors.add(new Problem.FieldError(path, "'" + entry.getKey() + "' is not a language tag such as en, ja or zh-Hant"));
            } else if (entry.getValue() == null || entry.getValue().isBlank()) {
                errors.add(new Problem.FieldError(path, "must not be blank"));
            } else if (entry.getValue().length() > maxLength) {
                errors.add(new Problem.FieldError(path, "must be at most " + maxLength + " characters"));
            }
        }
    }

    /** {@code name} is the English name: {@code names.en}, when given, must say the same. */
    private static void sameAsPrimary(String path, Map<String, String> texts, String primary, String primaryField,
                                      List<Problem.FieldError> errors) {
        String english = texts == null ? null : texts.get("en");
        if (english != null && primary != null && !english.equals(primary)) {
            errors.add(new Problem.FieldError(path, "must equal " + primaryField + " (" + primaryField
                    + " is the English text), or be left out"));
        }
    }

    private void checkFundingRange(FundingRange range, List<Problem.FieldError> errors) {
        if (range == null) {
            return;
        }
        if (range.min() != null) {
            vocabularies.check(Vocabulary.CURRENCIES, "fundingRange.min.currency", range.min().currency()).ifPresent(errors::add);
        }
        if (range.max() != null) {
            vocabularies.check(Vocabulary.CURRENCIES, "fundingRange.max.currency", range.max().currency()).ifPresent(errors::add);
        }
        if (range.min() != null && range.max() != null && range.min().amount() != null && range.max().amount() != null
                && range.min().currency() != null && range.min().currency().equals(range.max().currency())
                && range.min().amount().compareTo(range.max().amount()) > 0) {
            errors.add(new Problem.FieldError("fundingRange.min", "must not exceed fundingRange.max ("
                    + range.min().amount().toPlainString() + " > " + range.max().amount().toPlainString() + " "
                    + range.max().currency() + ")"));
        }
    }

    /** Application windows lie between these years (PostgreSQL's range is wider, but no call is older or later). */
    static final int EARLIEST_YEAR = 1900;
    static final int LATEST_YEAR = 9999;

    private static void checkWindow(ApplicationWindow window, List<Problem.FieldError> errors) {
        boolean inRange = true;
        for (var time : new Object[][] {{"window.opens", window.opens()}, {"window.deadline", window.deadline()}}) {
            java.time.OffsetDateTime value = (java.time.OffsetDateTime) time[1];
            if (value != null && (value.getYear() < EARLIEST_YEAR || value.getYear() > LATEST_YEAR)) {
                errors.add(new Problem.FieldError((String) time[0], "must lie between the years " + EARLIEST_YEAR + " and " + LATEST_YEAR));
                inRange = false;
            }
        }
        if (!inRange) {
            return;
        }
        switch (window.kind()) {
            case ROLLING -> {
                if (window.opens() != null) {
                    errors.add(new Problem.FieldError("window.opens", "a ROLLING window has no dates: leave opens out"));
                }
                if (window.deadline() != null) {
                    errors.add(new Problem.FieldError("window.deadline", "a ROLLING window has no dates: leave deadline out"));
                }
            }
            case FIXED -> {
                if (window.deadline() == null) {
                    errors.add(new Problem.FieldError("window.deadline", "a FIXED window needs a deadline"));
                } else if (window.opens() != null && !window.opens().isBefore(window.deadline())) {
                    errors.add(new Problem.FieldError("window.opens", "must be before window.deadline"));
                }
            }
            case ANNUAL -> {
                if (window.opens() == null) {
                    errors.add(new Problem.FieldError("window.opens", "an ANNUAL window needs opens and deadline of one year's occurrence"));
                }
                if (window.deadline() == null) {
                    errors.add(new Problem.FieldError("window.deadline", "an ANNUAL window needs opens and deadline of one year's occurrence"));
                }
                if (window.opens() != null && window.deadline() != null) {
                    if (!window.opens().isBefore(window.deadline())) {
                        errors.add(new Problem.FieldError("window.opens", "must be before window.deadline"));
                    } else if (!window.deadline().isBefore(window.opens().plusYears(1))) {
                        errors.add(new Problem.FieldError("window.deadline", "an ANNUAL window lasts less than a year from window.opens"));
                    }
                }
            }
        }
    }
}
