package org.citycoop.twinning.suggestion;

import org.citycoop.twinning.city.CityView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One suggested partner city, with its score and the reason per criterion.
 *
 * @param city the suggested city
 * @param score sum of the criteria's points, in [0, 1]
 * @param explanation one entry per criterion, with the values compared
 */
@Schema(name = "PartnerSuggestion", description = "A suggested partner city, its score in [0, 1] and why")
public record PartnerSuggestion(CityView city, @Schema(example = "0.7") double score, List<CriterionResult> explanation) {
}
