package org.citycoop.catalog.scheme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /v1/schemes:facets}: how many schemes match the filters, and for each facet asked
 * for, how many of them have each value (most frequent first). A scheme with several values (two challenge
 * areas) counts once for each.
 */
@Schema(name = "SchemeFacets", description = "Counts of the matching schemes per value of each facet")
public record SchemeFacets(
        @Schema(description = "Number of schemes matching the filters") long total,
        @Schema(description = "Per facet name (the search parameter's name): values with their counts, most frequent first")
        Map<String, List<Count>> facets) {

    /** How many matching schemes have a value. */
    @Schema(name = "FacetCount")
    public record Count(@Schema(description = "The code or enum value", example = "AIR_QUALITY") String value,
                        @Schema(description = "Matching schemes with this value", example = "12") long count) {
    }
}
