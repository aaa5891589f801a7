package org.citycoop.finder.search;

import org.citycoop.finder.scheme.SchemeViews;

import java.util.List;

/**
 * The search page: the search as asked ({@link SearchForm}), the notices about what was left out, the filters with their
 * counts, the countries whose applicants a scheme may be open to (one chosen at a time), a page of results, the links to the next and the first page, and the search's feeds (Atom, and its deadlines as a
 * {@code webcal:} calendar).
 */
public record SearchView(SearchForm form, List<String> notices, String error, List<FacetGroup> facets, List<Choice> countries,
        List<SchemeViews.Card> cards,
        String total, String nextUrl, String firstUrl, List<Choice> sorts, List<Choice> currencies, String atomUrl, String webcalUrl) {

    /** A filter and its values with the number of matching schemes each. */
    public record FacetGroup(String parameter, String label, List<FacetOption> options) {
    }

    public record FacetOption(String value, String label, String count, boolean selected) {
    }

    /** A choice in a select: its value, label and whether it is the current one. */
    public record Choice(String value, String label, boolean selected) {
    }
}
