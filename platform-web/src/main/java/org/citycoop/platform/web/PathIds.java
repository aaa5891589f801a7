package org.citycoop.platform.web;

import org.citycoop.platform.problem.ProblemException;

import java.util.UUID;

/** Resource ids in paths: one that cannot name a resource is a 404 problem, like an unknown one. */
public final class PathIds {

    private PathIds() {
    }

    /**
     * The UUID in a path segment.
     *
     * @param notFoundDetail the 404 problem's detail when {@code value} is not a UUID
     */
    public static UUID uuid(String value, String notFoundDetail) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(notFoundDetail);
        }
    }
}
