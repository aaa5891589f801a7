package org.citycoop.matching.scoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a scheme fares on one criterion, and why: one entry of a match's explanation.
 *
 * @param criterion the criterion
 * @param result met, partly met or failed
 * @param detail the reason in words, with the values compared
 */
@Schema(name = "CriterionAssessment", description = "One criterion of a match: its result and why")
public record Assessment(
        @Schema(description = "Hard: relevance, applicantType, country, status, deadline, partnerCity. "
                + "Soft: challenges, supportTypes, budget, sectors, coFinancing, language", example = "budget")
        Criterion criterion,
        @Schema(example = "MET")
        CriterionResult result,
        @Schema(example = "budget 300,000 USD is inside 10,000-3,000,000 USD")
        String detail) {

    public static Assessment met(Criterion criterion, String detail) {
        return new Assessment(criterion, CriterionResult.MET, detail);
    }

    public static Assessment partlyMet(Criterion criterion, String detail) {
        return new Assessment(criterion, CriterionResult.PARTLY_MET, detail);
    }

    public static Assessment failed(Criterion criterion, String detail) {
        return new Assessment(criterion, CriterionResult.FAILED, detail);
    }
}
