package org.citycoop.catalog.scheme;

/** The orders of {@code GET /v1/schemes}; each ends with the scheme id, so that the order is total and a cursor stable. */
public enum SchemeSort {
    /** Best match of {@code q} first (a name containing q as typed, then a text containing it, then the English full-text rank), then id descending. */
    RELEVANCE,
    /** Earliest (first) deadline first, schemes without deadline last, then id ascending. */
    DEADLINE,
    /** Most recently changed first (updatedAt descending), then id descending. */
    UPDATED
}
