package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.readmodel.SchemeData.ApplicationWindow;
import org.citycoop.matching.readmodel.SchemeData.FundingRange;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.SupportType;
import org.citycoop.matching.vocabulary.WindowKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A scheme in the form {@link MatchScorer#eligible} and {@link MatchScorer#weightedScore} reads: what the criteria compare, derived once when the read-model
 * index takes the scheme (code lists as bit sets of enum ordinals, amounts parsed, the applicant's lead time summed,
 * the languages of its texts collected), so that ranking thousands of schemes per request parses and allocates
 * nothing per scheme. It gives the same results as the criteria read from {@link SchemeData}
 * ({@code MatchScorerRankTest} checks that on generated cases).
 */
public final class PreparedScheme {

    private final SchemeData scheme;
    private final long challengeAreas;
    private final long supportTypes;
    /** The scheme names no applicant type, or {@code ANY}: open to every applicant. */
    private final boolean anyApplicant;
    private final long applicantTypes;
    /** No country list: open to every country. */
    private final boolean anyCountry;
    /** The listed countries as {@link #countryCode}s, sorted. */
    private final int[] countryCodes;
    /** One bit per listed country ({@link #countryCode} modulo 64): a country whose bit is not set is not listed. */
    private final long countryFilter;
    /** Withdrawn, or superseded by another scheme: the status criterion fails at any time. */
    private final boolean statusFailsAlways;
    /** A FIXED window's deadline: the status criterion fails after it. Null when no time closes the scheme. */
    private final Instant closesAfter;
    /** {@link #closesAfter} as numbers, read without following a reference for every candidate of a match. */
    private final long closesAfterSecond;
    private final int closesAfterNano;
    /** The next occurrence of an ANNUAL deadline as last computed (null before the first request). */
    private volatile AnnualDeadline nextAnnual;
    private final WindowKind windowKind;
    /** The deadline, when the window has a kind and a deadline (the deadline criterion checks it). */
    private final OffsetDateTime deadline;
    private final long leadDays;
    private final String fundingCurrencyMin;
    private final BigDecimal fundingMin;
    private final String fundingCurrencyMax;
    private final BigDecimal fundingMax;
    /** {@link #fundingMin} and {@link #fundingMax} as doubles (NaN when absent), for the budget's shares. */
    private final double fundingMinAmount;
    private final double fundingMaxAmount;
    private final BigDecimal coFinancingShare;
    private final boolean requiresPartnerCity;
    /** The languages of its texts as {@link LanguageBits}. */
    private final long languageBits;
    /** The languages of its texts (primary subtags), compared when both sides have {@link LanguageBits#OTHER}. */
    private final Set<String> languages;
    private final List<String> sectors;

    private PreparedScheme(SchemeData scheme) {
        this.scheme = scheme;
        this.challengeAreas = bits(scheme.challengeAreas());
        this.supportTypes = bits(scheme.supportTypes());
        this.anyApplicant = scheme.applicantTypes().isEmpty() || scheme.applicantTypes().contains(ApplicantType.ANY);
        this.applicantTypes = bits(scheme.applicantTypes());
        this.anyCountry = scheme.eligibleCountries().isEmpty();
        this.countryCodes = scheme.eligibleCountries().stream().mapToInt(PreparedScheme::countryCode)
                .filter(code -> code >= 0).sorted().distinct().toArray();
        long filter = 0;
        for (int code : countryCodes) {
            filter |= 1L << code;
        }
        this.countryFilter = filter;
        ApplicationWindow window = scheme.window();
        boolean closedAsPublished = window != null
                && (window.kind() == null || window.kind() == WindowKind.ANNUAL && (window.opens() == null || window.deadline() == null))
                && scheme.status() == SchemeStatus.CLOSED;
        this.statusFailsAlways = scheme.status() == SchemeStatus.WITHDRAWN || scheme.supersededBy() != null || closedAsPublished;
        this.closesAfter = window != null && window.kind() == WindowKind.FIXED && window.deadline() != null
                ? window.deadline().toInstant() : null;
        this.closesAfterSecond = closesAfter == null ? Long.MAX_VALUE : closesAfter.getEpochSecond();
        this.closesAfterNano = closesAfter == null ? 0 : closesAfter.getNano();
        this.windowKind = window == null ? null : window.kind();
        this.deadline = window == null || window.kind() == null ? null : window.deadline();
        this.leadDays = HardCriteria.LeadTime.of(scheme.processSteps()).days();
        FundingRange range = scheme.fundingRange();
        Money min = range == null ? null : known(range.min());
        Money max = range == null ? null : known(range.max());
        this.fundingCurrencyMin = min == null ? null : min.currency().intern(); // interned: MatchScorer compares references
        this.fundingMin = min == null ? null : min.value().orElseThrow();
        this.fundingCurrencyMax = max == null ? null : max.currency().intern();
        this.fundingMax = max == null ? null : max.value().orElseThrow();
        this.fundingMinAmount = fundingMin == null ? Double.NaN : fundingMin.doubleValue();
        this.fundingMaxAmount = fundingMax == null ? Double.NaN : fundingMax.doubleValue();
        this.coFinancingShare = scheme.coFinancingShareValue().orElse(null);
        this.requiresPartnerCity = scheme.partnerCityRequired() != null;
        this.languages = Set.copyOf(SchemeLanguages.available(scheme));
        this.languageBits = LanguageBits.of(languages);
        this.sectors = scheme.sectors();
    }

    /** The scheme prepared for ranking. */
    public static PreparedScheme of(SchemeData scheme) {
        return new PreparedScheme(scheme);
    }

    /** The scheme as the catalogue published it. */
    public SchemeData scheme() {
        return scheme;
    }

    /** True when the scheme addresses {@code area}. */
    public boolean addresses(ChallengeArea area) {
        return (challengeAreas & bit(area)) != 0;
    }

    /** True when the scheme addresses one of the areas of {@code areaBits} (a bit set of {@link #bits}). */
    public boolean addressesAny(long areaBits) {
        return (challengeAreas & areaBits) != 0;
    }

    /** Bit set of enum constants by ordinal (every code list here has fewer than 64 values). */
    public static long bits(List<? extends Enum<?>> values) {
        long bits = 0;
        for (Enum<?> value : values) {
            bits |= bit(value);
        }
        return bits;
    }

    /** The bit of one enum constant in a set of {@link #bits}. */
    public static long bit(Enum<?> value) {
        return 1L << value.ordinal();
    }

    /** The applicant-type criterion does not fail: open to any applicant, to none named, or to {@code type}. */
    public boolean openToApplicant(ApplicantType type) {
        return anyApplicant || type != null && (applicantTypes & bit(type)) != 0;
    }

    /** The country criterion does not fail: no country list, or one that names the country of {@code countryCode}. */
    public boolean openToCountry(int countryCode) {
        return anyCountry || (countryFilter & 1L << countryCode) != 0 && java.util.Arrays.binarySearch(countryCodes, countryCode) >= 0;
    }

    /**
     * A number for an ISO 3166-1 alpha-2 code, 0 to 675 ({@code AA} to {@code ZZ}), for {@link #openToCountry};
     * -1 for anything else, which names no country a profile can have.
     */
    public static int countryCode(String country) {
        if (country == null || country.length() != 2) {
            return -1;
        }
        int first = country.charAt(0) - 'A';
        int second = country.charAt(1) - 'A';
        return first < 0 || first >= 26 || second < 0 || second >= 26 ? -1 : first * 26 + second;
    }

    /** The status criterion does not fail at {@code now}: not withdrawn, superseded or closed ({@link HardCriteria#effectiveStatus}). */
    public boolean statusAllows(Instant now) {
        return !statusFailsAlways && !afterClosing(now);
    }

    /** {@code now} is after {@link #closesAfter} (never when it is null). */
    private boolean afterClosing(Instant now) {
        long second = now.getEpochSecond();
        return second > closesAfterSecond || second == closesAfterSecond && now.getNano() > closesAfterNano;
    }

    /** The deadline criterion does not fail at {@code now} ({@link HardCriteria#deadline}). */
    boolean deadlineAllows(Instant now) {
        if (deadline == null || windowKind == WindowKind.ROLLING) {
            return true;
        }
        if (windowKind == WindowKind.FIXED) {
            return !afterClosing(now) && daysUntilClosing(now) >= leadDays;
        }
        AnnualDeadline next = nextAnnual;
        if (next == null || !next.holdsAt(now)) {
            next = AnnualDeadline.after(deadline, now);
            nextAnnual = next;
        }
        return daysLeft(next.at(), now) >= leadDays || daysLeft(next.yearAfter(), now) >= leadDays;
    }

    /** {@code daysLeft(closesAfter, now)} from the numbers of {@link #closesAfter}. */
    private long daysUntilClosing(Instant now) {
        long seconds = closesAfterSecond - now.getEpochSecond();
        if (closesAfterNano < now.getNano()) {
            seconds--; // as Duration, which keeps its nanoseconds in [0, 10^9)
        }
        return seconds / 86_400;
    }

    private static long daysLeft(Instant deadline, Instant now) {
        return java.time.Duration.between(now, deadline).toDays();
    }

    /**
     * The next occurrence of a yearly deadline ({@link HardCriteria#nextOccurrence}) and the one a year after it,
     * computed at {@code since}: the same for every time from {@code since} until {@code at}.
     */
    private record AnnualDeadline(Instant since, Instant at, Instant yearAfter) {

        static AnnualDeadline after(OffsetDateTime deadline, Instant now) {
            OffsetDateTime next = HardCriteria.nextOccurrence(deadline, now);
            return new AnnualDeadline(now, next.toInstant(), next.plusYears(1).toInstant());
        }

        boolean holdsAt(Instant now) {
            return !now.isBefore(since) && !now.isAfter(at);
        }
    }

    long challengeAreas() {
        return challengeAreas;
    }

    long supportTypes() {
        return supportTypes;
    }

    boolean requiresPartnerCity() {
        return requiresPartnerCity;
    }

    String fundingCurrencyMin() {
        return fundingCurrencyMin;
    }

    BigDecimal fundingMin() {
        return fundingMin;
    }

    String fundingCurrencyMax() {
        return fundingCurrencyMax;
    }

    BigDecimal fundingMax() {
        return fundingMax;
    }

    double fundingMinAmount() {
        return fundingMinAmount;
    }

    double fundingMaxAmount() {
        return fundingMaxAmount;
    }

    BigDecimal coFinancingShare() {
        return coFinancingShare;
    }

    long languageBits() {
        return languageBits;
    }

    Set<String> languages() {
        return languages;
    }

    List<String> sectors() {
        return sectors;
    }

    private static Money known(Money money) {
        return money == null || money.currency() == null || money.value().isEmpty() ? null : money;
    }
}
