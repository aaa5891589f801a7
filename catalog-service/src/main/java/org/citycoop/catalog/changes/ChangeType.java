package org.citycoop.catalog.changes;

/** How a catalogue resource changed. */
public enum ChangeType {
    /** It was stored for the first time. */
    CREATED,
    /** Its content changed (or a withdrawn scheme was pushed again). */
    UPDATED,
    /** The scheme was withdrawn (schemes only). */
    WITHDRAWN
}
