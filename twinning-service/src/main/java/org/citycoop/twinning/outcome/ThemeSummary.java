package org.citycoop.twinning.outcome;

import org.citycoop.twinning.arrangement.OutcomeIndicator;
import org.citycoop.twinning.arrangement.Twinning;
import org.citycoop.twinning.vocabulary.TwinningStatus;
import org.citycoop.twinning.vocabulary.ChallengeArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the network's arrangements on one theme (challenge area) achieved: counts, and the measured
 * indicators. An arrangement with several themes counts under each.
 *
 * @param theme the challenge area
 * @param arrangements arrangements with this theme
 * @param byStatus those arrangements per lifecycle status (statuses with none are left out)
 * @param withOutcomes arrangements with at least one outcome indicator
 * @param evaluated arrangements with an evaluation summary
 * @param indicators outcome indicators of these arrangements
 * @param indicatorsMeasured indicators with an achieved value
 * @param targetsMet indicators whose target was reached ({@link Progress#targetMet()} true)
 * @param measured the measured indicators, each with its arrangement and progress
 */
@Schema(name = "ThemeSummary", description = "What the network's arrangements on one challenge area achieved")
public record ThemeSummary(
        ChallengeArea theme,
        int arrangements,
        Map<TwinningStatus, Integer> byStatus,
        int withOutcomes,
        int evaluated,
        int indicators,
        int indicatorsMeasured,
        int targetsMet,
        List<MeasuredIndicator> measured) {

    /**
     * A measured indicator of one arrangement.
     *
     * @param arrangementId the arrangement
     * @param arrangementTitle its title
     * @param indicator the indicator
     * @param progress how far it got
     */
    @Schema(name = "MeasuredIndicator")
    public record MeasuredIndicator(UUID arrangementId, String arrangementTitle, OutcomeIndicator indicator, Progress progress) {
    }

    /** The summary of {@code theme} over {@code twinnings} (those without the theme are ignored). */
    public static ThemeSummary of(ChallengeArea theme, Collection<Twinning> twinnings) {
        int count = 0;
        int withOutcomes = 0;
        int evaluated = 0;
        int indicators = 0;
        int measuredCount = 0;
        int met = 0;
        Map<TwinningStatus, Integer> byStatus = new EnumMap<>(TwinningStatus.class);
        List<MeasuredIndicator> measured = new ArrayList<>();
        for (Twinning twinning : twinnings) {
            if (!twinning.themes().contains(theme)) {
                continue;
            }
            count++;
            byStatus.merge(twinning.status(), 1, Integer::sum);
            if (!twinning.outcomes().isEmpty()) {
                withOutcomes++;
            }
            if (twinning.evaluation() != null) {
                evaluated++;
            }
            for (OutcomeIndicator indicator : twinning.outcomes()) {
                indicators++;
                Progress progress = Progress.of(indicator);
                if (progress.measured()) {
                    measuredCount++;
                    measured.add(new MeasuredIndicator(twinning.id(), twinning.title(), indicator, progress));
                }
                if (Boolean.TRUE.equals(progress.targetMet())) {
                    met++;
                }
            }
        }
        return new ThemeSummary(theme, count, byStatus, withOutcomes, evaluated, indicators, measuredCount, met, measured);
    }
}
