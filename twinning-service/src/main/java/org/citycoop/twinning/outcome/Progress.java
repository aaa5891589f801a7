package org.citycoop.twinning.outcome;

import org.citycoop.twinning.arrangement.OutcomeIndicator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How far an outcome indicator got, computed from its values only (nothing is assumed for a value the
 * source does not give):
 * <ul>
 *   <li>{@code change} = achieved - baseline, when both are known;</li>
 *   <li>{@code progress} = (achieved - baseline) / (target - baseline), rounded to 3 decimals, when all three
 *       are known and target differs from baseline (1 means the target was reached; above 1, exceeded; the
 *       direction, up or down, comes from baseline and target);</li>
 *   <li>{@code targetMet} = progress &ge; 1 when progress is known, otherwise null.</li>
 * </ul>
 *
 * @param measured true when an achieved value is recorded
 * @param change achieved minus baseline, or null
 * @param progress share of the way from baseline to target, or null
 * @param targetMet whether the target was reached, or null when that cannot be told
 */
@Schema(name = "OutcomeProgress", description = "How far an indicator got: change = achieved - baseline; progress = "
        + "(achieved - baseline) / (target - baseline); targetMet = progress >= 1; each null when a value it needs is unknown")
public record Progress(boolean measured,
                       @Schema(nullable = true) BigDecimal change,
                       @Schema(nullable = true, example = "1.0") BigDecimal progress,
                       @Schema(nullable = true) Boolean targetMet) {

    /** The progress of one indicator. */
    public static Progress of(OutcomeIndicator indicator) {
        BigDecimal baseline = indicator.baseline();
        BigDecimal target = indicator.target();
        BigDecimal achieved = indicator.achieved();
        BigDecimal change = baseline != null && achieved != null ? achieved.subtract(baseline) : null;
        BigDecimal progress = null;
        if (change != null && target != null && target.compareTo(baseline) != 0) {
            progress = change.divide(target.subtract(baseline), 3, RoundingMode.HALF_EVEN);
        }
        Boolean met = progress == null ? null : progress.compareTo(BigDecimal.ONE) >= 0;
        return new Progress(achieved != null, change, progress, met);
    }
}
