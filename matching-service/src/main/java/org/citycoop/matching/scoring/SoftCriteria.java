package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.SchemeData.FundingRange;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SupportType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The soft criteria: each rates how well a scheme fits the profile in [0, 1], and {@link MatchScorer} weights
 * the ratings into the score ({@link Criterion#weight()}). The result is MET at 1, FAILED at 0 and PARTLY_MET
 * in between, except where noted. {@link MatchScorer#eligible} and {@link MatchScorer#weightedScore} computes the same ratings without the text; keep it
 * in step.
 */
public final class SoftCriteria {

    private SoftCriteria() {
    }

    /** An assessment with its rating in [0, 1]. */
    public record Rating(Assessment assessment, double value) {
    }

    /**
     * Weight 0.35: the sum of 1/priority over the city's challenges the scheme addresses, divided by the sum of
     * 1/priority over all of them (a priority-1 challenge counts five times as much as a priority-5 one).
     */
    public static Rating challenges(NeedsProfile profile, SchemeData scheme) {
        double covered = 0;
        double total = 0;
        List<String> coveredAreas = new ArrayList<>();
        for (NeedsProfile.Challenge challenge : profile.challenges()) {
            double weight = 1.0 / challenge.priority();
            total += weight;
            if (scheme.challengeAreas().contains(challenge.area())) {
                covered += weight;
                coveredAreas.add(challenge.area() + " (priority " + challenge.priority() + ")");
            }
        }
        double value = covered == total ? 1 : covered / total;
        String detail = coveredAreas.isEmpty()
                ? "addresses none of the city's challenges"
                : "addresses " + String.join(", ", coveredAreas) + ": " + percent(value) + " of the weighted priorities";
        return rating(Criterion.CHALLENGES, value, detail);
    }

    /** Weight 0.20: the share of the wanted support types the scheme offers; MET when none is wanted. */
    public static Rating supportTypes(NeedsProfile profile, SchemeData scheme) {
        Set<SupportType> wanted = new LinkedHashSet<>(profile.supportTypes());
        if (wanted.isEmpty()) {
            return rating(Criterion.SUPPORT_TYPES, 1, "no support type asked for");
        }
        List<SupportType> offered = wanted.stream().filter(scheme.supportTypes()::contains).toList();
        double value = (double) offered.size() / wanted.size();
        String detail = offered.isEmpty()
                ? "offers " + HardCriteria.join(scheme.supportTypes()) + ", none of " + HardCriteria.join(List.copyOf(wanted))
                : "offers " + HardCriteria.join(offered) + " of " + HardCriteria.join(List.copyOf(wanted));
        return rating(Criterion.SUPPORT_TYPES, value, detail);
    }

    /**
     * Weight 0.15: 1 (MET) when the budget lies inside the funding range (an absent end is open); above the
     * maximum, the share of the budget the maximum covers; below the minimum, the budget's share of the minimum
     * (both PARTLY_MET, in (0, 1)). 1 (MET) when the profile states no budget. 0.5 and PARTLY_MET when the range
     * is unknown or in another currency than the budget: amounts in different currencies are not compared (no
     * exchange rates).
     */
    public static Rating budget(NeedsProfile profile, SchemeData scheme) {
        Money budget = profile.budget();
        if (budget == null || budget.value().isEmpty()) {
            return rating(Criterion.BUDGET, 1, "no budget given");
        }
        BigDecimal need = budget.value().get();
        FundingRange range = scheme.fundingRange();
        Optional<Money> min = range == null ? Optional.empty() : known(range.min());
        Optional<Money> max = range == null ? Optional.empty() : known(range.max());
        if (min.isEmpty() && max.isEmpty()) {
            return partly(Criterion.BUDGET, 0.5, "funding range unknown");
        }
        String rangeText = describe(min, max);
        boolean otherCurrency = min.map(m -> !m.currency().equals(budget.currency())).orElse(false)
                || max.map(m -> !m.currency().equals(budget.currency())).orElse(false);
        if (otherCurrency) {
            return partly(Criterion.BUDGET, 0.5, "funding range " + rangeText + " is in another currency than the budget "
                    + budget.display() + "; not compared (no exchange rates)");
        }
        if (max.isPresent() && need.compareTo(max.get().value().get()) > 0) {
            double share = max.get().value().get().doubleValue() / need.doubleValue();
            return partly(Criterion.BUDGET, share, "budget " + budget.display() + " is above the maximum "
                    + max.get().display() + ", which covers " + percent(share) + " of it");
        }
        if (min.isPresent() && need.compareTo(min.get().value().get()) < 0) {
            double share = need.doubleValue() / min.get().value().get().doubleValue();
            return partly(Criterion.BUDGET, share, "budget " + budget.display() + " is below the minimum "
                    + min.get().display());
        }
        return rating(Criterion.BUDGET, 1, "budget " + budget.display() + " is inside " + rangeText);
    }

    /**
     * Weight 0.05: 1 (MET) when the scheme has a name or description in one of the wanted languages (compared by
     * primary language subtag; the scheme's untagged name and description count as English); otherwise 0.5 and
     * PARTLY_MET: it is shown in English.
     */
    public static Rating language(NeedsProfile profile, SchemeData scheme) {
        Set<String> available = SchemeLanguages.available(scheme);
        List<String> wanted = SchemeLanguages.wanted(profile);
        Optional<String> found = wanted.stream().filter(available::contains).findFirst();
        if (found.isPresent()) {
            return rating(Criterion.LANGUAGE, 1, "available in " + found.get());
        }
        return partly(Criterion.LANGUAGE, 0.5, "not available in " + String.join(", ", wanted) + "; shown in English");
    }

    /**
     * Weight 0.10: the share of the profile's DAC sectors (IATI Sector codelist, 5-digit purpose codes) that the
     * scheme lists; 1 (MET) when the profile states none; 0.5 (PARTLY_MET) when the scheme lists none (the agency
     * does not publish them).
     */
    public static Rating sectors(NeedsProfile profile, SchemeData scheme) {
        if (profile.sectors().isEmpty()) {
            return rating(Criterion.SECTORS, 1, "no DAC sector asked for");
        }
        if (scheme.sectors().isEmpty()) {
            return partly(Criterion.SECTORS, 0.5, "the scheme publishes no DAC sectors; asked for " + String.join(", ", profile.sectors()));
        }
        List<String> wanted = List.copyOf(new LinkedHashSet<>(profile.sectors()));
        List<String> shared = wanted.stream().filter(scheme.sectors()::contains).toList();
        double value = (double) shared.size() / wanted.size();
        String detail = shared.isEmpty()
                ? "funds DAC sectors " + String.join(", ", scheme.sectors()) + ", none of " + String.join(", ", wanted)
                : "funds DAC sectors " + String.join(", ", shared) + " of " + String.join(", ", wanted);
        return rating(Criterion.SECTORS, value, detail);
    }

    /**
     * Weight 0.05: whether the city can bring the co-financing the scheme requires. 1 (MET) when the scheme requires
     * none; otherwise the required amount is {@code coFinancingShare} of the budget: MET when the profile's
     * {@code coFinancing} reaches it, the share it covers (PARTLY_MET or FAILED at 0) when it does not; 0.5
     * (PARTLY_MET) when the profile states no budget or no co-financing, or they are in different currencies.
     */
    public static Rating coFinancing(NeedsProfile profile, SchemeData scheme) {
        BigDecimal share = scheme.coFinancingShareValue().orElse(null);
        if (share == null || share.signum() <= 0) {
            return rating(Criterion.CO_FINANCING, 1, "no co-financing required");
        }
        String percent = percent(share.doubleValue());
        Money budget = profile.budget();
        if (budget == null || budget.value().isEmpty()) {
            return partly(Criterion.CO_FINANCING, 0.5, "requires " + percent + " co-financing; no budget given to compare");
        }
        BigDecimal required = budget.value().get().multiply(share);
        Money requiredMoney = new Money(required.stripTrailingZeros().toPlainString(), budget.currency());
        Money offered = profile.coFinancing();
        if (offered == null || offered.value().isEmpty()) {
            return partly(Criterion.CO_FINANCING, 0.5, "requires " + percent + " co-financing (" + requiredMoney.display()
                    + " of the budget); the co-financing the city can bring is not stated");
        }
        if (!offered.currency().equals(budget.currency())) {
            return partly(Criterion.CO_FINANCING, 0.5, "requires " + percent + " co-financing (" + requiredMoney.display()
                    + "); co-financing " + offered.display() + " is in another currency (no exchange rates)");
        }
        if (offered.value().get().compareTo(required) >= 0) {
            return rating(Criterion.CO_FINANCING, 1, "co-financing " + offered.display() + " covers the required " + percent
                    + " (" + requiredMoney.display() + ")");
        }
        double value = required.signum() == 0 ? 1 : offered.value().get().divide(required, MathContext.DECIMAL64).doubleValue();
        return rating(Criterion.CO_FINANCING, value, "co-financing " + offered.display() + " is below the required " + percent
                + " (" + requiredMoney.display() + ")");
    }

    /**
     * Weight 0.10: the agency's own IATI activities in the profile's country and in the profile's DAC sectors (the
     * scheme's when the profile states none), as {@link TrackRecord#value()} rates them: 1 (MET) with activities there,
     * 0.5 (PARTLY_MET) with activities in the country in other sectors or when the agency's IATI activities are
     * unknown, 0 (FAILED) when it publishes activities and none is in the country. The explanation cites IATI: "ADB has
     * 14 activities in Indonesia in sectors 14050 and 14022 since 2015 (IATI, last updated 2026-09-30)".
     */
    public static Rating trackRecord(NeedsProfile profile, SchemeData scheme, TrackRecords records) {
        TrackRecord record = records.of(scheme.agencyId(), profile.country(), trackRecordSectors(profile.sectors(), scheme.sectors()));
        double value = record.value();
        return value == 0.5 ? partly(Criterion.TRACK_RECORD, value, record.explanation())
                : rating(Criterion.TRACK_RECORD, value, record.explanation());
    }

    /** The sectors the track record counts: the profile's, else the scheme's. */
    static List<String> trackRecordSectors(List<String> profileSectors, List<String> schemeSectors) {
        return profileSectors.isEmpty() ? schemeSectors : List.copyOf(new LinkedHashSet<>(profileSectors));
    }

    /** {@code 10,000-90,000 USD}, {@code the range from 10,000 USD}, {@code the range up to 90,000 USD}. */
    private static String describe(Optional<Money> min, Optional<Money> max) {
        if (min.isEmpty()) {
            return "the range up to " + max.get().display();
        }
        if (max.isEmpty()) {
            return "the range from " + min.get().display();
        }
        if (min.get().currency().equals(max.get().currency())) {
            return Money.grouped(min.get().value().get()) + "-" + max.get().display();
        }
        return min.get().display() + "-" + max.get().display();
    }

    private static Optional<Money> known(Money money) {
        return money == null || money.currency() == null || money.value().isEmpty() ? Optional.empty() : Optional.of(money);
    }

    private static Rating rating(Criterion criterion, double value, String detail) {
        CriterionResult result = value >= 1 ? CriterionResult.MET : value <= 0 ? CriterionResult.FAILED : CriterionResult.PARTLY_MET;
        return new Rating(new Assessment(criterion, result, detail), value);
    }

    private static Rating partly(Criterion criterion, double value, String detail) {
        return new Rating(Assessment.partlyMet(criterion, detail), value);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%"; // half up, as "%.0f" would, without a Formatter per call
    }
}
