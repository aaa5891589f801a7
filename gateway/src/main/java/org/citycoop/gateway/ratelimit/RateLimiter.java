package org.citycoop.gateway.ratelimit;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.citycoop.gateway.routing.GatewayConfig;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request rate limits at the edge: a {@link TokenBucket} per API client
 * ({@code citycoop.gateway.rate-limit.client-limit} per {@code .window}) and per client address for
 * calls without a valid key ({@code .anonymous-limit}). Every answer under {@code /v1} says where the
 * caller stands, in the fields of the IETF httpapi draft "RateLimit header fields for HTTP"
 * (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy: "client";q=600;w=60} (quota q
 * requests per w seconds) and {@code RateLimit: "client";r=599;t=1} (r requests remaining, t seconds
 * until the quota is whole again). Past the limit: 429 with {@code Retry-After}. Buckets that have
 * refilled are dropped every minute, so idle callers cost nothing.
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @PostConstruct
    void sweepIdleBuckets() {
        vertx.setPeriodic(60_000, id -> {
            long now = System.nanoTime();
            buckets.values().removeIf(bucket -> bucket.full(now));
        });
    }

    /**
     * Counts one request of {@code limitKey} and writes the RateLimit headers into {@code headers}.
     *
     * @param anonymous true for calls counted by address
     */
    public TokenBucket.Decision take(String limitKey, boolean anonymous, MultiMap headers) {
        String policy = anonymous ? "anonymous" : "client";
        int limit = anonymous ? config.rateLimit().anonymousLimit() : config.rateLimit().clientLimit();
        long window = config.rateLimit().window().toNanos();
        long now = System.nanoTime();
        TokenBucket.Decision decision = buckets.computeIfAbsent(limitKey, k -> new TokenBucket(limit, window, now)).take(now);
        headers.set("RateLimit-Policy", "\"" + policy + "\";q=" + limit + ";w=" + config.rateLimit().window().toSeconds());
        headers.set("RateLimit", "\"" + policy + "\";r=" + decision.remaining() + ";t=" + decision.secondsUntilFull());
        if (!decision.allowed()) {
            headers.set("Retry-After", Long.toString(decision.retryAfterSeconds()));
        }
        return decision;
    }
}
