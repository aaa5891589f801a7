package org.citycoop.gateway.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.citycoop.gateway.routing.GatewayConfig;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Request rate limits at the edge, shared by every gateway replica ({@link SharedBuckets}: token buckets in
 * the gateway's database): per API client ({@code citycoop.gateway.rate-limit.client-limit} per
 * {@code .window}) and per client address for calls without a valid key ({@code .anonymous-limit}). Every
 * answer under {@code /v1} says where the caller stands, in the fields of the IETF httpapi draft "RateLimit
 * header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy: "client";q=600;w=60}
 * (quota q requests per w seconds) and {@code RateLimit: "client";r=599;t=1} (r requests remaining, t seconds
 * until the quota is whole again). Past the limit: 429 with {@code Retry-After}. Rows of buckets that have
 * refilled are deleted every minute, so idle callers cost nothing.
 *
 * <p>When the database cannot be used the request fails ({@link Unavailable}: the gateway answers 503, as when
 * it cannot check a key); the first failure is logged, then nothing until the database answers again.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    private SharedBuckets buckets;
    private final AtomicBoolean failing = new AtomicBoolean();

    /** The rate limits cannot be checked (their database does not answer). */
    public static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super("rate limits cannot be checked", cause, false, false);
        }
    }

    @PostConstruct
    void start() {
        GatewayConfig.RateLimits limits = config.rateLimit();
        buckets = new SharedBuckets(dataSource, limits.unsynchronizedRequests(), limits.syncInterval());
        for (String policy : new String[] {"anonymous", "client"}) { // listed from the start, at 0
            metrics.counter("citycoop.gateway.rate.limit.refusals", "policy", policy);
        }
        vertx.setPeriodic(60_000, id -> vertx.executeBlocking(buckets::removeExpired, false)
                .onSuccess(removed -> LOG.debugf("Removed %d idle rate-limit buckets", removed))
                .onFailure(e -> LOG.debugf("Could not remove idle rate-limit buckets: %s", e.getMessage())));
    }

    /**
     * Counts one request of {@code limitKey} and writes the RateLimit headers into {@code headers}; the
     * future fails with {@link Unavailable} when the shared buckets cannot be reached.
     *
     * @param anonymous true for calls counted by address
     */
    public Future<SharedBuckets.Decision> take(String limitKey, boolean anonymous, MultiMap headers) {
        GatewayConfig.RateLimits limits = config.rateLimit();
        int limit = anonymous ? limits.anonymousLimit() : limits.clientLimit();
        return vertx.executeBlocking(() -> buckets.take(limitKey, limit, limits.window()), false).map(decision -> {
            if (failing.compareAndSet(true, false)) {
                LOG.info("Rate limits can be checked again");
            }
            String policy = anonymous ? "anonymous" : "client";
            headers.set("RateLimit-Policy", "\"" + policy + "\";q=" + limit + ";w=" + limits.window().toSeconds());
            headers.set("RateLimit", "\"" + policy + "\";r=" + decision.remaining() + ";t=" + decision.secondsUntilFull());
            if (!decision.allowed()) {
                metrics.counter("citycoop.gateway.rate.limit.refusals", "policy", policy).increment();
                headers.set("Retry-After", Long.toString(decision.retryAfterSeconds()));
            }
            return decision;
        }).recover(e -> {
            if (failing.compareAndSet(false, true)) {
                LOG.error("Rate limits cannot be checked: requests get 503 until the gateway's database answers", e);
            }
            return Future.failedFuture(new Unavailable(e));
        });
    }
}
