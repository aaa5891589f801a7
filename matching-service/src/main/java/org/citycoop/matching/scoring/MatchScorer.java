package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.readmodel.SchemeData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a scheme against a needs profile: the hard criteria of {@link HardCriteria} decide eligibility (a
 * FAILED one makes the scheme ineligible); the score is the weighted sum of the ratings of
 * {@link SoftCriteria} (challenges 0.40, support types 0.20, budget 0.15, DAC sectors
 * 0.10, co-financing 0.05, language 0.10), rounded to 3
 * decimals, so it lies in [0, 1]. The score does not depend on the hard criteria: an ineligible scheme keeps
 * the score that says how well it would fit.
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
}
