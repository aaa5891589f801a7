package org.citycoop.catalog.batch;

/** What a batch did with one item. */
public enum BatchOutcome {
    /** A new scheme, version 1 (as PUT's 201). */
    CREATED,
    /** The scheme's content changed: next version, event. */
    UPDATED,
    /** The same content again: same version, no event. */
    UNCHANGED,
    /** Refused with the problem given; nothing of this item was kept. */
    REJECTED
}
