package org.citycoop.gateway;

import org.citycoop.gateway.routing.CircuitBreaker;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void opensAfterTheThresholdOfFailuresInARowAndASuccessResetsTheCount() {
        CircuitBreaker breaker = new CircuitBreaker(3, 10 * SECOND);
        breaker.failed(0);
        breaker.failed(0);
        breaker.succeeded();
        breaker.failed(0);
        breaker.failed(0);
        assertTrue(breaker.allow(0), "two in a row since the last success");
        breaker.failed(0);
        assertFalse(breaker.allow(SECOND), "open");
        assertEquals(9, breaker.secondsUntilTrial(SECOND));
    }

    @Test
    void afterTheOpenTimeOneTrialGoesAndDecides() {
        CircuitBreaker breaker = new CircuitBreaker(1, 10 * SECOND);
        breaker.failed(0);
        assertTrue(breaker.allow(10 * SECOND), "the trial");
        assertFalse(breaker.allow(10 * SECOND), "only one trial at a time");
        breaker.failed(11 * SECOND);
        assertFalse(breaker.allow(12 * SECOND), "a failed trial opens it again");
        assertTrue(breaker.allow(21 * SECOND));
        breaker.succeeded();
        assertTrue(breaker.allow(21 * SECOND));
        assertTrue(breaker.allow(21 * SECOND), "closed again");
        assertFalse(breaker.isOpen());
    }

    @Test
    void aTrialThatNeverReportsDoesNotBlockTheNextOneForever() {
        CircuitBreaker breaker = new CircuitBreaker(1, 10 * SECOND);
        breaker.failed(0);
        assertTrue(breaker.allow(10 * SECOND));
        assertFalse(breaker.allow(15 * SECOND));
        assertTrue(breaker.allow(20 * SECOND));
    }

    @Test
    void aCallerThatWentAwayNeitherCountsNorHoldsTheTrial() {
        CircuitBreaker breaker = new CircuitBreaker(2, 10 * SECOND);
        breaker.failed(0);
        breaker.abandoned();
        assertTrue(breaker.allow(0), "one failure, the abandoned request did not count");
        breaker.failed(0);
        assertFalse(breaker.allow(SECOND), "open after two failures");
        assertTrue(breaker.allow(10 * SECOND), "the trial");
        breaker.abandoned();
        assertTrue(breaker.allow(10 * SECOND), "the trial's caller went away: the next request may try at once");
    }
}
