package org.citycoop.matching.alerts;

/** Why an alert was raised for a saved need. */
public enum AlertReason {
    /** The scheme matches the need now and did not before (new, changed, or newly eligible, e.g. by a twinning). */
    NEW_MATCH,
    /** The scheme matched the need and no longer does (a hard criterion fails now; the alert names it). */
    NO_LONGER_MATCHING,
    /** The scheme still matches but its deadline, funding range or status changed. */
    CHANGED
}
