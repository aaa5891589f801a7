package org.citycoop.platform.paging;

import org.citycoop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FacetsTest {

    private static final List<String> ALLOWED = List.of("agency", "country", "sector");

    @Test
    void theFacetsParameterNamesKnownFacetsEachOnceOrGivesTheDefaults() {
        assertEquals(List.of("agency"), Facets.parse(null, ALLOWED, List.of("agency")));
        assertEquals(List.of("sector", "country"), Facets.parse(" sector,country,sector ", ALLOWED, List.of("agency")));
        ProblemException unknown = assertThrows(ProblemException.class, () -> Facets.parse("agency,colour", ALLOWED, ALLOWED));
        assertEquals("facets", unknown.errors().get(0).field());
        ProblemException empty = assertThrows(ProblemException.class, () -> Facets.parse(",,", ALLOWED, ALLOWED));
        assertEquals("facets", empty.errors().get(0).field());
    }

    @Test
    void oneStatementCountsEveryFacetAndTheTotalInOnePass() {
        String sql = Facets.sql("FROM scheme s WHERE TRUE", List.of("s.sectors", "ARRAY[s.agency_id]"));
        assertEquals(1, sql.split("FROM scheme s", -1).length - 1, "the rows are read once: " + sql);
        assertEquals(true, sql.contains("GROUPING SETS ((), (v.f0), (v.f1))"), sql);
        assertEquals("SELECT CAST(NULL AS int), NULL, count(v.one) FROM (SELECT unnest('{1}'::int[]) AS one FROM scheme s WHERE TRUE) v",
                Facets.sql("FROM scheme s WHERE TRUE", List.of()));
    }
}
