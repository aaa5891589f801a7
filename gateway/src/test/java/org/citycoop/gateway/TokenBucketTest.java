package org.citycoop.gateway;

import org.citycoop.gateway.ratelimit.TokenBucket;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private static final long MINUTE = 60_000_000_000L;

    @Test
    void allowsTheQuotaThenRefusesWithTheWaitForOneMoreRequest() {
        TokenBucket bucket = new TokenBucket(3, MINUTE, 0);
        assertEquals(new TokenBucket.Decision(true, 2, 20, 0), bucket.take(0));
        assertEquals(new TokenBucket.Decision(true, 1, 40, 0), bucket.take(0));
        assertEquals(new TokenBucket.Decision(true, 0, 60, 0), bucket.take(0));
        TokenBucket.Decision refused = bucket.take(0);
        assertFalse(refused.allowed());
        assertEquals(20, refused.retryAfterSeconds(), "one request every 20 s at 3 per minute");
    }

    @Test
    void refillsEvenlyOverTheWindowUpToItsCapacity() {
        TokenBucket bucket = new TokenBucket(3, MINUTE, 0);
        for (int i = 0; i < 3; i++) {
            bucket.take(0);
        }
        assertTrue(bucket.take(MINUTE / 3).allowed(), "one token back after a third of the window");
        assertFalse(bucket.take(MINUTE / 3).allowed());
        assertFalse(bucket.full(MINUTE));
        assertTrue(bucket.full(10 * MINUTE));
        assertEquals(2, bucket.take(10 * MINUTE).remaining(), "never more than the capacity");
    }
}
