package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.readmodel.SchemeData.ApplicationWindow;
import org.citycoop.matching.readmodel.SchemeData.FundingRange;
import org.citycoop.matching.readmodel.SchemeData.ProcessStep;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.WindowKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A scheme in the form the criteria ({@link org.citycoop.matching.scoring.criteria}) read: what they compare, derived
 * once when the read-model index takes the scheme's version (code lists as bit sets of enum ordinals, country codes as
 * numbers, amounts parsed, currencies interned, the applicant's lead time summed, the languages of its texts
 * collected, the closing time as numbers), so that ranking thousands of schemes per request parses and allocates
 * nothing per scheme. The explanations read the same values, and {@link #scheme()} for the words.
 */
public final class PreparedScheme {

    private final SchemeData scheme;
    /** The agency's id, interned: a match's lookups by agency find it by reference. */
    private final String agencyId;
    private final long challengeAreas;
    private final long supportTypes;
    private final long applicantTypes;
    /** No country list: open to every country. */
    private final boolean anyCountry;
    /** The listed countries as {@link #countryCode}s, sorted. */
    private final int[] countryCodes;
    /** One bit per listed country ({@link #countryCode} modulo 64): a country whose bit is not set is not listed. */
    private final long countryFilter;
    /** Withdrawn, or superseded by another scheme: the status criterion fails at any time. */
    private final boolean statusFailsAlways;
    /**
     * A FIXED window's deadline, after which the status criterion fails, as numbers read without following a reference
     * for every candidate of a match ({@code Long.MAX_VALUE} when no time closes the scheme).
     */
    private final long closesAfterSecond;
    private final int closesAfterNano;
    /** The next occurrence of an ANNUAL deadline as last computed (null before the first request). */
    private volatile AnnualDeadline nextAnnual;
    private final WindowKind windowKind;
    /** The deadline, when the window has a kind and a deadline (the deadline criterion checks it). */
    private final OffsetDateTime deadline;
    private final LeadTime leadTime;
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
        this.agencyId = scheme.agencyId() == null ? null : scheme.agencyId().intern();
        this.challengeAreas = bits(scheme.challengeAreas());
        this.supportTypes = bits(scheme.supportTypes());
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
        Instant closesAfter = window != null && window.kind() == WindowKind.FIXED && window.deadline() != null
                ? window.deadline().toInstant() : null;
        this.closesAfterSecond = closesAfter == null ? Long.MAX_VALUE : closesAfter.getEpochSecond();
        this.closesAfterNano = closesAfter == null ? 0 : closesAfter.getNano();
        this.windowKind = window == null ? null : window.kind();
        this.deadline = window == null || window.kind() == null ? null : window.deadline();
        this.leadTime = LeadTime.of(scheme.processSteps());
        this.leadDays = leadTime.days();
        FundingRange range = scheme.fundingRange();
        Money min = range == null ? null : known(range.min());
        Money max = range == null ? null : known(range.max());
        this.fundingCurrencyMin = min == null ? null : min.currency().intern(); // interned: the budget criterion compares references
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

    /** The agency's id, interned. */
    public String agencyId() {
        return agencyId;
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

    /** The scheme's applicant types as a bit set (0 when it names none). */
    public long applicantTypes() {
        return applicantTypes;
    }

    /** No country list: open to every country. */
    public boolean anyCountry() {
        return anyCountry;
    }

    /** The listed countries as {@link #countryCode}s, sorted (to be read, not changed). */
    public int[] countryCodes() {
        return countryCodes;
    }

    /** One bit per listed country ({@link #countryCode} modulo 64): a country whose bit is not set is not listed. */
    public long countryFilter() {
        return countryFilter;
    }

    /**
     * A number for an ISO 3166-1 alpha-2 code, 0 to 675 ({@code AA} to {@code ZZ}), for the country criterion;
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

    /** Withdrawn, superseded or closed as published: the status criterion fails at any time. */
    public boolean statusFailsAlways() {
        return statusFailsAlways;
    }

    /** {@code now} is after the deadline of a {@code FIXED} window (never when there is none). */
    public boolean afterClosing(Instant now) {
        long second = now.getEpochSecond();
        return second > closesAfterSecond || second == closesAfterSecond && now.getNano() > closesAfterNano;
    }

    /** The whole days from {@code now} to the deadline of a {@code FIXED} window, as {@link java.time.Duration#toDays()} counts them. */
    public long daysUntilClosing(Instant now) {
        return days(closesAfterSecond, closesAfterNano, now);
    }

    /**
     * The whole days from {@code now} to the instant of {@code second} and {@code nano}, as
     * {@link java.time.Duration#toDays()} counts them, without making one.
     */
    private static long days(long second, int nano, Instant now) {
        long seconds = second - now.getEpochSecond();
        if (nano < now.getNano()) {
            seconds--; // as Duration, which keeps its nanoseconds in [0, 10^9)
        }
        return seconds / 86_400;
    }

    /**
     * The next occurrence of the yearly deadline at {@code now} (the given one or the same date and time in a later
     * year, not before now) and the one a year after it, remembered until it passes.
     */
    public AnnualDeadline nextAnnual(Instant now) {
        AnnualDeadline next = nextAnnual;
        if (next == null || !next.holdsAt(now)) {
            next = new AnnualDeadline(deadline, now);
            nextAnnual = next;
        }
        return next;
    }

    /**
     * The next occurrence of a yearly deadline and the one a year after it, computed at a time {@code since}: the same
     * for every time from {@code since} until the next occurrence. Instants are held as numbers, read without following
     * a reference for every candidate of a match.
     */
    public static final class AnnualDeadline {

        private final OffsetDateTime next;
        private final OffsetDateTime following;
        private final long sinceSecond;
        private final int sinceNano;
        private final long nextSecond;
        private final int nextNano;
        private final long followingSecond;
        private final int followingNano;

        AnnualDeadline(OffsetDateTime deadline, Instant since) {
            this.next = nextOccurrence(deadline, since);
            this.following = next.plusYears(1);
            this.sinceSecond = since.getEpochSecond();
            this.sinceNano = since.getNano();
            this.nextSecond = next.toEpochSecond();
            this.nextNano = next.getNano();
            this.followingSecond = following.toEpochSecond();
            this.followingNano = following.getNano();
        }

        /** The next occurrence, with the offset as published. */
        public OffsetDateTime next() {
            return next;
        }

        /** The occurrence a year after {@link #next()}. */
        public OffsetDateTime following() {
            return following;
        }

        /** The whole days from {@code now} to {@link #next()}. */
        public long daysToNext(Instant now) {
            return days(nextSecond, nextNano, now);
        }

        /** The whole days from {@code now} to {@link #following()}. */
        public long daysToFollowing(Instant now) {
            return days(followingSecond, followingNano, now);
        }

        /** {@code now} is neither before the time this was computed at nor after the next occurrence. */
        boolean holdsAt(Instant now) {
            long second = now.getEpochSecond();
            int nano = now.getNano();
            boolean notBefore = second > sinceSecond || second == sinceSecond && nano >= sinceNano;
            boolean notAfter = second < nextSecond || second == nextSecond && nano <= nextNano;
            return notBefore && notAfter;
        }
    }

    /** The first occurrence of {@code time}, or of the same date and time in a later year, that is not before {@code now}. */
    public static OffsetDateTime nextOccurrence(OffsetDateTime time, Instant now) {
        OffsetDateTime next = time;
        while (next.toInstant().isBefore(now)) {
            next = next.plusYears(1);
        }
        return next;
    }

    /** The applicant's days of work before the deadline, and the last step they cover (null when none). */
    public record LeadTime(long days, ProcessStep lastStep) {

        /**
         * The sum of {@code typicalDays} of the process steps up to and including the last step whose actor is on the
         * applicant's side ({@code CITY}, {@code NATIONAL_GOVERNMENT}, {@code PARTNER_CITY}); 0 when there is none.
         */
        static LeadTime of(List<ProcessStep> steps) {
            int last = -1;
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).actor() != null && steps.get(i).actor().isApplicantSide()) {
                    last = i;
                }
            }
            if (last < 0) {
                return new LeadTime(0, null);
            }
            long days = steps.subList(0, last + 1).stream().map(ProcessStep::typicalDays).filter(java.util.Objects::nonNull)
                    .mapToLong(Integer::longValue).sum();
            return new LeadTime(days, steps.get(last));
        }
    }

    /** The applicant's lead time before a deadline. */
    public LeadTime leadTime() {
        return leadTime;
    }

    /** {@link LeadTime#days()} of {@link #leadTime()}, read without following a reference for every candidate of a match. */
    public long leadDays() {
        return leadDays;
    }

    /** The window's kind; null when no window or no kind is published. */
    public WindowKind windowKind() {
        return windowKind;
    }

    /** The window's deadline when the window has a kind; null otherwise. */
    public OffsetDateTime deadline() {
        return deadline;
    }

    public long challengeAreas() {
        return challengeAreas;
    }

    public long supportTypes() {
        return supportTypes;
    }

    public boolean requiresPartnerCity() {
        return requiresPartnerCity;
    }

    public String fundingCurrencyMin() {
        return fundingCurrencyMin;
    }

    public BigDecimal fundingMin() {
        return fundingMin;
    }

    public String fundingCurrencyMax() {
        return fundingCurrencyMax;
    }

    public BigDecimal fundingMax() {
        return fundingMax;
    }

    public double fundingMinAmount() {
        return fundingMinAmount;
    }

    public double fundingMaxAmount() {
        return fundingMaxAmount;
    }

    public BigDecimal coFinancingShare() {
        return coFinancingShare;
    }

    public long languageBits() {
        return languageBits;
    }

    public Set<String> languages() {
        return languages;
    }

    public List<String> sectors() {
        return sectors;
    }

    private static Money known(Money money) {
        return money == null || money.currency() == null || money.value().isEmpty() ? null : money;
    }
}
