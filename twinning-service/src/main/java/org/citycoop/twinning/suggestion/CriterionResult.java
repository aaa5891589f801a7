package org.citycoop.twinning.suggestion;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a candidate fared on one criterion.
 *
 * @param criterion what was judged
 * @param result MET, PARTLY_MET or FAILED
 * @param weight the criterion's weight in the score
 * @param points what it adds to the score: weight x 1 (MET), 0.5 (PARTLY_MET) or 0 (FAILED)
 * @param detail the values compared, in words
 */
@Schema(name = "SuggestionCriterion", description = "One criterion of a partner suggestion and the values it compared")
public record CriterionResult(Criterion criterion, Result result, double weight, double points,
                              @Schema(example = "4 arrangements in SOLID_WASTE, 2 with achieved outcomes") String detail) {

    /** The outcome of a criterion. */
    @Schema(name = "CriterionOutcome", description = "MET counts in full, PARTLY_MET half, FAILED nothing")
    public enum Result {
        MET(1.0), PARTLY_MET(0.5), FAILED(0.0);

        private final double share;

        Result(double share) {
            this.share = share;
        }

        public double share() {
            return share;
        }
    }

    static CriterionResult of(Criterion criterion, Result result, String detail) {
        return new CriterionResult(criterion, result, criterion.weight(),
                Math.round(criterion.weight() * result.share() * 1000) / 1000.0, detail);
    }
}
