package org.citycoop.catalog.changes;

/** What kind of catalogue resource changed. */
public enum ChangeSubject {
    AGENCY,
    SCHEME
}
