package org.citycoop.platform.paging;

import org.citycoop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The answer of a list's {@code :facets} operation ({@code GET /v1/schemes:facets}, {@code GET /v1/activities:facets}):
 * how many items match the list's filters, and for each facet asked for, how many items have each value (most
 * frequent first, then by value) among those that match every filter but the facet's own, so that a facet's counts stay
 * the same whichever of its own values are chosen (a page's tick boxes keep their numbers). An item with several values (two sectors) counts
 * once for each.
 */
@Schema(name = "Facets", description = "Counts per value of each facet, among the items matching every filter but that facet's own")
public record Facets(
        @Schema(description = "Number of items matching the filters") long total,
        @Schema(description = "Per facet name (the search parameter's name): values with their counts, most frequent first")
        Map<String, List<Count>> facets) {

    /** How many matching items have a value. */
    @Schema(name = "FacetCount")
    public record Count(@Schema(description = "The code or enum value", example = "AIR_QUALITY") String value,
                        @Schema(description = "Items with this value that match every filter but this facet's own", example = "12") long count) {
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
        if (parsed.isEmpty()) { // only commas: a list asked for and left empty
            throw ProblemException.badRequest("facets", "names no facet; allowed: " + String.join(", ", allowed));
        }
        return parsed;
    }

    /**
     * One SQL statement counting every facet in one pass over the matching rows: each row's facet values are unnested
     * side by side (PostgreSQL pads the shorter lists with nulls, and a column that is 1 on each row's first line only
     * counts the rows), and {@code GROUP BY GROUPING SETS} counts every facet and the total at once. Its rows are
     * (facet's index in {@code values}, value, count), the total being the row whose index is null; {@link #of} reads
     * them. A facet's null group (the padding, and rows without a value) is left out.
     *
     * @param fromWhere the {@code FROM ... WHERE ...} of the matching rows
     * @param values per facet, an array expression over those rows giving its values, e.g. {@code s.sectors} or
     *               {@code ARRAY[s.agency_id]}
     */
    public static String sql(String fromWhere, List<String> values) {
        StringBuilder rows = new StringBuilder("SELECT unnest('{1}'::int[]) AS one");
        for (int i = 0; i < values.size(); i++) {
            rows.append(", unnest(").append(values.get(i)).append(") AS f").append(i);
        }
        rows.append(' ').append(fromWhere);
        if (values.isEmpty()) {
            return "SELECT CAST(NULL AS int), NULL, count(v.one) FROM (" + rows + ") v";
        }
        String columns = IntStream.range(0, values.size()).mapToObj(i -> "v.f" + i).collect(Collectors.joining(", "));
        int all = (1 << values.size()) - 1;
        StringBuilder sql = new StringBuilder("SELECT CASE");
        for (int i = 0; i < values.size(); i++) {
            sql.append(" WHEN GROUPING(v.f").append(i).append(") = 0 THEN ").append(i);
        }
        sql.append(" END, COALESCE(").append(columns).append("), CASE WHEN GROUPING(").append(columns).append(") = ")
                .append(all).append(" THEN count(v.one) ELSE count(*) END FROM (").append(rows).append(") v GROUP BY GROUPING SETS (()");
        for (int i = 0; i < values.size(); i++) {
            sql.append(", (v.f").append(i).append(')');
        }
        sql.append(") HAVING GROUPING(").append(columns).append(") = ").append(all).append(" OR COALESCE(").append(columns)
                .append(") IS NOT NULL");
        return sql.toString();
    }

    /** The counts from the rows of {@link #sql}, under the facets' names (in the order of {@code names}). */
    public static Facets of(List<Object[]> rows, List<String> names) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        names.forEach(name -> counts.put(name, new HashMap<>()));
        long total = 0;
        for (Object[] row : rows) {
            long count = ((Number) row[2]).longValue();
            if (row[0] == null) {
                total = count;
            } else {
                counts.get(names.get(((Number) row[0]).intValue())).put(String.valueOf(row[1]), count);
            }
        }
        return of(total, counts);
    }

    /**
     * The answer for counts made elsewhere (in memory): per facet name, in the order of the map, each value's count;
     * values are listed most frequent first, then by value.
     */
    public static Facets of(long total, Map<String, Map<String, Long>> counts) {
        Map<String, List<Count>> sorted = new LinkedHashMap<>();
        counts.forEach((name, values) -> sorted.put(name, values.entrySet().stream()
                .map(value -> new Count(value.getKey(), value.getValue()))
                .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value)).toList()));
        return new Facets(total, sorted);
    }
}
