package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.scoring.criteria.MatchCriterion;
import org.citycoop.matching.scoring.criteria.StatusCriterion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a scheme against a needs profile with the criteria of {@link Criterion}, each written once in its class of
 * {@link org.citycoop.matching.scoring.criteria}: the hard criteria decide eligibility (a FAILED one makes the scheme
 * ineligible); the score is the weighted sum of the soft criteria's ratings (challenges 0.35, support types 0.20,
 * budget 0.15, DAC sectors 0.10, co-financing 0.05, language 0.05, the agency's IATI track record 0.10), rounded to 3
 * decimals, so it lies in [0, 1]. The score does not depend on the hard criteria: an ineligible scheme keeps the score
 * that says how well it would fit.
 *
 * <p>{@link #eligible} and {@link #weightedScore} give eligibility and score from the criteria's ratings alone, so that
 * ranking many schemes builds the explanations' text only for those returned ({@link #explain}, whose score is the
 * same sum).
 */
public final class MatchScorer {

    private static final MatchCriterion[] HARD = Arrays.stream(Criterion.values()).filter(Criterion::isHard)
            .map(Criterion::rule).toArray(MatchCriterion[]::new);
    private static final MatchCriterion[] SOFT = Arrays.stream(Criterion.values()).filter(criterion -> !criterion.isHard())
            .map(Criterion::rule).toArray(MatchCriterion[]::new);
    private static final MatchCriterion[] ALL = Arrays.stream(Criterion.values()).map(Criterion::rule).toArray(MatchCriterion[]::new);

    private MatchScorer() {
    }

    /** {@link #score(NeedsProfile, SchemeData, List, TrackRecords, Instant)} where no IATI activity is known. */
    public static Match score(NeedsProfile profile, SchemeData scheme, List<ArrangementData> arrangements, Instant now) {
        return score(profile, scheme, arrangements, TrackRecords.NONE, now);
    }

    /**
     * The match of one scheme with its explanation.
     *
     * @param arrangements the twinning arrangements the profile's city takes part in (any status)
     * @param trackRecords the agencies' IATI track records
     * @param now the time the match is made (for status and deadline)
     */
    public static Match score(NeedsProfile profile, SchemeData scheme, List<ArrangementData> arrangements, TrackRecords trackRecords,
                              Instant now) {
        return explain(PreparedProfile.of(profile, arrangements, trackRecords, now), PreparedScheme.of(scheme));
    }

    /** The match of one prepared scheme with its explanation: one assessment per criterion, in {@link Criterion} order. */
    public static Match explain(PreparedProfile profile, PreparedScheme scheme) {
        List<Assessment> explanation = new ArrayList<>(ALL.length);
        boolean eligible = true;
        for (MatchCriterion criterion : ALL) {
            Assessment assessment = criterion.assess(profile, scheme);
            explanation.add(assessment);
            if (assessment.criterion().isHard() && assessment.result() == CriterionResult.FAILED) {
                eligible = false;
            }
        }
        return new Match(scheme.scheme(), StatusCriterion.effectiveStatus(scheme.scheme(), profile.now()),
                weightedScore(profile, scheme), eligible, List.copyOf(explanation));
    }

    /** No hard criterion fails (their ratings, without the explanation). */
    public static boolean eligible(PreparedProfile profile, PreparedScheme scheme) {
        for (MatchCriterion criterion : HARD) {
            if (criterion.rate(profile, scheme) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The weighted sum of the soft criteria's ratings, rounded to 3 decimals (without the explanation). */
    public static double weightedScore(PreparedProfile profile, PreparedScheme scheme) {
        double weighted = 0;
        for (MatchCriterion criterion : SOFT) {
            weighted += criterion.weight() * criterion.rate(profile, scheme);
        }
        return Math.min(1, Math.max(0, Math.round(weighted * 1000) / 1000.0));
    }
}
