package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.readmodel.SchemeData;

import org.citycoop.matching.readmodel.SchemeData.ApplicationWindow;
import org.citycoop.matching.readmodel.SchemeData.FundingRange;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.SupportType;
import org.citycoop.matching.vocabulary.WindowKind;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;

/**
 * Scores a scheme against a needs profile: the hard criteria of {@link HardCriteria} decide eligibility (a
 * FAILED one makes the scheme ineligible); the score is the weighted sum of the ratings of
 * {@link SoftCriteria} (challenges 0.40, support types 0.20, budget 0.15, DAC sectors
 * 0.10, co-financing 0.05, language 0.10), rounded to 3
 * decimals, so it lies in [0, 1]. The score does not depend on the hard criteria: an ineligible scheme keeps
 * the score that says how well it would fit.
 *
 * <p>{@link #rank} gives the same score and eligibility as {@link #score} without the explanation's text, so that
 * ranking many schemes builds the text only for those returned; {@code MatchScorerRankTest} checks that the two
 * agree. Keep {@link #rank} in step with {@link HardCriteria} and {@link SoftCriteria}.
 */
public final class MatchScorer {

    private MatchScorer() {
    }

    /**
     * @param arrangements the twinning arrangements the profile's city takes part in (any status)
     * @param now the time the match is made (for status and deadline)
     */
    public static Match score(NeedsProfile profile, SchemeData scheme, List<ArrangementData> arrangements, Instant now) {
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
                SoftCriteria.language(profile, scheme));
        double weighted = soft.stream()
                .mapToDouble(rating -> rating.assessment().criterion().weight() * rating.value())
                .sum();
        double score = Math.min(1, Math.max(0, Math.round(weighted * 1000) / 1000.0));
        List<Assessment> explanation = new ArrayList<>(hard);
        soft.forEach(rating -> explanation.add(rating.assessment()));
        boolean eligible = explanation.stream()
                .noneMatch(assessment -> assessment.criterion().isHard() && assessment.result() == CriterionResult.FAILED);
        return new Match(scheme, HardCriteria.effectiveStatus(scheme, now), score, eligible, List.copyOf(explanation));
    }

    /** Score and eligibility of a scheme for a profile, as {@link #score} computes them. */
    public record Ranking(double score, boolean eligible) {
    }

    /**
     * The score and eligibility that {@link #score} gives, computed without building the explanation (the numbers
     * only, in the same order and arithmetic).
     */
    public static Ranking rank(NeedsProfile profile, SchemeData scheme, List<ArrangementData> arrangements, Instant now) {
        boolean eligible = relevant(profile, scheme) && openToApplicant(profile, scheme) && openToCountry(profile, scheme)
                && statusAllows(scheme, now) && deadlineAllows(scheme, now) && partnerCityAllows(profile, scheme, arrangements);
        double weighted = DoubleStream.of(
                Criterion.CHALLENGES.weight() * challenges(profile, scheme),
                Criterion.SUPPORT_TYPES.weight() * supportTypes(profile, scheme),
                Criterion.BUDGET.weight() * budget(profile, scheme),
                Criterion.SECTORS.weight() * sectors(profile, scheme),
                Criterion.CO_FINANCING.weight() * coFinancing(profile, scheme),
                Criterion.LANGUAGE.weight() * language(profile, scheme)).sum();
        return new Ranking(Math.min(1, Math.max(0, Math.round(weighted * 1000) / 1000.0)), eligible);
    }

    private static boolean relevant(NeedsProfile profile, SchemeData scheme) {
        for (NeedsProfile.Challenge challenge : profile.challenges()) {
            if (scheme.challengeAreas().contains(challenge.area())) {
                return true;
            }
        }
        return false;
    }

    private static boolean openToApplicant(NeedsProfile profile, SchemeData scheme) {
        List<ApplicantType> types = scheme.applicantTypes();
        return types.isEmpty() || types.contains(profile.applicantType()) || types.contains(ApplicantType.ANY);
    }

    private static boolean openToCountry(NeedsProfile profile, SchemeData scheme) {
        return scheme.eligibleCountries().isEmpty() || scheme.eligibleCountries().contains(profile.country());
    }

    private static boolean statusAllows(SchemeData scheme, Instant now) {
        SchemeStatus status = HardCriteria.effectiveStatus(scheme, now);
        return status != SchemeStatus.CLOSED && status != SchemeStatus.WITHDRAWN;
    }

    private static boolean deadlineAllows(SchemeData scheme, Instant now) {
        ApplicationWindow window = scheme.window();
        if (window == null || window.kind() == null || window.kind() == WindowKind.ROLLING || window.deadline() == null) {
            return true;
        }
        long lead = HardCriteria.LeadTime.of(scheme.processSteps()).days();
        if (window.kind() == WindowKind.FIXED) {
            return !now.isAfter(window.deadline().toInstant()) && daysLeft(window.deadline(), now) >= lead;
        }
        OffsetDateTime next = HardCriteria.nextOccurrence(window.deadline(), now);
        return daysLeft(next, now) >= lead || daysLeft(next.plusYears(1), now) >= lead;
    }

    private static long daysLeft(OffsetDateTime deadline, Instant now) {
        return Duration.between(now, deadline.toInstant()).toDays();
    }

    private static boolean partnerCityAllows(NeedsProfile profile, SchemeData scheme, List<ArrangementData> arrangements) {
        if (scheme.partnerCityRequired() == null) {
            return true;
        }
        if (profile.cityId() == null) {
            return false;
        }
        String country = scheme.partnerCityRequired().country();
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

    private static double challenges(NeedsProfile profile, SchemeData scheme) {
        double covered = 0;
        double total = 0;
        for (NeedsProfile.Challenge challenge : profile.challenges()) {
            double weight = 1.0 / challenge.priority();
            total += weight;
            if (scheme.challengeAreas().contains(challenge.area())) {
                covered += weight;
            }
        }
        return covered == total ? 1 : covered / total;
    }

    private static double supportTypes(NeedsProfile profile, SchemeData scheme) {
        Set<SupportType> wanted = new LinkedHashSet<>(profile.supportTypes());
        if (wanted.isEmpty()) {
            return 1;
        }
        long offered = wanted.stream().filter(scheme.supportTypes()::contains).count();
        return (double) offered / wanted.size();
    }

    private static double budget(NeedsProfile profile, SchemeData scheme) {
        Money budget = profile.budget();
        if (budget == null || budget.value().isEmpty()) {
            return 1;
        }
        BigDecimal need = budget.value().get();
        FundingRange range = scheme.fundingRange();
        Money min = range == null ? null : known(range.min());
        Money max = range == null ? null : known(range.max());
        if (min == null && max == null) {
            return 0.5;
        }
        if (min != null && !min.currency().equals(budget.currency()) || max != null && !max.currency().equals(budget.currency())) {
            return 0.5;
        }
        if (max != null && need.compareTo(max.value().get()) > 0) {
            return max.value().get().divide(need, MathContext.DECIMAL64).doubleValue();
        }
        if (min != null && need.compareTo(min.value().get()) < 0) {
            return need.divide(min.value().get(), MathContext.DECIMAL64).doubleValue();
        }
        return 1;
    }

    private static Money known(Money money) {
        return money == null || money.currency() == null || money.value().isEmpty() ? null : money;
    }

    private static double sectors(NeedsProfile profile, SchemeData scheme) {
        if (profile.sectors().isEmpty()) {
            return 1;
        }
        if (scheme.sectors().isEmpty()) {
            return 0.5;
        }
        Set<String> wanted = new LinkedHashSet<>(profile.sectors());
        long shared = wanted.stream().filter(scheme.sectors()::contains).count();
        return (double) shared / wanted.size();
    }

    private static double coFinancing(NeedsProfile profile, SchemeData scheme) {
        BigDecimal share = scheme.coFinancingShareValue().orElse(null);
        if (share == null || share.signum() <= 0) {
            return 1;
        }
        Money budget = profile.budget();
        if (budget == null || budget.value().isEmpty()) {
            return 0.5;
        }
        BigDecimal required = budget.value().get().multiply(share);
        Money offered = profile.coFinancing();
        if (offered == null || offered.value().isEmpty() || !offered.currency().equals(budget.currency())) {
            return 0.5;
        }
        if (offered.value().get().compareTo(required) >= 0) {
            return 1;
        }
        return required.signum() == 0 ? 1 : offered.value().get().divide(required, MathContext.DECIMAL64).doubleValue();
    }

    private static double language(NeedsProfile profile, SchemeData scheme) {
        Set<String> available = SchemeLanguages.available(scheme);
        return SchemeLanguages.wanted(profile).stream().anyMatch(available::contains) ? 1 : 0.5;
    }
}
