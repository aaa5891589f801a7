package org.citycoop.gateway;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.citycoop.gateway.ratelimit.SharedBuckets;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several gateway replicas share one quota: two {@link SharedBuckets}, made as the application makes its one,
 * over the gateway's real database stand for two replicas. A long window keeps the clock out of the counts.
 */
@QuarkusTest
class SharedBucketsTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    AgroalDataSource dataSource;

    private SharedBuckets replica(int unsynchronizedRequests) {
        return new SharedBuckets(dataSource, unsynchronizedRequests, HOUR);
    }

    @Test
    void requestsThroughTwoReplicasCountAgainstOneQuota() {
        SharedBuckets a = replica(0);
        SharedBuckets b = replica(0);
        String key = "client:" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            SharedBuckets.Decision decision = (i % 2 == 0 ? a : b).take(key, 5, HOUR);
            assertTrue(decision.allowed(), "request " + (i + 1) + " of 5");
            assertEquals(4 - i, decision.remaining());
        }
        SharedBuckets.Decision refused = b.take(key, 5, HOUR);
        assertFalse(refused.allowed(), "the 6th request, through either replica");
        assertEquals(720, refused.retryAfterSeconds(), "one request every 12 minutes at 5 an hour");
        assertFalse(a.take(key, 5, HOUR).allowed());
        assertTrue(a.take("client:" + UUID.randomUUID(), 5, HOUR).allowed(), "another key has its own quota");
    }

    @Test
    void aNewCallersConcurrentFirstRequestsAreAllCounted() throws Exception {
        SharedBuckets a = replica(0);
        SharedBuckets b = replica(0);
        for (int round = 0; round < 5; round++) {
            String key = "address:" + UUID.randomUUID();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
            try {
                java.util.List<java.util.concurrent.Future<SharedBuckets.Decision>> answers = new java.util.ArrayList<>();
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                for (int i = 0; i < 10; i++) {
                    SharedBuckets replica = i % 2 == 0 ? a : b;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return replica.take(key, 100, HOUR);
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<SharedBuckets.Decision> answer : answers) {
                    assertTrue(answer.get().allowed(), "each of a new caller's first ten requests is let through");
                }
                assertEquals(89, a.take(key, 100, HOUR).remaining(), "all ten were counted");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void unsynchronizedRequestsLetABurstPassTheLimitByAtMostThatManyPerReplica() {
        SharedBuckets a = replica(2);
        SharedBuckets b = replica(2);
        String key = "client:" + UUID.randomUUID();
        int allowed = 0;
        for (int i = 0; i < 40; i++) {
            if ((i % 2 == 0 ? a : b).take(key, 10, HOUR).allowed()) {
                allowed++;
            }
        }
        assertTrue(allowed >= 10 && allowed <= 10 + 2 * 2, "allowed " + allowed + " of a limit of 10 with 2 unsynchronized per replica");
        assertFalse(replica(0).take(key, 10, HOUR).allowed(), "what the replicas admitted was charged to the shared bucket");
    }

    @Test
    void rowsOfBucketsFullForAWhileAreRemoved() throws SQLException {
        SharedBuckets replica = replica(0);
        String idle = "address:idle-" + UUID.randomUUID();
        String busy = "address:busy-" + UUID.randomUUID();
        long before = System.currentTimeMillis();
        replica.take(idle, 10, Duration.ofMinutes(1));
        replica.take(busy, 10, Duration.ofMinutes(1));
        long expiresAt = expiresAt(busy);
        // full again 6 s after one request at 10 a minute, then kept a little longer: not forever, not at once
        assertTrue(expiresAt > before + 6_000 && expiresAt < System.currentTimeMillis() + 60_000, "expires_at " + (expiresAt - before) + " ms ahead");
        // the idle caller's bucket as if its last request had been two hours ago
        execute("UPDATE rate_limit_bucket SET expires_at = " + (before - TimeUnit.HOURS.toMillis(2)) + " WHERE id LIKE '" + idle + ";%'");
        assertTrue(replica.removeExpired() >= 1);
        assertThrows(IllegalStateException.class, () -> expiresAt(idle), "removed");
        assertEquals(expiresAt, expiresAt(busy), "kept");
        assertTrue(replica.take(idle, 10, Duration.ofMinutes(1)).remaining() == 9, "a caller who comes back starts with a full quota");
    }

    private long expiresAt(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT expires_at FROM rate_limit_bucket WHERE id LIKE ?")) {
            statement.setString(1, key + ";%");
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no bucket of " + key);
                }
                return rows.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
