package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.ChallengeArea;
import org.citycoop.catalog.vocabulary.WindowKind;
import org.citycoop.platform.paging.Facets;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The in-memory facet counts: what is counted, for which schemes, and which readings the index keeps. */
class SchemeFacetIndexTest {

    private static final Instant NOW = Instant.parse("2027-02-01T00:00:00Z");
    private static final List<SchemeFacet> FACETS = List.of(SchemeFacet.CHALLENGE, SchemeFacet.AGENCY, SchemeFacet.STATUS);

    @Test
    void countsEachValueOfTheGivenSchemesOnceAndTheStatusAtTheTimeOfTheCount() {
        SchemeFacetIndex index = new SchemeFacetIndex();
        Map<Integer, SchemeFacetIndex.Entry> entries = new HashMap<>();
        entries.put(1, entry("adb", List.of("SOLID_WASTE", "WATER"), false, null, fixed("2027-01-01T00:00:00+09:00", "2027-03-31T23:59:00+09:00")));
        entries.put(2, entry("jica", List.of("WATER"), false, null, fixed("2027-01-01T00:00:00+09:00", "2027-01-31T23:59:00+09:00")));
        entries.put(5, entry("adb", List.of(), true, null, null));
        entries.put(7, entry("adb", List.of("AIR_QUALITY"), false, "a newer scheme", null));
        index.apply(-1, 40, entries);

        Facets all = index.count(40L, null, FACETS, NOW);
        assertEquals(4, all.total());
        assertEquals(List.of(new Facets.Count("WATER", 2), new Facets.Count("AIR_QUALITY", 1), new Facets.Count("SOLID_WASTE", 1)),
                all.facets().get("challenge"));
        assertEquals(List.of(new Facets.Count("adb", 3), new Facets.Count("jica", 1)), all.facets().get("agency"));
        // 1 open until 31 March; 2 past its deadline (14:59 UTC on 31 January); 5 withdrawn; 7 superseded.
        assertEquals(List.of(new Facets.Count("CLOSED", 2), new Facets.Count("OPEN", 1), new Facets.Count("WITHDRAWN", 1)),
                all.facets().get("status"));
        assertEquals(List.of(new Facets.Count("FORECASTED", 2)),
                index.count(40L, new int[] {1, 2}, List.of(SchemeFacet.STATUS), Instant.parse("2026-12-01T00:00:00Z")).facets().get("status"),
                "before both open");

        Facets some = index.count(40L, new int[] {2, 7, 99}, FACETS, NOW);
        assertEquals(2, some.total(), "an ordinal the index does not hold (99) is not counted");
        assertEquals(List.of(new Facets.Count("adb", 1), new Facets.Count("jica", 1)), some.facets().get("agency"));
    }

