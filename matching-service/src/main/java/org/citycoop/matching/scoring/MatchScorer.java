package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.vocabulary.ChallengeArea;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a scheme against a needs profile: the hard criteria of {@link HardCriteria} decide eligibility (a
 * FAILED one makes the scheme ineligible); the score is the weighted sum of the ratings of
 * {@link SoftCriteria} (challenges 0.35, support types 0.20, budget 0.15, DAC sectors
 * 0.10, co-financing 0.05, language 0.05, the agency's IATI track record 0.10), rounded to 3
 * decimals, so it lies in [0, 1]. The score does not depend on the hard criteria: an ineligible scheme keeps
 * the score that says how well it would fit.
 *
 * <p>{@link #eligible} and {@link #weightedScore} give the same eligibility and score as {@link #score} without the explanation's text, so that
 * ranking many schemes builds the text only for those returned; {@code MatchScorerRankTest} checks that the two
 * agree. Keep them in step with {@link HardCriteria} and {@link SoftCriteria}.
 */
public final class MatchScorer {

    private MatchScorer() {
    }

    /** {@link #score(NeedsProfile, SchemeData, List, TrackRecords, Instant)} where no IATI activity is known. */
    public static Match score(NeedsProfile profile, SchemeData scheme, List<ArrangementData> arrangements, Instant now) {
        return score(profile, scheme, arrangements, TrackRecords.NONE, now);
    }

    /**
     * @param arrangements the twinning arrangements the profile's city takes part in (any status)
     * @param trackRecords the agencies' IATI track records
     * @param now the time the match is made (for status and deadline)
     */
    public static Match score(NeedsProfile profile, SchemeData scheme, List<ArrangementData> arrangements, TrackRecords trackRecords,
                              Instant now) {
        List<Assessment> hard = List.of(
                HardCriteria.relevance(profile, scheme),
                HardCriteria.applicantType(profile, scheme),
                HardCriteria.country(profile, scheme),
                HardCriteria.status(scheme, now),
                HardCriteria.deadline(scheme, now),
                HardCriteria.partnerCity(profile, scheme, arrangements));
        List<SoftCriteria.Rating> soft = List.of(
                SoftCriteria.challenges(profile, scheme),
                SoftCriteria.supportTypes(profile, scheme),
                SoftCriteria.budget(profile, scheme),
                SoftCriteria.sectors(profile, scheme),
                SoftCriteria.coFinancing(profile, scheme),
                SoftCriteria.language(profile, scheme),
                SoftCriteria.trackRecord(profile, scheme, trackRecords));
        double weighted = 0;
        for (SoftCriteria.Rating rating : soft) {
            weighted += rating.assessment().criterion().weight() * rating.value();
        }
        double score = Math.min(1, Math.max(0, Math.round(weighted * 1000) / 1000.0));
        List<Assessment> explanation = new ArrayList<>(hard);
        soft.forEach(rating -> explanation.add(rating.assessment()));
        boolean eligible = explanation.stream()
                .noneMatch(assessment -> assessment.criterion().isHard() && assessment.result() == CriterionResult.FAILED);
        return new Match(scheme, HardCriteria.effectiveStatus(scheme, now), score, eligible, List.copyOf(explanation));
    }

    /**
     * The eligibility {@link #score} gives (no hard criterion fails), computed without building the explanation, from
     * the prepared forms of the profile and the scheme.
     */
    public static boolean eligible(PreparedProfile profile, PreparedScheme scheme, List<ArrangementData> arrangements, Instant now) {
        return scheme.addressesAny(profile.areaBits()) && scheme.openToApplicant(profile.applicantType())
                && scheme.openToCountry(profile.countryCode()) && scheme.statusAllows(now) && scheme.deadlineAllows(now)
                && partnerCityAllows(profile.profile(), scheme, arrangements);
    }

    /**
     * The score {@link #score} gives (the soft criteria's weighted sum, rounded to 3 decimals), computed without the
     * explanation, in the same order and arithmetic.
     */
    public static double weightedScore(PreparedProfile profile, PreparedScheme scheme, TrackRecords trackRecords) {
        double weighted = Criterion.CHALLENGES.weight() * challenges(profile, scheme)
                + Criterion.SUPPORT_TYPES.weight() * supportTypes(profile, scheme)
                + Criterion.BUDGET.weight() * budget(profile, scheme)
                + Criterion.SECTORS.weight() * sectors(profile, scheme)
                + Criterion.CO_FINANCING.weight() * coFinancing(profile, scheme)
                + Criterion.LANGUAGE.weight() * language(profile, scheme)
                + Criterion.TRACK_RECORD.weight() * trackRecords.of(scheme.scheme().agencyId(), profile.profile().country(),
                        SoftCriteria.trackRecordSectors(profile.sectors(), scheme.sectors())).value();
        return Math.min(1, Math.max(0, Math.round(weighted * 1000) / 1000.0));
    }

    private static boolean partnerCityAllows(NeedsProfile profile, PreparedScheme prepared, List<ArrangementData> arrangements) {
        if (!prepared.requiresPartnerCity()) {
            return true;
        }
        if (profile.cityId() == null) {
            return false;
        }
        String country = prepared.scheme().partnerCityRequired().country();
        for (ArrangementData arrangement : arrangements) {
            if (arrangement.status() == null || !arrangement.status().isInForce()
                    || arrangement.cities().stream().noneMatch(city -> profile.cityId().equals(city.cityId()))) {
                continue;
            }
            boolean partner = arrangement.cities().stream()
                    .anyMatch(city -> city.cityId() != null && !city.cityId().equals(profile.cityId())
                            && (country == null || country.equals(city.country())));
            if (partner) {
                return true;
            }
        }
        return false;
    }

    private static double challenges(PreparedProfile profile, PreparedScheme scheme) {
        double covered = 0;
        double total = 0;
        ChallengeArea[] areas = profile.areas();
        double[] weights = profile.weights();
        for (int i = 0; i < areas.length; i++) {
            total += weights[i];
            if (scheme.addresses(areas[i])) {
                covered += weights[i];
            }
        }
        return covered == total ? 1 : covered / total;
    }

    private static double supportTypes(PreparedProfile profile, PreparedScheme scheme) {
        if (profile.supportTypeCount() == 0) {
            return 1;
        }
        return (double) Long.bitCount(profile.supportTypes() & scheme.supportTypes()) / profile.supportTypeCount();
    }

    private static double budget(PreparedProfile profile, PreparedScheme scheme) {
        BigDecimal need = profile.budget();
        if (need == null) {
            return 1;
        }
        BigDecimal min = scheme.fundingMin();
        BigDecimal max = scheme.fundingMax();
        if (min == null && max == null) {
            return 0.5;
        }
        String currency = profile.budgetCurrency(); // interned, as the scheme's: the same code is the same object
        if (min != null && scheme.fundingCurrencyMin() != currency || max != null && scheme.fundingCurrencyMax() != currency) {
            return 0.5;
        }
        double needAmount = profile.budgetAmount();
        if (max != null && compareAmounts(needAmount, need, scheme.fundingMaxAmount(), max) > 0) {
            return scheme.fundingMaxAmount() / needAmount;
        }
        if (min != null && compareAmounts(needAmount, need, scheme.fundingMinAmount(), min) < 0) {
            return needAmount / scheme.fundingMinAmount();
        }
        return 1;
    }

    /**
     * Compares two amounts by their doubles, read without following a reference, and exactly only when the doubles
     * are equal (converting to the nearest double keeps the order, so unequal doubles decide).
     */
    private static int compareAmounts(double a, BigDecimal exactA, double b, BigDecimal exactB) {
        return a < b ? -1 : a > b ? 1 : exactA.compareTo(exactB);
    }

    private static double sectors(PreparedProfile profile, PreparedScheme scheme) {
        List<String> wanted = profile.sectors();
        if (wanted.isEmpty()) {
            return 1;
        }
        if (scheme.sectors().isEmpty()) {
            return 0.5;
        }
        int shared = 0;
        for (String sector : wanted) {
            if (scheme.sectors().contains(sector)) {
                shared++;
            }
        }
        return (double) shared / wanted.size();
    }

    private static double coFinancing(PreparedProfile profile, PreparedScheme scheme) {
        BigDecimal share = scheme.coFinancingShare();
        if (share == null || share.signum() <= 0) {
            return 1;
        }
        BigDecimal budget = profile.budget();
        if (budget == null) {
            return 0.5;
        }
        BigDecimal required = budget.multiply(share);
        BigDecimal offered = profile.coFinancing();
        if (offered == null || !profile.coFinancingCurrency().equals(profile.budgetCurrency())) {
            return 0.5;
        }
        if (offered.compareTo(required) >= 0) {
            return 1;
        }
        return required.signum() == 0 ? 1 : offered.divide(required, MathContext.DECIMAL64).doubleValue();
    }

    private static double language(PreparedProfile profile, PreparedScheme scheme) {
        long shared = profile.languageBits() & scheme.languageBits();
        if ((shared & ~LanguageBits.OTHER) != 0) {
            return 1;
        }
        if (shared == 0) {
            return 0.5;
        }
        for (String language : profile.languages()) { // both have languages beyond the first 63 registered
            if (scheme.languages().contains(language)) {
                return 1;
            }
        }
        return 0.5;
    }
}
