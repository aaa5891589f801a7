package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One match's question, in the form the criteria read, derived once per request: the needs profile (the challenge
 * areas with their weights, 1/priority, in the profile's order; the wanted support types as a bit set; amounts
 * parsed; the wanted sectors and languages without repeats) and what it is matched against: the time, the twinning
 * arrangements of the profile's city and the agencies' track records, each agency's looked up once per request.
 * Not thread-safe (one request, one thread).
 */
public final class PreparedProfile {

    private final NeedsProfile profile;
    private final Instant now;
    private final List<ArrangementData> arrangements;
    private final TrackRecords trackRecords;
    private final ChallengeArea[] areas;
    private final double[] weights;
    private final long areaBits;
    private final long supportTypes;
    private final int supportTypeCount;
    private final BigDecimal budget;
    private final double budgetAmount;
    private final String budgetCurrency;
    private final BigDecimal coFinancing;
    private final List<String> sectors;
    private final List<String> languages;
    private final long languageBits;
    private final int countryCode;
    /** Track records asked so far, by agency id: where the sectors asked are the profile's, or the agency has no activity in the country. */
    private final Map<String, TrackRecord> trackRecordsByAgency = new HashMap<>();
    /** Track records asked so far, by agency id and the scheme's sectors: the other agencies when the profile names no sector. */
    private final Map<String, Map<List<String>, TrackRecord>> trackRecordsBySectors = new HashMap<>();

    private PreparedProfile(NeedsProfile profile, List<ArrangementData> arrangements, TrackRecords trackRecords, Instant now) {
        this.profile = profile;
        this.now = now;
        this.arrangements = arrangements;
        this.trackRecords = trackRecords;
        List<NeedsProfile.Challenge> challenges = profile.challenges();
        this.areas = new ChallengeArea[challenges.size()];
        this.weights = new double[challenges.size()];
        long bits = 0;
        for (int i = 0; i < challenges.size(); i++) {
            areas[i] = challenges.get(i).area();
            weights[i] = 1.0 / challenges.get(i).priority();
            bits |= PreparedScheme.bit(areas[i]);
        }
        this.areaBits = bits;
        this.supportTypes = PreparedScheme.bits(profile.supportTypes());
        this.supportTypeCount = Long.bitCount(supportTypes);
        this.budget = amount(profile.budget());
        this.budgetAmount = budget == null ? Double.NaN : budget.doubleValue();
        this.budgetCurrency = profile.budget() == null || profile.budget().currency() == null ? null : profile.budget().currency().intern();
        this.coFinancing = amount(profile.coFinancing());
        this.sectors = List.copyOf(new LinkedHashSet<>(profile.sectors()));
        this.languages = SchemeLanguages.wanted(profile);
        this.languageBits = LanguageBits.of(languages);
        this.countryCode = PreparedScheme.countryCode(profile.country());
    }

    /**
     * @param arrangements the twinning arrangements the profile's city takes part in (any status)
     * @param trackRecords the agencies' IATI track records
     * @param now the time the match is made (for status and deadline)
     */
    public static PreparedProfile of(NeedsProfile profile, List<ArrangementData> arrangements, TrackRecords trackRecords, Instant now) {
        return new PreparedProfile(profile, arrangements, trackRecords, now);
    }

    /** The profile as asked. */
    public NeedsProfile profile() {
        return profile;
    }

    /** The time the match is made. */
    public Instant now() {
        return now;
    }

    /** The twinning arrangements the profile's city takes part in, any status. */
    public List<ArrangementData> arrangements() {
        return arrangements;
    }

    /**
     * The track record of the scheme's agency in the profile's country and DAC sectors (the scheme's when the profile
     * states none), computed once per request for each agency, and for each of the schemes' sectors only for an agency
     * with activities in the country (otherwise the sectors change neither the rating nor the words).
     */
    public TrackRecord trackRecord(PreparedScheme scheme) {
        String agency = scheme.agencyId(); // interned: the maps below find it by reference
        TrackRecord held = trackRecordsByAgency.get(agency);
        if (held != null) {
            return held;
        }
        Map<List<String>, TrackRecord> bySectors = trackRecordsBySectors.get(agency);
        if (bySectors != null) {
            held = bySectors.get(scheme.sectors());
            if (held == null) {
                held = trackRecords.of(agency, profile.country(), scheme.sectors());
                bySectors.put(scheme.sectors(), held);
            }
            return held;
        }
        held = trackRecords.of(agency, profile.country(), sectors.isEmpty() ? scheme.sectors() : sectors);
        if (!sectors.isEmpty() || held.inCountry() == 0) {
            trackRecordsByAgency.put(agency, held);
        } else {
            bySectors = new HashMap<>();
            bySectors.put(scheme.sectors(), held);
            trackRecordsBySectors.put(agency, bySectors);
        }
        return held;
    }

    /** The asked challenge areas as a bit set ({@link PreparedScheme#bits}). */
    public long areaBits() {
        return areaBits;
    }

    /** The country as a {@link PreparedScheme#countryCode}. */
    public int countryCode() {
        return countryCode;
    }

    public ApplicantType applicantType() {
        return profile.applicantType();
    }

    /** The asked challenge areas, in the profile's order. */
    public ChallengeArea[] areas() {
        return areas;
    }

    /** The weight (1/priority) of each of {@link #areas}. */
    public double[] weights() {
        return weights;
    }

    /** The wanted support types as a bit set. */
    public long supportTypes() {
        return supportTypes;
    }

    public int supportTypeCount() {
        return supportTypeCount;
    }

    /** The budget's amount; null when no budget (or no readable amount) is given. */
    public BigDecimal budget() {
        return budget;
    }

    /** {@link #budget} as a double (NaN when absent). */
    public double budgetAmount() {
        return budgetAmount;
    }

    /** The budget's currency, interned (as {@link PreparedScheme}'s currencies). */
    public String budgetCurrency() {
        return budgetCurrency;
    }

    /** The co-financing's amount; null when none (or no readable amount) is given. */
    public BigDecimal coFinancing() {
        return coFinancing;
    }

    public String coFinancingCurrency() {
        return profile.coFinancing() == null ? null : profile.coFinancing().currency();
    }

    /** The wanted DAC sectors, each once, in the profile's order. */
    public List<String> sectors() {
        return sectors;
    }

    /** The wanted languages (primary subtags), preferred first; English when the profile names none. */
    public List<String> languages() {
        return languages;
    }

    public long languageBits() {
        return languageBits;
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.value().orElse(null);
    }
}
