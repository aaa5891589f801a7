package org.citycoop.matching.subscriptions;

import java.time.Duration;

/**
 * Retry schedule of webhook deliveries: after failed attempt {@code n} (1, 2, ...), the next waits
 * {@code initial * 2^(n-1)}, at most {@code max}; after {@code maxAttempts} attempts the delivery fails for good.
 */
public record Backoff(Duration initial, Duration max, int maxAttempts) {

    /** The wait after failed attempt {@code attempt}, or null when no attempt is left. */
    public Duration after(int attempt) {
        if (attempt >= maxAttempts) {
            return null;
        }
        long factor = 1L << Math.min(attempt - 1, 30);
        Duration wait = initial.multipliedBy(factor);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
