package org.citycoop.gateway.routing;

/**
 * The state of one service seen from the gateway, so that the gateway fails fast while the service is
 * down instead of making every caller wait for the connect or response timeout. Closed: requests go
 * through; {@code failureThreshold} failures in a row (no connection, timeout, broken connection, or the
 * service's own 502, 503 or 504; any other answer is a success, and a request whose caller went away is
 * neither) open it. Open: requests get a 503 at once for
 * {@code openNanos}. Then one request at a time may try the service (half open): its success closes
 * the circuit, its failure opens it again. Requests are never retried by the gateway, open or not.
 *
 * <p>A small state machine of its own rather than SmallRye Fault Tolerance: the guarded call is a
 * Vert.x proxy exchange, not a CDI method, and the state must be readable to answer 503 before the
 * request's body is read.
 */
public final class CircuitBreaker {

    private final int failureThreshold;
    private final long openNanos;
    private int consecutiveFailures;
    private long openUntil;
    private boolean open;
    private boolean trialRunning;
    private long trialStartedAt;

    public CircuitBreaker(int failureThreshold, long openNanos) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openNanos = openNanos;
    }

    /** Whether a request may go to the service now; in half-open state only the one trial request. */
    public synchronized boolean allow(long now) {
        if (!open) {
            return true;
        }
        // a trial whose outcome never came (the caller went away) does not block the next one for long
        if (now - openUntil >= 0 && (!trialRunning || now - trialStartedAt >= openNanos)) {
            trialRunning = true;
            trialStartedAt = now;
            return true;
        }
        return false;
    }

    /** Seconds until the next trial may go (at least 1), for {@code Retry-After}. */
    public synchronized long secondsUntilTrial(long now) {
        return Math.max(1, (long) Math.ceil((openUntil - now) / 1_000_000_000d));
    }

    public synchronized void succeeded() {
        consecutiveFailures = 0;
        open = false;
        trialRunning = false;
    }

    /**
     * The request ended without telling anything about the service (its caller went away, or it was never
     * sent): the failure count stays as it is, and a trial it held is free again.
     */
    public synchronized void abandoned() {
        trialRunning = false;
    }

    public synchronized void failed(long now) {
        consecutiveFailures++;
        if (trialRunning || consecutiveFailures >= failureThreshold) {
            open = true;
            openUntil = now + openNanos;
        }
        trialRunning = false;
    }

    public synchronized boolean isOpen() {
        return open;
    }
}
