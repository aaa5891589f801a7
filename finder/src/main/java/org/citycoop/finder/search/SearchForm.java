package org.citycoop.finder.search;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.citycoop.finder.web.Codes;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A search as the page's URL holds it (the form is a GET form, so a search is a link): keywords, filters named as the
 * API names them (several values of each, but one {@code country}: schemes open to its applicants), dates as {@code 2027-03-31}, amounts as plain numbers, the order and a page cursor. What cannot be
 * used (an unknown value, a date or amount that is none, keywords that are too long) is left out and becomes an
 * {@link Issue} the page shows; the rest still searches.
 */
public final class SearchForm {

    public static final int MAX_QUERY_LENGTH = 200;

    /** Something in the URL that was left out, and why. */
    public record Issue(Kind kind, String parameter, String value) {
        public enum Kind { UNKNOWN_VALUE, BAD_DATE, BAD_AMOUNT, QUERY_TOO_LONG, BAD_CURSOR, ONE_COUNTRY, REVERSED_RANGE }
    }

    private final String q;
    private final Map<String, List<String>> filters = new java.util.LinkedHashMap<>();
    private LocalDate deadlineAfter;
    private LocalDate deadlineBefore;
    private BigDecimal amountMin;
    private BigDecimal amountMax;
    private String currency = "USD";
    private String sort;
    private String cursor;
    private final List<Issue> issues = new ArrayList<>();

