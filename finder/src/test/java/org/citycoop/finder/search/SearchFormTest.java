package org.citycoop.finder.search;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchFormTest {

    private static MultivaluedMap<String, String> params(String... pairs) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.add(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    @Test
    void knownFiltersGoToTheApiAndTheUrlAsTheyCame() {
        SearchForm form = new SearchForm(params("challenge", "SOLID_WASTE", "supportType", "TECHNICAL", "agency", "jica",
                "challenge", "AIR_QUALITY", "deadlineAfter", "2027-01-01", "amountMin", "50,000", "currency", "JPY", "sort", "deadline"),
                Set.of("jica"));
        assertTrue(form.issues().isEmpty(), form.issues().toString());
        MultivaluedMap<String, String> api = form.apiSearch(10);
        assertEquals(List.of("SOLID_WASTE", "AIR_QUALITY"), api.get("challenge"));
        assertEquals(List.of("2027-01-01T00:00:00Z"), api.get("deadlineAfter"));
        assertEquals(List.of("50000"), api.get("amountMin"));
        assertEquals(List.of("JPY"), api.get("currency"));
        assertEquals(List.of("deadline"), api.get("sort"));
        assertEquals("challenge=SOLID_WASTE&challenge=AIR_QUALITY&supportType=TECHNICAL&agency=jica&deadlineAfter=2027-01-01"
                + "&amountMin=50000&currency=JPY&sort=deadline", form.queryString());
        assertTrue(form.selected("challenge", "AIR_QUALITY"));
    }

    @Test
    void whatCannotBeUsedIsLeftOutAndNamed() {
        SearchForm form = new SearchForm(params("challenge", "NOPE", "agency", "nobody", "country", "ZZ", "deadlineBefore", "31/03/2027",
                "amountMax", "lots", "currency", "XXX", "sort", "cheapest", "q", "w".repeat(201), "status", "OPEN"), Set.of("jica"));
        assertEquals(List.of(SearchForm.Issue.Kind.QUERY_TOO_LONG, SearchForm.Issue.Kind.UNKNOWN_VALUE, SearchForm.Issue.Kind.UNKNOWN_VALUE,
                SearchForm.Issue.Kind.UNKNOWN_VALUE, SearchForm.Issue.Kind.BAD_DATE, SearchForm.Issue.Kind.BAD_AMOUNT,
                SearchForm.Issue.Kind.UNKNOWN_VALUE, SearchForm.Issue.Kind.UNKNOWN_VALUE),
                form.issues().stream().map(SearchForm.Issue::kind).toList());
        assertEquals("status=OPEN", form.queryString(), "the usable rest still searches");
        assertFalse(form.hasText());
    }

    @Test
    void relevanceNeedsKeywordsAndACursorMustLookLikeOne() {
        SearchForm noText = new SearchForm(params("sort", "relevance", "cursor", "a b<script>"), Set.of());
        assertEquals("updated", noText.sort());
        assertEquals(List.of(SearchForm.Issue.Kind.BAD_CURSOR), noText.issues().stream().map(SearchForm.Issue::kind).toList(),
                "a damaged cursor is said, and the first page shown");
        assertFalse(noText.paged());
        SearchForm text = new SearchForm(params("q", "training", "cursor", "MjAyNi0xMS0yOQ"), Set.of());
        assertEquals("relevance", text.sort());
        assertTrue(text.paged());
        assertEquals(List.of("MjAyNi0xMS0yOQ"), text.apiSearch(10).get("cursor"));
    }

    @Test
    void aCursorTheApiRefusesIsDroppedAndSaid() {
        SearchForm form = new SearchForm(params("challenge", "SOLID_WASTE", "cursor", "MjAyNi0xMS0yOQ"), Set.of());
        form.dropCursor();
        assertFalse(form.paged());
        assertFalse(form.apiSearch(10).containsKey("cursor"));
        assertEquals(List.of(SearchForm.Issue.Kind.BAD_CURSOR), form.issues().stream().map(SearchForm.Issue::kind).toList());
        assertEquals("challenge=SOLID_WASTE", form.queryString());
    }

    @Test
    void oneCountryAtATimeAsTheApiFiltersByOne() {
        SearchForm form = new SearchForm(params("country", "ID", "country", "VN", "country", "PH"), Set.of());
        assertEquals(List.of("ID"), form.apiFilters().get("country"));
        assertEquals("country=ID", form.queryString());
        assertEquals(List.of("VN", "PH"), form.issues().stream().filter(i -> i.kind() == SearchForm.Issue.Kind.ONE_COUNTRY)
                .map(SearchForm.Issue::value).toList());
        assertTrue(new SearchForm(params("country", ""), Set.of()).issues().isEmpty(), "any country: no filter");
    }

    @Test
    void aRangeTheWrongWayRoundLosesItsUpperEndAndTheRestOfTheSearchGoesOn() {
        SearchForm form = new SearchForm(params("deadlineAfter", "2027-06-01", "deadlineBefore", "2027-01-01",
                "amountMin", "500000", "amountMax", "100", "currency", "USD", "challenge", "SOLID_WASTE"), Set.of());
        assertEquals("2027-06-01", form.deadlineAfter());
        assertEquals("", form.deadlineBefore());
        assertEquals("500000", form.amountMin());
        assertEquals("", form.amountMax());
        assertFalse(form.apiSearch(10).containsKey("deadlineBefore"));
        assertFalse(form.apiSearch(10).containsKey("amountMax"));
        assertEquals(List.of("deadlineBefore", "amountMax"), form.issues().stream()
                .filter(i -> i.kind() == SearchForm.Issue.Kind.REVERSED_RANGE).map(SearchForm.Issue::parameter).toList());
        assertEquals(List.of("SOLID_WASTE"), form.apiFilters().get("challenge"));
        assertTrue(new SearchForm(params("deadlineAfter", "2027-01-01", "deadlineBefore", "2027-01-01"), Set.of()).issues().isEmpty(),
                "one day is a range");
    }
}
