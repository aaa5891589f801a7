package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.vocabulary.SchemeStatus;

import java.util.Comparator;
import java.util.List;

/**
 * A scheme scored against a needs profile.
 *
 * @param scheme the scheme
 * @param status its status at the time of matching ({@link org.citycoop.matching.scoring.criteria.StatusCriterion#effectiveStatus})
 * @param score weighted sum of the soft criteria, rounded to 3 decimals, in [0, 1]
 * @param eligible true when no hard criterion failed
 * @param explanation one assessment per criterion, hard ones first, in {@link Criterion} order
 */
public record Match(SchemeData scheme, SchemeStatus status, double score, boolean eligible, List<Assessment> explanation) {

    /**
     * The ranking: eligible before ineligible, then higher score first, then by agency id and the agency's
     * own reference (the same order on every installation; scheme ids are random), then scheme id.
     */
    public static final Comparator<Match> RANKING = Match::compareRanking;

    /** {@link #RANKING} written out: no boxing and no chained lambdas, as it runs for every candidate of a match. */
    private static int compareRanking(Match a, Match b) {
        return compare(a.eligible, a.score, a.scheme, b.eligible, b.score, b.scheme);
    }

    /**
     * {@link #RANKING} of two schemes by their eligibility and score, for ranking before a {@code Match} is made:
     * negative when {@code a} comes first.
     */
    public static int compare(boolean eligibleA, double scoreA, SchemeData a, boolean eligibleB, double scoreB, SchemeData b) {
        if (eligibleA != eligibleB) {
            return eligibleA ? -1 : 1;
        }
        int byScore = Double.compare(scoreB, scoreA);
        if (byScore != 0) {
            return byScore;
        }
        int byAgency = a.agencyId().compareTo(b.agencyId());
        if (byAgency != 0) {
            return byAgency;
        }
        int byRef = a.ref().compareTo(b.ref());
        return byRef != 0 ? byRef : a.id().compareTo(b.id());
    }
}