    /**
     * @param params the page's query parameters
     * @param agencies the agency ids the catalogue holds
     */
    public SearchForm(MultivaluedMap<String, String> params, Set<String> agencies) {
        String text = first(params, "q");
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            issues.add(new Issue(Issue.Kind.QUERY_TOO_LONG, "q", null));
            text = null;
        }
        q = text;
        take(params, "challenge", Codes.CHALLENGES::contains);
        take(params, "supportType", Codes.SUPPORT_TYPES::contains);
        take(params, "agency", agencies::contains);
        take(params, "country", Codes.COUNTRIES::contains);
        List<String> chosen = filters.getOrDefault("country", List.of());
        while (chosen.size() > 1) { // the API filters by one country: schemes open to its applicants
            issues.add(new Issue(Issue.Kind.ONE_COUNTRY, "country", chosen.remove(1)));
        }
        take(params, "applicantType", Codes.APPLICANT_TYPES::contains);
        take(params, "status", Codes.STATUSES::contains);
        deadlineAfter = date(params, "deadlineAfter");
        deadlineBefore = date(params, "deadlineBefore");
        amountMin = amount(params, "amountMin");
        amountMax = amount(params, "amountMax");
        // a range the wrong way round finds nothing: its upper end is left out, and the search goes on with the rest
        if (deadlineAfter != null && deadlineBefore != null && deadlineAfter.isAfter(deadlineBefore)) {
            issues.add(new Issue(Issue.Kind.REVERSED_RANGE, "deadlineBefore", deadlineBefore.toString()));
            deadlineBefore = null;
        }
        if (amountMin != null && amountMax != null && amountMin.compareTo(amountMax) > 0) {
            issues.add(new Issue(Issue.Kind.REVERSED_RANGE, "amountMax", amountMax.toPlainString()));
            amountMax = null;
        }
        String wantedCurrency = first(params, "currency");
        if (wantedCurrency != null) {
            if (Codes.CURRENCIES.contains(wantedCurrency)) {
                currency = wantedCurrency;
            } else {
                issues.add(new Issue(Issue.Kind.UNKNOWN_VALUE, "currency", wantedCurrency));
            }
        }
        String wantedSort = first(params, "sort");
        if (wantedSort != null) {
            if (Codes.SORTS.contains(wantedSort) && !(wantedSort.equals("relevance") && q == null)) {
                sort = wantedSort;
            } else if (!wantedSort.equals("relevance")) {
                issues.add(new Issue(Issue.Kind.UNKNOWN_VALUE, "sort", wantedSort));
            }
        }
        String wantedCursor = first(params, "cursor");
        if (wantedCursor != null && !wantedCursor.matches("[A-Za-z0-9_=.-]{1,512}")) {
            issues.add(new Issue(Issue.Kind.BAD_CURSOR, "cursor", null));
            wantedCursor = null;
        }
        cursor = wantedCursor;
    }

    /** The filters in the API's terms (the facet request takes the same ones). */
    public MultivaluedMap<String, String> apiFilters() {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        if (q != null) {
            query.add("q", q);
        }
        filters.forEach((name, values) -> values.forEach(v -> query.add(name, v)));
        if (deadlineAfter != null) {
            query.add("deadlineAfter", deadlineAfter + "T00:00:00Z");
        }
        if (deadlineBefore != null) {
            query.add("deadlineBefore", deadlineBefore + "T23:59:59Z");
        }
        if (amountMin != null) {
            query.add("amountMin", amountMin.toPlainString());
        }
        if (amountMax != null) {
            query.add("amountMax", amountMax.toPlainString());
        }
        if (amountMin != null || amountMax != null) {
            query.add("currency", currency);
        }
        return query;
    }

    /** The API's query for one page of results. */
    public MultivaluedMap<String, String> apiSearch(int limit) {
        MultivaluedMap<String, String> query = apiFilters();
        if (sort != null) {
            query.add("sort", sort);
        }
        if (cursor != null) {
            query.add("cursor", cursor);
        }
        query.add("limit", Integer.toString(limit));
        return query;
    }

    /** The page's own query string for this search (no cursor), for links: the next page, the other language, feeds. */
    public String queryString() {
        StringBuilder s = new StringBuilder();
        if (q != null) {
            append(s, "q", q);
        }
        filters.forEach((name, values) -> values.forEach(v -> append(s, name, v)));
        if (deadlineAfter != null) {
            append(s, "deadlineAfter", deadlineAfter.toString());
        }
        if (deadlineBefore != null) {
            append(s, "deadlineBefore", deadlineBefore.toString());
        }
        if (amountMin != null) {
            append(s, "amountMin", amountMin.toPlainString());
        }
        if (amountMax != null) {
            append(s, "amountMax", amountMax.toPlainString());
        }
        if (amountMin != null || amountMax != null) {
            append(s, "currency", currency);
        }
        if (sort != null) {
            append(s, "sort", sort);
        }
        return s.toString();
    }

    public boolean selected(String filter, String value) {
        return filters.getOrDefault(filter, List.of()).contains(value);
    }

    public List<String> values(String filter) {
        return filters.getOrDefault(filter, List.of());
    }

    public String q() {
        return q == null ? "" : q;
    }

    public boolean hasText() {
        return q != null;
    }

    public String deadlineAfter() {
        return deadlineAfter == null ? "" : deadlineAfter.toString();
    }

    public String deadlineBefore() {
        return deadlineBefore == null ? "" : deadlineBefore.toString();
    }

    public String amountMin() {
        return amountMin == null ? "" : amountMin.toPlainString();
    }

    public String amountMax() {
        return amountMax == null ? "" : amountMax.toPlainString();
    }

    public String currency() {
        return currency;
    }

    /** The order shown: the one asked for, else relevance with keywords and recently changed without. */
    public String sort() {
        return sort != null ? sort : q != null ? "relevance" : "updated";
    }

    public boolean paged() {
        return cursor != null;
    }

    /**
     * Forgets the page cursor, which the API did not take (out of date, or not one of its own), and notes it: the search
     * starts again from its first page.
     */
    public void dropCursor() {
        if (cursor != null) {
            cursor = null;
            issues.add(new Issue(Issue.Kind.BAD_CURSOR, "cursor", null));
        }
    }

    public List<Issue> issues() {
        return issues;
    }

    private void take(MultivaluedMap<String, String> params, String name, Predicate<String> known) {
        List<String> values = params.get(name);
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            if (known.test(value)) {
                List<String> held = filters.computeIfAbsent(name, n -> new ArrayList<>());
                if (!held.contains(value)) {
                    held.add(value);
                }
            } else {
                issues.add(new Issue(Issue.Kind.UNKNOWN_VALUE, name, clip(value)));
            }
        }
    }

    private LocalDate date(MultivaluedMap<String, String> params, String name) {
        String value = first(params, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            issues.add(new Issue(Issue.Kind.BAD_DATE, name, clip(value)));
            return null;
        }
    }

    private BigDecimal amount(MultivaluedMap<String, String> params, String name) {
        String value = first(params, name);
        if (value == null) {
            return null;
        }
        String plain = value.replace(",", "").replace("_", "");
        if (plain.matches("\\d{1,15}(\\.\\d{1,2})?")) {
            return new BigDecimal(plain);
        }
        issues.add(new Issue(Issue.Kind.BAD_AMOUNT, name, clip(value)));
        return null;
    }

    private static String first(MultivaluedMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String clip(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }

    private static void append(StringBuilder s, String name, String value) {
        if (!s.isEmpty()) {
            s.append('&');
        }
        s.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
