package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.ApplicantType;
import org.citycoop.catalog.vocabulary.SchemeStatus;
import org.citycoop.platform.paging.Facets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facet values of every scheme by its ordinal, so that the facets of a search are counted in memory: this index
 * evaluates the search's code filters on its own values and adds up the values of the schemes that pass, among those
 * PostgreSQL finds for the rest of the filter (full text, deadlines, amounts, language). Counting in PostgreSQL
 * (unnesting each row's lists and grouping the values) cost about a microsecond per value, some 100 ms for 10,000
 * schemes on a busy 2-core machine, and even finding a broad filter's schemes there visits each of their rows (p50 76 ms
 * for a facet search at 100,000 schemes, deploy/bench/README.md); here it is a pass over arrays.
 *
 * <p>The index is kept current from the change feed ({@code catalog_change}, whose {@code seq} is assigned in commit
 * order): in one snapshot (REPEATABLE READ) the caller reads the feed's last position, the ordinals PostgreSQL finds and
 * the schemes changed between the index's position and its own ({@link SchemeRepository#facetValuesChangedAfter}),
 * {@link #apply applies} them and counts {@link #count at that position}, so that the values counted are those of the
 * snapshot that found the schemes, whichever instance wrote them. An index already past the snapshot answers nothing,
 * and the caller reads again in a newer one. Nothing is cached but the values themselves; the status is computed at
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

    /** Counts hold the read lock, so that no reading is applied while they add up values. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
    /** The schemes' values by ordinal (null where no scheme has it), as codes; replaced whole when it grows. */
    private Coded[] entries = new Coded[0];
    /** Per facet (by ordinal), each value's code: its index in {@link #values}. Codes are never reused. */
    private final List<Map<String, Integer>> codes = new ArrayList<>();
    /** Per facet, the values by code. */
    private final List<List<String>> values = new ArrayList<>();

    /**
     * One scheme's values as codes per facet, counted by array index rather than by looking values up; the status is
     * still computed at the time of each count.
     */
    private record Coded(int[][] codes, boolean withdrawn, String supersededBy, ApplicationWindow window) {
    }

    SchemeFacetIndex() {
        for (int i = 0; i < SchemeFacet.values().length; i++) {
            codes.add(new HashMap<>());
            values.add(new ArrayList<>());
        }
    }
    /** The last change feed position applied; -1 before the first load. */
    private long seen = -1;

    /** The change feed position the index has applied, -1 before anything was loaded. */
    long seen() {
        lock.readLock().lock();
        try {
            return seen;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Stores the entries read from the database (an entry replaces the one of its ordinal) and moves the index to
     * {@code position}. Entries read for an older position than the index's are ignored.
     */
    void apply(long readAfter, long position, Map<Integer, Entry> changed) {
        lock.writeLock().lock();
        try {
            if (readAfter != seen || position <= seen) {
                return; // another thread applied another reading meanwhile
            }
            int highest = changed.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            if (highest >= entries.length) {
                entries = Arrays.copyOf(entries, Math.max(highest + 1, entries.length * 2));
            }
            changed.forEach((ordinal, entry) -> entries[ordinal] = coded(openTo(entry)));
            seen = position;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Counts the facets of the schemes with these ordinals ({@code null}: every scheme) at {@code now}, with the values
     * the schemes had at change feed position {@code position}.
     *
     * @param position the position the ordinals were found at, or null to count whatever the index holds
     * @return the counts, named by the facets' parameters, most frequent first; null when the index is not at
     *     {@code position}
     */
    Facets count(Long position, int[] ordinals, List<SchemeFacet> facets, Instant now) {
        return count(position, ordinals, SchemeFilter.none(), facets, now);
    }

    /**
     * Counts a search's facets: among the schemes with these ordinals ({@code null}: every scheme), those that pass
     * every code filter of {@code filter} in {@code total}, and each facet over those that pass every code filter but
     * its own (the country's regions go with the country; {@code region} has no filter of its own). The code filters (areas, support and applicant types, sectors, finance
     * and aid types, country with its regions, status, agency) are evaluated here, on the index's own values, as
     * {@code SchemeRepository} writes them in SQL for the lists ({@code SchemeFacetFilterTest} holds the two equal);
     * the ordinals are those of the rest of the filter ({@link SchemeFilter#databaseOnly}), which only PostgreSQL
     * can evaluate.
     */
    Facets count(Long position, int[] ordinals, SchemeFilter filter, List<SchemeFacet> facets, Instant now) {
        lock.readLock().lock();
        try {
            return position == null || position == seen ? countHeld(ordinals, filter, facets, now) : null;
        } finally {
            lock.readLock().unlock();
        }
    }

    private Facets countHeld(int[] ordinals, SchemeFilter filter, List<SchemeFacet> facets, Instant now) {
        Coded[] all = entries;
        Wanted wanted = wanted(filter);
        boolean statusNeeded = !filter.statuses().isEmpty() || facets.contains(SchemeFacet.STATUS);
        long total = 0;
        // per facet asked for, a counter per code (per status for STATUS), and the filter it is counted without
        long[][] counts = new long[facets.size()][];
        int[] facetIndexes = new int[facets.size()];
        int[] own = new int[facets.size()];
        for (int i = 0; i < facets.size(); i++) {
            SchemeFacet facet = facets.get(i);
            facetIndexes[i] = facet.ordinal();
            own[i] = facet == SchemeFacet.REGION ? 0 : 1 << facet.ordinal(); // region: no filter of its own
            counts[i] = new long[facet == SchemeFacet.STATUS ? SchemeStatus.values().length : values.get(facet.ordinal()).size()];
        }
        int n = ordinals == null ? all.length : ordinals.length;
        for (int k = 0; k < n; k++) {
            int ordinal = ordinals == null ? k : ordinals[k];
            Coded entry = ordinal < all.length ? all[ordinal] : null;
            if (entry == null) {
                continue;
            }
            SchemeStatus status = statusNeeded ? SchemeStatusRule.statusAt(now, entry.withdrawn(), entry.supersededBy(), entry.window()) : null;
            int failed = wanted.failed(entry, status);
            if (failed == 0) {
                total++;
            }
            for (int i = 0; i < facetIndexes.length; i++) {
                if ((failed & ~own[i]) != 0) {
                    continue;
                }
                long[] counter = counts[i];
                if (facetIndexes[i] == SchemeFacet.STATUS.ordinal()) {
                    counter[status.ordinal()]++;
                } else {
                    for (int code : entry.codes()[facetIndexes[i]]) {
                        counter[code]++;
                    }
                }
            }
        }
        Map<String, Map<String, Long>> byFacet = new java.util.LinkedHashMap<>();
        for (int i = 0; i < facets.size(); i++) {
            Map<String, Long> counted = new HashMap<>();
            long[] counter = counts[i];
            for (int code = 0; code < counter.length; code++) {
                if (counter[code] > 0) {
                    counted.put(facets.get(i) == SchemeFacet.STATUS ? SchemeStatus.values()[code].name()
                            : values.get(facetIndexes[i]).get(code), counter[code]);
                }
            }
            byFacet.put(facets.get(i).parameter(), counted);
        }
        return Facets.of(total, byFacet);
    }

    /**
     * The code filters of a search as the codes each facet wants (null: that facet is not filtered), so that a scheme
     * is checked by looking its codes up in arrays; under the read lock.
     */
    private Wanted wanted(SchemeFilter filter) {
        boolean[][] byFacet = new boolean[SchemeFacet.values().length][];
        want(byFacet, SchemeFacet.CHALLENGE, filter.challengeAreas().stream().map(Enum::name).toList());
        want(byFacet, SchemeFacet.SUPPORT_TYPE, filter.supportTypes().stream().map(Enum::name).toList());
        want(byFacet, SchemeFacet.SECTOR, filter.sectors());
        want(byFacet, SchemeFacet.FINANCE_TYPE, filter.financeTypes());
        want(byFacet, SchemeFacet.AID_TYPE, filter.aidTypes());
        // an entry's applicant types are already every type it is open to (openTo): any one asked for will do
        want(byFacet, SchemeFacet.APPLICANT_TYPE, filter.applicantTypes().stream().map(Enum::name).toList());
        want(byFacet, SchemeFacet.AGENCY, filter.agencyIds());
        boolean[] regions = null;
        if (filter.country() != null) {
            want(byFacet, SchemeFacet.COUNTRY, List.of(filter.country()));
            regions = codesOf(SchemeFacet.REGION, filter.countryRegions());
        }
        java.util.EnumSet<SchemeStatus> statuses = filter.statuses().isEmpty() ? null : java.util.EnumSet.copyOf(filter.statuses());
        return new Wanted(byFacet, regions, statuses);
    }

    private void want(boolean[][] byFacet, SchemeFacet facet, List<String> wanted) {
        if (!wanted.isEmpty()) {
            byFacet[facet.ordinal()] = codesOf(facet, wanted);
        }
    }

    /** The codes of these values of a facet, as a set by code; a value no scheme has has no code and matches none. */
    private boolean[] codesOf(SchemeFacet facet, List<String> wanted) {
        boolean[] set = new boolean[values.get(facet.ordinal()).size()];
        for (String value : wanted) {
            Integer code = codes.get(facet.ordinal()).get(value);
            if (code != null) {
                set[code] = true;
            }
        }
        return set;
    }

    /**
     * A search's code filters: per facet the codes wanted (null: not filtered), the regions of the country filter, and
     * the statuses wanted (null: any).
     */
    private record Wanted(boolean[][] byFacet, boolean[] countryRegions, java.util.Set<SchemeStatus> statuses) {

        private static final SchemeFacet[] FACETS = SchemeFacet.values();

        /** The filters the entry fails, one bit per facet by ordinal (the country bit for country and regions). */
        int failed(Coded entry, SchemeStatus status) {
            int failed = 0;
            for (SchemeFacet facet : FACETS) {
                boolean[] set = byFacet[facet.ordinal()];
                if (set == null) {
                    continue;
                }
                boolean passes = any(set, entry.codes()[facet.ordinal()]);
                if (facet == SchemeFacet.COUNTRY) {
                    // open to the country: listed, in a region it belongs to, or open everywhere (neither listed)
                    int[] countries = entry.codes()[SchemeFacet.COUNTRY.ordinal()];
                    int[] regions = entry.codes()[SchemeFacet.REGION.ordinal()];
                    passes = passes || any(countryRegions, regions) || (countries.length == 0 && regions.length == 0);
                }
                if (!passes) {
                    failed |= 1 << facet.ordinal();
                }
            }
            if (statuses != null && !statuses.contains(status)) {
                failed |= 1 << SchemeFacet.STATUS.ordinal();
            }
            return failed;
        }

        private static boolean any(boolean[] set, int[] codes) {
            for (int code : codes) {
                if (code < set.length && set[code]) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The entry's values as codes, each new value given the next code of its facet; under the write lock. */
    private Coded coded(Entry entry) {
        int[][] coded = new int[SchemeFacet.values().length][];
        for (SchemeFacet facet : SchemeFacet.values()) {
            String[] held = entry.of(facet);
            Map<String, Integer> facetCodes = codes.get(facet.ordinal());
            List<String> facetValues = values.get(facet.ordinal());
            coded[facet.ordinal()] = held == null ? new int[0] : Arrays.stream(held).filter(java.util.Objects::nonNull)
                    .mapToInt(value -> facetCodes.computeIfAbsent(value, v -> {
                        facetValues.add(v);
                        return facetValues.size() - 1;
                    })).toArray();
        }
        return new Coded(coded, entry.withdrawn(), entry.supersededBy(), entry.window());
    }

    /**
     * The entry with, as its applicant types, every type the scheme is open to, as the filter finds it
     * ({@link ApplicantType#listedFor}: a scheme open to ANY counts for every type); worked out once per scheme version.
     */
    private static Entry openTo(Entry entry) {
        List<String> listed = Arrays.asList(entry.of(SchemeFacet.APPLICANT_TYPE));
        String[][] values = entry.values().clone();
        values[SchemeFacet.APPLICANT_TYPE.ordinal()] = Arrays.stream(ApplicantType.values())
                .filter(type -> type.listedFor().stream().anyMatch(t -> listed.contains(t.name())))
                .map(Enum::name).toArray(String[]::new);
        return new Entry(values, entry.withdrawn(), entry.supersededBy(), entry.window());
    }
}
