package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.vocabulary.SchemeStatus;

import java.util.Comparator;
import java.util.List;

/**
 * A scheme scored against a needs profile.
 *
 * @param scheme the scheme
 * @param status its status at the time of matching ({@link HardCriteria#effectiveStatus})
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
        if (a.eligible != b.eligible) {
            return a.eligible ? -1 : 1;
        }
        int byScore = Double.compare(b.score, a.score);
        if (byScore != 0) {
            return byScore;
        }
        int byAgency = a.scheme.agencyId().compareTo(b.scheme.agencyId());
        if (byAgency != 0) {
            return byAgency;
        }
        int byRef = a.scheme.ref().compareTo(b.scheme.ref());
        return byRef != 0 ? byRef : a.scheme.id().compareTo(b.scheme.id());
    }
}
