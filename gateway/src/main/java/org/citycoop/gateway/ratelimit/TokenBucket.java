package org.citycoop.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} requests, refilled evenly at {@code capacity} per
 * {@code windowNanos}; a request takes one. Plain and unit-tested; thread-safe by synchronisation (one
 * bucket per caller, so contention is per caller).
 */
public final class TokenBucket {

    private final int capacity;
    private final long windowNanos;
    private double tokens;
    private long updatedAt;

    public TokenBucket(int capacity, long windowNanos, long now) {
        if (capacity < 1 || windowNanos < 1) {
            throw new IllegalArgumentException("capacity and window must be positive");
        }
        this.capacity = capacity;
        this.windowNanos = windowNanos;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /**
     * What a request at {@code now} gets.
     *
     * @param allowed whether it may go on (then it took a token)
     * @param remaining whole requests left after it
     * @param secondsUntilFull seconds until the bucket is full again (the {@code t} of the {@code RateLimit} header)
     * @param retryAfterSeconds when refused, seconds until one request is allowed again (at least 1); else 0
     */
    public record Decision(boolean allowed, int remaining, long secondsUntilFull, long retryAfterSeconds) {
    }

    public synchronized Decision take(long now) {
        refill(now);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        double nanosPerToken = (double) windowNanos / capacity;
        long untilFull = ceilSeconds((capacity - tokens) * nanosPerToken);
        long retryAfter = allowed ? 0 : Math.max(1, ceilSeconds((1 - tokens) * nanosPerToken));
        return new Decision(allowed, (int) Math.floor(tokens), untilFull, retryAfter);
    }

    /** True when the bucket has refilled completely by {@code now}: it can be forgotten. */
    public synchronized boolean full(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = Math.max(0, now - updatedAt);
        tokens = Math.min(capacity, tokens + (double) elapsed * capacity / windowNanos);
        updatedAt = now;
    }

    private static long ceilSeconds(double nanos) {
        return (long) Math.ceil(nanos / 1_000_000_000d);
    }
}
