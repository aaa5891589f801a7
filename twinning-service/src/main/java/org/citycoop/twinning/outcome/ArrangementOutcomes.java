package org.citycoop.twinning.outcome;

import org.citycoop.twinning.arrangement.Evaluation;
import org.citycoop.twinning.arrangement.OutcomeIndicator;
import org.citycoop.twinning.arrangement.Period;
import org.citycoop.twinning.arrangement.Twinning;
import org.citycoop.twinning.vocabulary.TwinningStatus;
import org.citycoop.twinning.vocabulary.ChallengeArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The answer of {@code GET /v1/twinnings/{id}/outcomes}: what one arrangement achieved. */
@Schema(name = "ArrangementOutcomes", description = "The outcome indicators of one arrangement with their progress, and its evaluation")
public record ArrangementOutcomes(
        UUID arrangementId,
        String title,
        TwinningStatus status,
        List<ChallengeArea> themes,
        @Schema(nullable = true) Period period,
        List<IndicatorWithProgress> indicators,
        @Schema(nullable = true) Evaluation evaluation) {

    /**
     * An indicator and how far it got.
     *
     * @param indicator the recorded indicator
     * @param progress computed from its values ({@link Progress})
     */
    @Schema(name = "IndicatorWithProgress")
    public record IndicatorWithProgress(OutcomeIndicator indicator, Progress progress) {
    }

    public static ArrangementOutcomes of(Twinning twinning) {
        return new ArrangementOutcomes(twinning.id(), twinning.title(), twinning.status(), twinning.themes(),
                twinning.period(),
                twinning.outcomes().stream().map(i -> new IndicatorWithProgress(i, Progress.of(i))).toList(),
                twinning.evaluation());
    }
}