    @Test
    void eachFacetIsCountedOverItsOwnSchemesAndTheTotalOverTheSearchs() {
        SchemeFacetIndex index = new SchemeFacetIndex();
        index.apply(-1, 3, Map.of(1, entry("adb", List.of("WATER_AND_WASTEWATER"), false, null, null), 2, entry("jica", List.of("WATER_AND_WASTEWATER"), false, null, null),
                3, entry("adb", List.of("AIR_QUALITY"), false, null, null)));
        // the search: agency adb and challenge WATER finds 1; challenge counted over adb's (1, 3), agency over WATER's (1, 2)
        SchemeFilter search = new SchemeFilter(List.of(ChallengeArea.WATER_AND_WASTEWATER), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, List.of(), List.of(), List.of("adb"), null, null, null, null, null);
        Facets counted = index.count(3L, null, search, List.of(SchemeFacet.CHALLENGE, SchemeFacet.AGENCY), NOW);
        assertEquals(1, counted.total());
        assertEquals(List.of(new Facets.Count("AIR_QUALITY", 1), new Facets.Count("WATER_AND_WASTEWATER", 1)), counted.facets().get("challenge"));
        assertEquals(List.of(new Facets.Count("adb", 1), new Facets.Count("jica", 1)), counted.facets().get("agency"));
        // within the schemes the database part of a search found (here 1 and 3), the code filters likewise
        Facets within = index.count(3L, new int[] {1, 3}, search, List.of(SchemeFacet.CHALLENGE, SchemeFacet.AGENCY), NOW);
        assertEquals(1, within.total());
        assertEquals(List.of(new Facets.Count("adb", 1)), within.facets().get("agency"));
        // a value no scheme has matches none; an agency alone counts the challenges of its schemes
        SchemeFilter unknown = new SchemeFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(),
                List.of(), List.of("nobody"), null, null, null, null, null);
        Facets none = index.count(3L, null, unknown, List.of(SchemeFacet.CHALLENGE, SchemeFacet.AGENCY), NOW);
        assertEquals(0, none.total());
        assertEquals(List.of(), none.facets().get("challenge"));
        assertEquals(List.of(new Facets.Count("adb", 2), new Facets.Count("jica", 1)), none.facets().get("agency"),
                "the agency facet is counted without the agency filter");
    }

    @Test
    void aReadingMadeBeforeAnotherWasAppliedIsIgnoredAndALaterOneReplacesEntries() {
        SchemeFacetIndex index = new SchemeFacetIndex();
        index.apply(-1, 10, Map.of(1, entry("adb", List.of("WATER"), false, null, null)));
        assertEquals(10, index.seen());

        index.apply(-1, 12, Map.of(1, entry("jica", List.of("WATER"), false, null, null))); // read before the first load
        assertEquals(List.of(new Facets.Count("adb", 1)), index.count(10L, null, FACETS, NOW).facets().get("agency"));
        assertEquals(10, index.seen());

        index.apply(10, 11, Map.of(1, entry("jica", List.of("WATER"), false, null, null), 300, entry("adb", List.of(), false, null, null)));
        assertEquals(11, index.seen());
        assertEquals(List.of(new Facets.Count("adb", 1), new Facets.Count("jica", 1)), index.count(11L, null, FACETS, NOW).facets().get("agency"));
        assertNull(index.count(10L, null, FACETS, NOW), "the index is past position 10: the values of 10 are gone");
        assertNull(index.count(12L, null, FACETS, NOW), "the index has not reached 12");
        assertEquals(2, index.count(null, null, FACETS, NOW).total(), "at any position");
    }

    @Test
    void aSchemeOpenToAnyoneCountsForEveryApplicantTypeAsTheFilterFindsIt() {
        SchemeFacetIndex index = new SchemeFacetIndex();
        SchemeFacetIndex.Entry anyone = entry("adb", List.of(), false, null, null);
        anyone.values()[SchemeFacet.APPLICANT_TYPE.ordinal()] = new String[] {"ANY"};
        SchemeFacetIndex.Entry ngos = entry("adb", List.of(), false, null, null);
        ngos.values()[SchemeFacet.APPLICANT_TYPE.ordinal()] = new String[] {"NGO"};
        index.apply(-1, 1, Map.of(1, anyone, 2, ngos));

        Map<String, Long> counts = new HashMap<>();
        index.count(1L, null, List.of(SchemeFacet.APPLICANT_TYPE), NOW).facets().get("applicantType")
                .forEach(count -> counts.put(count.value(), count.count()));
        assertEquals(Map.of("LOCAL_GOVERNMENT", 1L, "NATIONAL_GOVERNMENT", 1L, "NGO", 2L, "ACADEMIC", 1L, "PRIVATE", 1L, "ANY", 1L), counts);
    }

    private static SchemeFacetIndex.Entry entry(String agency, List<String> challenges, boolean withdrawn, String supersededBy,
                                                ApplicationWindow window) {
        String[][] values = new String[SchemeFacet.values().length][];
        for (SchemeFacet facet : SchemeFacet.values()) {
            values[facet.ordinal()] = new String[0];
        }
        values[SchemeFacet.AGENCY.ordinal()] = new String[] {agency};
        values[SchemeFacet.CHALLENGE.ordinal()] = challenges.toArray(String[]::new);
        return new SchemeFacetIndex.Entry(values, withdrawn, supersededBy, window);
    }

    private static ApplicationWindow fixed(String opens, String deadline) {
        return new ApplicationWindow(WindowKind.FIXED, OffsetDateTime.parse(opens), OffsetDateTime.parse(deadline));
    }
}
