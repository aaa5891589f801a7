package org.citycoop.catalog.scheme;

import org.citycoop.platform.paging.Facets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facet values of every scheme by its ordinal, so that the facets of a search are counted in memory: PostgreSQL
 * finds the matching schemes (the filter is written once, in {@link SchemeRepository}) and answers their ordinals, and
 * this index adds up their values. Counting in PostgreSQL (unnesting each row's lists and grouping the values) cost
 * about a microsecond per value, some 100 ms for 10,000 schemes on a busy 2-core machine; here it is a few.
 *
 * <p>The index is kept current from the change feed ({@code catalog_change}, whose {@code seq} is assigned in commit
 * order): before counting, the caller reads the schemes changed after the last change the index has seen
 * ({@link SchemeRepository#facetValuesChangedAfter}) and {@link #apply applies} them, so each instance counts what the
 * database holds, whichever instance wrote it. Nothing is cached but the values themselves; the status is computed at
 * the time of the count ({@link SchemeStatusRule}). One per instance (a singleton bean); a plain class otherwise, which
 * {@code SchemeFacetIndexTest} reaches without Quarkus.
 */
@jakarta.inject.Singleton
final class SchemeFacetIndex {

    /**
     * One scheme's values: per facet (by {@link SchemeFacet#ordinal()}; none for {@code STATUS}, computed) its codes,
     * and what its status is derived from.
     */
    record Entry(String[][] values, boolean withdrawn, String supersededBy, ApplicationWindow window) {

        /** The values of a facet other than {@code STATUS}. */
        String[] of(SchemeFacet facet) {
            return values[facet.ordinal()];
        }
    }

    /** The schemes' entries by ordinal (null where no scheme has it); replaced whole when it grows. */
    private volatile Entry[] entries = new Entry[0];
    /** The last change feed position applied; -1 before the first load. Guarded by {@code this}. */
    private long seen = -1;

    /** The change feed position the index has applied, -1 before anything was loaded. */
    synchronized long seen() {
        return seen;
    }

    /**
     * Stores the entries read from the database (an entry replaces the one of its ordinal) and moves the index to
     * {@code position}. Entries read for an older position than the index's are ignored.
     */
    synchronized void apply(long readAfter, long position, Map<Integer, Entry> changed) {
        if (readAfter != seen) {
            return; // another thread applied a newer reading meanwhile
        }
        Entry[] current = entries;
        int highest = changed.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        Entry[] next = highest < current.length ? current : Arrays.copyOf(current, Math.max(highest + 1, current.length * 2));
        changed.forEach((ordinal, entry) -> next[ordinal] = entry);
        entries = next;
        seen = Math.max(seen, position);
    }

    /**
     * Counts the facets of the schemes with these ordinals ({@code null}: every scheme) at {@code now}.
     *
     * @return the counts, named by the facets' parameters, most frequent first
     */
    Facets count(int[] ordinals, List<SchemeFacet> facets, Instant now) {
        Entry[] all = entries;
        List<Map<String, long[]>> counts = new ArrayList<>(facets.size());
        for (int i = 0; i < facets.size(); i++) {
            counts.add(new HashMap<>());
        }
        long total = 0;
        int n = ordinals == null ? all.length : ordinals.length;
        for (int k = 0; k < n; k++) {
            int ordinal = ordinals == null ? k : ordinals[k];
            Entry entry = ordinal < all.length ? all[ordinal] : null;
            if (entry == null) {
                continue;
            }
            total++;
            for (int i = 0; i < facets.size(); i++) {
                SchemeFacet facet = facets.get(i);
                if (facet == SchemeFacet.STATUS) {
                    add(counts.get(i), SchemeStatusRule.statusAt(now, entry.withdrawn(), entry.supersededBy(), entry.window()).name());
                } else {
                    for (String value : entry.of(facet)) {
                        add(counts.get(i), value);
                    }
                }
            }
        }
        Map<String, Map<String, Long>> byFacet = new java.util.LinkedHashMap<>();
        for (int i = 0; i < facets.size(); i++) {
            Map<String, Long> values = new HashMap<>();
            counts.get(i).forEach((value, count) -> values.put(value, count[0]));
            byFacet.put(facets.get(i).parameter(), values);
        }
        return Facets.of(total, byFacet);
    }

    private static void add(Map<String, long[]> counts, String value) {
        if (value != null) {
            counts.computeIfAbsent(value, v -> new long[1])[0]++;
        }
    }
}
