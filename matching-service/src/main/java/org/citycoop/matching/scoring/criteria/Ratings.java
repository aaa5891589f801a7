package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.CriterionResult;

/** The result of a soft criterion's rating: MET at 1, FAILED at 0, PARTLY_MET in between. */
final class Ratings {

    private Ratings() {
    }

    static Assessment rated(Criterion criterion, double value, String detail) {
        CriterionResult result = value >= 1 ? CriterionResult.MET : value <= 0 ? CriterionResult.FAILED : CriterionResult.PARTLY_MET;
        return new Assessment(criterion, result, detail);
    }
}
