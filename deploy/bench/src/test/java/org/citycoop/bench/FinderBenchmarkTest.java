package org.citycoop.bench;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinderBenchmarkTest {

    @Test
    void aSearchAsksTheApiWhatTheFinderPageAsks() {
        FinderBenchmark.Search sorted = new FinderBenchmark.Search("applicantType=NGO&sort=deadline", "applicantType=NGO", "deadline");
        assertEquals("/finder/en/?applicantType=NGO&sort=deadline", sorted.pagePath());
        assertEquals("/v1/schemes?applicantType=NGO&sort=deadline&limit=10", sorted.apiSchemes());
        assertEquals("/v1/schemes:facets?applicantType=NGO&facets=challenge,supportType,agency,applicantType,status",
                sorted.apiFacets(), "the facets count the whole result: no sort, no limit");
        FinderBenchmark.Search none = new FinderBenchmark.Search("", "", null);
        assertEquals("/finder/en/", none.pagePath());
        assertEquals("/v1/schemes?limit=10", none.apiSchemes());
        assertEquals("/v1/schemes:facets?facets=challenge,supportType,agency,applicantType,status", none.apiFacets());
    }

    @Test
    void datesGoToTheApiAsTheStartOfTheDayInUtcAsTheFinderSendsThem() {
        FinderBenchmark.Kind amount = FinderBenchmark.kinds().stream().filter(k -> k.label().startsWith("amount")).findFirst().orElseThrow();
        FinderBenchmark.Search search = amount.draw().apply(new Random(1));
        assertTrue(search.page().endsWith("&deadlineAfter=2027-01-01"), search.page());
        assertTrue(search.apiSchemes().contains("deadlineAfter=2027-01-01T00:00:00Z"), search.apiSchemes());
        assertTrue(search.apiSchemes().contains("currency=USD"), search.apiSchemes());
    }

    @Test
    void theSameSeedDrawsTheSameSearches() {
        for (FinderBenchmark.Kind kind : FinderBenchmark.kinds()) {
            assertEquals(kind.draw().apply(new Random(7)), kind.draw().apply(new Random(7)), kind.label());
        }
    }

    @Test
    void theVerdictComparesTheP99WithTheTargetAndSaysWhenTheRunWasNotAtTenThousand() {
        assertEquals("Search page p99 99.99 ms, target under 100 ms: met", FinderBenchmark.verdict(99.99, 10_000));
        assertEquals("Search page p99 100.00 ms, target under 100 ms: NOT met", FinderBenchmark.verdict(100, 10_000));
        String small = FinderBenchmark.verdict(42, 2_000);
        assertTrue(small.contains("this run had 2000"), small);
        assertFalse(FinderBenchmark.verdict(42, 10_000).contains("this run had"));
    }
}
