package org.citycoop.platform.paging;

import org.citycoop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of a list's {@code :facets} operation ({@code GET /v1/schemes:facets}, {@code GET /v1/activities:facets}):
 * how many items match the list's filters, and for each facet asked for, how many of them have each value (most
 * frequent first, then by value). An item with several values (two sectors) counts once for each.
 */
@Schema(name = "Facets", description = "Counts of the matching items per value of each facet")
public record Facets(
        @Schema(description = "Number of items matching the filters") long total,
        @Schema(description = "Per facet name (the search parameter's name): values with their counts, most frequent first")
        Map<String, List<Count>> facets) {

    /** How many matching items have a value. */
    @Schema(name = "FacetCount")
    public record Count(@Schema(description = "The code or enum value", example = "AIR_QUALITY") String value,
                        @Schema(description = "Matching items with this value", example = "12") long count) {
    }

    /**
     * The {@code facets} parameter: comma-separated names among {@code allowed}, each once, in the order given; the
     * defaults when absent or blank.
     *
     * @throws ProblemException 400 naming {@code facets} for an unknown name
     */
    public static List<String> parse(String value, List<String> allowed, List<String> defaults) {
        if (value == null || value.isBlank()) {
            return defaults;
        }
        List<String> parsed = new ArrayList<>();
        for (String name : value.split(",")) {
            String facet = name.strip();
            if (!allowed.contains(facet)) {
                throw ProblemException.badRequest("facets", "unknown facet '" + facet + "'; allowed: " + String.join(", ", allowed));
            }
            if (!parsed.contains(facet)) {
                parsed.add(facet);
            }
        }
        return parsed;
    }

    /**
     * One SQL statement counting every facet: the filtered rows are read once (a materialised CTE {@code f}) and each
     * facet counts over them. Its rows are (facet's index in {@code values}, value, count), the total being the row
     * whose index is null; {@link #of} reads them.
     *
     * @param filtered a SELECT of the matching rows, with the columns the value expressions use
     * @param values per facet, an expression over {@code f} giving its value(s), e.g. {@code unnest(f.sectors)}
     */
    public static String sql(String filtered, List<String> values) {
        StringBuilder sql = new StringBuilder("WITH f AS MATERIALIZED (").append(filtered)
                .append(") SELECT CAST(NULL AS int), NULL, count(*) FROM f");
        for (int i = 0; i < values.size(); i++) {
            sql.append(" UNION ALL SELECT ").append(i).append(", v, count(*) FROM (SELECT ").append(values.get(i))
                    .append(" AS v FROM f) c WHERE v IS NOT NULL GROUP BY v");
        }
        return sql.toString();
    }

    /** The counts from the rows of {@link #sql}, under the facets' names (in the order of {@code names}). */
    public static Facets of(List<Object[]> rows, List<String> names) {
        Map<Integer, List<Count>> byFacet = new HashMap<>();
        long total = 0;
        for (Object[] row : rows) {
            long count = ((Number) row[2]).longValue();
            if (row[0] == null) {
                total = count;
            } else {
                byFacet.computeIfAbsent(((Number) row[0]).intValue(), i -> new ArrayList<>()).add(new Count(String.valueOf(row[1]), count));
            }
        }
        Map<String, List<Count>> counts = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            counts.put(names.get(i), byFacet.getOrDefault(i, List.of()).stream()
                    .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value)).toList());
        }
        return new Facets(total, counts);
    }
}
