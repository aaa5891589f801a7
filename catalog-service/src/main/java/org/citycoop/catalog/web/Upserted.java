package org.citycoop.catalog.web;

/**
 * The result of an idempotent upsert: the resource as it now stands and what the request did.
 *
 * @param view the resource's representation
 * @param version its version (the ETag)
 * @param outcome created, changed, or left as it was
 */
public record Upserted<T>(T view, long version, Outcome outcome) {

    /** What an upsert did. */
    public enum Outcome {
        /** The resource did not exist: 201. */
        CREATED,
        /** The content changed: new version, event, 200. */
        UPDATED,
        /** The same content was sent again: same version, no event, 200. */
        UNCHANGED
    }

    /** The HTTP status: 201 when created, 200 otherwise. */
    public int status() {
        return outcome == Outcome.CREATED ? 201 : 200;
    }
}
