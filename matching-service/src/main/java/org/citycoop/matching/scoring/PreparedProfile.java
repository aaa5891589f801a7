package org.citycoop.matching.scoring;

import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A needs profile in the form {@link MatchScorer#eligible} and {@link MatchScorer#weightedScore} reads, derived once per request: the challenge areas with
 * their weights (1/priority) in the profile's order, the wanted support types as a bit set, amounts parsed, the
 * wanted sectors and languages without repeats.
 */
public final class PreparedProfile {

    private final NeedsProfile profile;
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

    private PreparedProfile(NeedsProfile profile) {
        this.profile = profile;
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

    /** The profile prepared for ranking. */
    public static PreparedProfile of(NeedsProfile profile) {
        return new PreparedProfile(profile);
    }

    /** The profile as asked. */
    public NeedsProfile profile() {
        return profile;
    }

    /** The asked challenge areas as a bit set ({@link PreparedScheme#bits}). */
    public long areaBits() {
        return areaBits;
    }

    /** The country as a {@link PreparedScheme#countryCode}. */
    int countryCode() {
        return countryCode;
    }

    ApplicantType applicantType() {
        return profile.applicantType();
    }

    ChallengeArea[] areas() {
        return areas;
    }

    double[] weights() {
        return weights;
    }

    long supportTypes() {
        return supportTypes;
    }

    int supportTypeCount() {
        return supportTypeCount;
    }

    /** The budget's amount; null when no budget (or no readable amount) is given. */
    BigDecimal budget() {
        return budget;
    }

    /** {@link #budget} as a double (NaN when absent). */
    double budgetAmount() {
        return budgetAmount;
    }

    /** The budget's currency, interned (as {@link PreparedScheme}'s currencies). */
    String budgetCurrency() {
        return budgetCurrency;
    }

    /** The co-financing's amount; null when none (or no readable amount) is given. */
    BigDecimal coFinancing() {
        return coFinancing;
    }

    String coFinancingCurrency() {
        return profile.coFinancing() == null ? null : profile.coFinancing().currency();
    }

    List<String> sectors() {
        return sectors;
    }

    List<String> languages() {
        return languages;
    }

    long languageBits() {
        return languageBits;
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.value().orElse(null);
    }
}
