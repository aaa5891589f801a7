package org.citycoop.finder.api;

/** The API could not be reached or failed (5xx, rate limit, no key): the page says so and to try again. */
public final class ApiUnavailable extends RuntimeException {

    public ApiUnavailable(String message) {
        super(message, null, false, false);
    }
}
