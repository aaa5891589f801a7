package org.citycoop.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Token buckets kept in the gateway's database (table {@code rate_limit_bucket}), so that every gateway
 * replica counts against the same quota: Bucket4j's PostgreSQL {@code SELECT ... FOR UPDATE} proxy manager
 * reads, updates and commits a caller's bucket in one transaction that holds the row's lock, so concurrent
 * requests through any replicas are counted one after the other. Concurrent requests of one caller within a
 * replica are combined into one transaction (Bucket4j's batching). With {@code unsynchronizedRequests} above
 * zero a replica may admit up to that many requests of a caller on its own copy of the bucket before it
 * writes them to the shared one (at the latest after {@code syncInterval}); they are charged there
 * afterwards, so the limit holds over time but a burst may pass it by up to that number per replica.
 *
 * <p>Blocking (JDBC): call {@link #take} and {@link #removeExpired} from a worker thread. Plain class, no
 * CDI: {@link RateLimiter} makes the application's one; tests make several over one database, as several
 * replicas would be.
 */
public final class SharedBuckets {

    /** How long a full bucket's row is kept before {@link #removeExpired} may delete it. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);
    /** Rows deleted in one statement by {@link #removeExpired}. */
    private static final int REMOVE_BATCH = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Optimization optimization;
    /** One proxy per key seen lately: batching (and the local copy of unsynchronized mode) live in it. */
    private final Cache<String, BucketProxy> proxies;

    /**
     * @param unsynchronizedRequests how many requests of one caller a replica may admit before writing them
     *        to the shared bucket; 0: every request is checked against the shared bucket
     * @param syncInterval the longest a replica acts on its own copy of a bucket (with unsynchronizedRequests > 0)
     */
    public SharedBuckets(DataSource dataSource, int unsynchronizedRequests, Duration syncInterval) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .clientClock(TimeMeter.SYSTEM_MILLISECONDS) // the replica's wall clock (kept in step by NTP)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .build();
        this.optimization = unsynchronizedRequests > 0
                ? Optimizations.delaying(new DelayParameters(unsynchronizedRequests, syncInterval))
                : Optimizations.batching();
        Duration idle = syncInterval.compareTo(Duration.ofMinutes(1)) > 0 ? syncInterval : Duration.ofMinutes(1);
        this.proxies = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(100_000).build();
    }

    /**
     * What one more request of {@code key} gets under a limit of {@code limit} requests per {@code window}
     * (a bucket of that size refilled evenly over the window). A change of limit or window starts new buckets.
     *
     * @throws RuntimeException when the database cannot be used
     */
    public Decision take(String key, int limit, Duration window) {
        String id = key + ";q=" + limit + ";w=" + window.toMillis() + "ms";
        java.util.function.Supplier<BucketConfiguration> configuration = () ->
                BucketConfiguration.builder().addLimit(l -> l.capacity(limit).refillGreedy(limit, window)).build();
        BucketProxy bucket = proxies.get(id, k -> buckets.builder().withOptimization(optimization).build(k, configuration));
        ConsumptionProbe probe;
        try {
            probe = bucket.tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            if (!missingBucket(e)) {
                throw e;
            }
            // a new caller's concurrent first requests, batched into one command while its row did not exist yet:
            // Bucket4j's batch does not create the row; this request does, on its own
            probe = buckets.builder().build(id, configuration).tryConsumeAndReturnRemaining(1);
        }
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        return new Decision(probe.isConsumed(), Math.max(0, probe.getRemainingTokens()), seconds(probe.getNanosToWaitForReset()), retryAfter);
    }

    /** Deletes the rows of buckets that have been full for a while (their callers are gone); returns how many. */
    public int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(REMOVE_BATCH);
            removed += batch;
        } while (batch == REMOVE_BATCH);
        return removed;
    }

    private static boolean missingBucket(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.github.bucket4j.distributed.proxy.BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * What a request gets.
     *
     * @param allowed whether it may go on (then it took a token)
     * @param remaining whole requests left after it
     * @param secondsUntilFull seconds until the bucket is full again (the {@code t} of the {@code RateLimit} header)
     * @param retryAfterSeconds when refused, seconds until one request is allowed again (at least 1); else 0
     */
    public record Decision(boolean allowed, long remaining, long secondsUntilFull, long retryAfterSeconds) {
    }
}
