package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;

/**
 * One criterion of a match, written once: {@link #rate} decides or scores it from the prepared profile and scheme
 * (numbers only, nothing allocated: it runs for every candidate scheme of a match), and {@link #assess} explains it
 * from the same values (run only for the matches returned). A hard criterion (weight 0) rates 0 when it fails and 1
 * otherwise; a soft one rates in [0, 1] and is weighted into the score.
 *
 * <p>Adding a criterion: a class here implementing this interface, its constant in {@link Criterion} (its name in the
 * API, in the order of the explanation) and its test.
 */
public interface MatchCriterion {

    /** The criterion's name in the API and place in the explanation. */
    Criterion criterion();

    /** The weight of a soft criterion in the score (the weights add up to 1); 0 for a hard criterion. */
    double weight();

    /** A soft criterion's rating in [0, 1]; a hard criterion's 0 when it fails, 1 when it does not. */
    double rate(PreparedProfile profile, PreparedScheme scheme);

    /** The result and why, with the values compared, from what {@link #rate} computes. */
    Assessment assess(PreparedProfile profile, PreparedScheme scheme);

    /**
     * The key of the read-model index under which the schemes this hard criterion may pass are found, so that a match
     * reads only those; null when it does not pre-filter by key (then only its {@link #rate} leaves schemes out).
     */
    default IndexKey indexKey() {
        return null;
    }
}
