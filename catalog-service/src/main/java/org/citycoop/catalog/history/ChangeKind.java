package org.citycoop.catalog.history;

/** What made a version of a scheme. */
public enum ChangeKind {
    /** The agency pushed the scheme for the first time. */
    CREATED,
    /** The agency pushed changed content, or pushed a withdrawn scheme again. */
    UPDATED,
    /** The agency withdrew the scheme. */
    WITHDRAWN
}
