package org.citycoop.matching.packages;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.scoring.Match;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Proposes funding packages: combinations of eligible schemes from different agencies that together cover the
 * profile's challenges and its budget (the seminar's umbrella projects and pooled resources).
 *
 * <p>Rules:
 * <ul>
 *   <li>At most one scheme per agency programme. The catalogue's scheme model has no programme and no stacking
 *   flag, so each agency counts as one programme and no scheme stacks: at most one scheme per agency.</li>
 *   <li>A scheme's contribution to the budget is its largest award ({@code fundingRange.max}) when it is in the
 *   budget's currency; an unknown maximum or another currency contributes nothing (no exchange rates).</li>
 *   <li>A package is complete when it covers every challenge area of the profile and, when a budget is given,
 *   the contributions add up to at least the budget.</li>
 * </ul>
 *
 * <p>Search: a beam search (width {@value #BEAM_WIDTH}, at most {@value #MAX_SCHEMES} schemes per package) over
 * the best {@value #MAX_CANDIDATES} eligible matches. Each round adds to every package in the beam each scheme of
 * a new agency that covers a missing challenge or adds to a budget not yet covered, and keeps the best
 * {@value #BEAM_WIDTH} by {@link #value}. The search is bounded (at most
 * {@code MAX_SCHEMES * BEAM_WIDTH * MAX_CANDIDATES} extensions) and deterministic.
 *
 * <p>Ranking: complete packages first; then by value (0.6 x weighted share of the challenges covered, as the
 * {@code challenges} criterion weighs priorities; 0.3 x share of the budget covered; 0.1 x mean match score);
 * then fewer schemes; then the scheme ids.
 */
public final class FundingPackages {

    static final int BEAM_WIDTH = 8;
    static final int MAX_SCHEMES = 4;
    static final int MAX_CANDIDATES = 40;

    private FundingPackages() {
    }

    /**
     * A proposed package.
     *
     * @param matches its schemes' matches, in the order they were added
     * @param covered challenge areas covered, in the profile's order
     * @param uncovered challenge areas no scheme of the package addresses
     * @param budgetCovered sum of the contributions (null when the profile gives no budget)
     * @param budgetRemaining what the contributions leave uncovered, 0 when covered (null without a budget)
     * @param complete covers every challenge and the budget
     * @param value the ranking value in [0, 1]
     */
    public record Proposal(List<Match> matches, List<ChallengeArea> covered, List<ChallengeArea> uncovered,
                           Money budgetCovered, Money budgetRemaining, boolean complete, double value) {
    }

    /**
     * @param eligible the profile's eligible matches, best first
     * @param limit most packages to return
     * @return packages ranked as the class describes; empty when there is no eligible match
     */
    public static List<Proposal> propose(NeedsProfile profile, List<Match> eligible, int limit) {
        List<Match> candidates = eligible.stream().filter(Match::eligible).limit(MAX_CANDIDATES).toList();
        List<Proposal> beam = List.of(evaluate(profile, List.of()));
        List<Proposal> found = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        for (int round = 0; round < MAX_SCHEMES && !beam.isEmpty(); round++) {
            List<Proposal> next = new ArrayList<>();
            for (Proposal partial : beam) {
                if (partial.complete()) {
                    continue;
                }
                Set<String> agencies = partial.matches().stream().map(m -> m.scheme().agencyId()).collect(Collectors.toSet());
                for (Match candidate : candidates) {
                    if (agencies.contains(candidate.scheme().agencyId()) || !adds(profile, partial, candidate.scheme())) {
                        continue;
                    }
                    List<Match> extended = new ArrayList<>(partial.matches());
                    extended.add(candidate);
                    Set<String> ids = extended.stream().map(m -> m.scheme().id()).collect(Collectors.toSet());
                    if (seen.add(ids)) {
                        next.add(evaluate(profile, extended));
                    }
                }
            }
            next.sort(RANKING);
            beam = next.subList(0, Math.min(BEAM_WIDTH, next.size()));
            found.addAll(beam);
        }
        return found.stream().sorted(RANKING).limit(limit).toList();
    }

    /** Complete first, then higher value, fewer schemes, then scheme ids. */
    static final Comparator<Proposal> RANKING = Comparator.comparing((Proposal p) -> !p.complete())
            .thenComparing(Comparator.comparingDouble(Proposal::value).reversed())
            .thenComparingInt(p -> p.matches().size())
            .thenComparing(p -> p.matches().stream().map(m -> m.scheme().id()).sorted().collect(Collectors.joining(",")));

    private static boolean adds(NeedsProfile profile, Proposal partial, SchemeData scheme) {
        boolean newArea = scheme.challengeAreas().stream().anyMatch(partial.uncovered()::contains);
        boolean addsMoney = partial.budgetRemaining() != null && partial.budgetRemaining().value().orElse(BigDecimal.ZERO).signum() > 0
                && contribution(profile, scheme).signum() > 0;
        return newArea || addsMoney;
    }

    static Proposal evaluate(NeedsProfile profile, List<Match> matches) {
        Set<ChallengeArea> addressed = matches.stream().flatMap(m -> m.scheme().challengeAreas().stream()).collect(Collectors.toSet());
        List<ChallengeArea> covered = new ArrayList<>();
        List<ChallengeArea> uncovered = new ArrayList<>();
        double weightCovered = 0;
        double weightTotal = 0;
        for (NeedsProfile.Challenge challenge : profile.challenges()) {
            double weight = 1.0 / challenge.priority();
            weightTotal += weight;
            if (addressed.contains(challenge.area())) {
                covered.add(challenge.area());
                weightCovered += weight;
            } else {
                uncovered.add(challenge.area());
            }
        }
        Money budgetCovered = null;
        Money budgetRemaining = null;
        double budgetShare = 1;
        if (profile.budget() != null && profile.budget().value().isPresent() && profile.budget().value().get().signum() > 0) {
            BigDecimal need = profile.budget().value().get();
            BigDecimal sum = matches.stream().map(m -> contribution(profile, m.scheme())).reduce(BigDecimal.ZERO, BigDecimal::add);
            budgetCovered = new Money(sum.toPlainString(), profile.budget().currency());
            budgetRemaining = new Money(need.subtract(sum).max(BigDecimal.ZERO).toPlainString(), profile.budget().currency());
            budgetShare = Math.min(1, sum.doubleValue() / need.doubleValue());
        }
        double meanScore = matches.stream().mapToDouble(Match::score).average().orElse(0);
        double value = Math.round((0.6 * (weightTotal == 0 ? 1 : weightCovered / weightTotal) + 0.3 * budgetShare + 0.1 * meanScore) * 1000) / 1000.0;
        boolean complete = !matches.isEmpty() && uncovered.isEmpty() && budgetShare >= 1;
        return new Proposal(List.copyOf(matches), covered, uncovered, budgetCovered, budgetRemaining, complete, value);
    }

    /** The scheme's largest award in the budget's currency; 0 when unknown or in another currency. */
    static BigDecimal contribution(NeedsProfile profile, SchemeData scheme) {
        if (profile.budget() == null || scheme.fundingRange() == null || scheme.fundingRange().max() == null) {
            return BigDecimal.ZERO;
        }
        Money max = scheme.fundingRange().max();
        if (!Objects.equals(max.currency(), profile.budget().currency())) {
            return BigDecimal.ZERO;
        }
        return max.value().orElse(BigDecimal.ZERO);
    }
}
