package org.citycoop.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the gateway sends what: {@code citycoop.gateway.services.<name>.url} is the service's base URL (or its
 * instances' URLs, comma-separated) and {@code .prefixes} the public path prefixes it owns (a request goes to the service whose prefix
 * equals its path or is followed by {@code /} or {@code :}). Environment overrides follow the usual
 * mapping, for example {@code CITYCOOP_GATEWAY_SERVICES_CATALOG_URL=http://catalog:8081}.
 */
@ConfigMapping(prefix = "citycoop.gateway")
public interface GatewayConfig {

    /** The routed services by name (catalog, matching, twinning). */
    Map<String, Service> services();

    /**
     * The scheme finder's base URL ({@code CITYCOOP_GATEWAY_FINDER_URL}, e.g. {@code http://127.0.0.1:8084}): the gateway
     * serves its pages at {@code /finder/...} (GET and HEAD, no key, the caller's {@code Authorization} not passed on).
     * Unset: {@code /finder} is a 404 like any unknown path.
     */
    java.util.Optional<URI> finderUrl();

    /** How long to wait to connect to a service before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * The largest request body the gateway forwards, judged by {@code Content-Length}: larger ones get a
     * 413 problem here (the services refuse larger streamed bodies themselves).
     */
    @WithDefault("2M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

    /**
     * The largest body of a batch upload ({@code POST} to a path ending in {@code :batch}), which replaces
     * {@link #maxBodySize()} there. 16M: a catalogue batch of 1,000 schemes fits.
     */
    @WithDefault("16M")
    io.quarkus.runtime.configuration.MemorySize batchMaxBodySize();

    /**
     * The largest body of a file import ({@code POST} to a path ending in {@code /iati-activities} or
     * {@code /iati-organisation}), which replaces {@link #maxBodySize()} there. 60M: the IATI Registry's own file limit.
     */
    @WithDefault("60M")
    io.quarkus.runtime.configuration.MemorySize importMaxBodySize();

    /** How long a service may stay silent while answering before the gateway gives up with a 504. */
    @WithDefault("30s")
    Duration responseTimeout();

    /** The tokens the gateway signs for the services (RS256 with {@code smallrye.jwt.sign.key.location}). */
    Token token();

    /**
     * A key that is always the secretariat admin's (client {@code secretariat-admin}), made sure of at
     * start: the way in to create the other clients. At least 32 characters; unset means no such key.
     */
    java.util.Optional<String> adminKey();

    /** What the edge refuses before routing ({@link EdgeRules}). */
    Limits limits();

    interface Limits {
        /**
         * The longest request line (method, target, version) the gateway takes: longer is a 414 problem. The
         * HTTP layer's own limit ({@code quarkus.http.limits.max-initial-line-length}) is set higher, so that
         * this one answers first, with a problem document.
         */
        @WithDefault("4096")
        int maxRequestLine();

        /**
         * The most bytes of header fields the gateway takes: more is a 431 problem (the HTTP layer's own limit,
         * {@code quarkus.http.limits.max-header-size}, is higher).
         */
        @WithDefault("16K")
        io.quarkus.runtime.configuration.MemorySize maxHeaderSize();
    }

    /** Request rate limits at the edge. */
    RateLimits rateLimit();

    /** Fast failure while a service is down. */
    CircuitBreaker circuitBreaker();

    /**
     * Origins whose pages may call the API from a browser (the secretariat's website); other origins get a 403
     * problem.
     */
    @WithDefault("https://citycoop.org")
    List<String> corsOrigins();

    /**
     * The addresses (IP or CIDR) of the reverse proxies or load balancers in front of the gateway whose
     * {@code X-Forwarded-For} (and {@code -Proto}) the gateway believes; they become
     * {@code quarkus.http.proxy.trusted-proxies}. The default trusts no one: the unspecified addresses, which
     * no peer has. From any other peer a client's {@code X-Forwarded-For} is ignored (the peer's address is the
     * client's, for rate limits and for the services).
     */
    @WithDefault("0.0.0.0/32,::/128")
    List<String> trustedProxies();

    /**
     * Names of API clients that call on behalf of visitors (the scheme finder: {@code finder}) and state the visitor's
     * address in {@code X-Forwarded-For}: their calls count per key and visitor, so that one visitor cannot use up the
     * quota of all, wherever the client runs. Only the holder of such a key can claim a visitor; default none.
     */
    java.util.Optional<List<String>> forwardingClients();

    interface Token {
        /** {@code iss}; the services accept no other ({@code mp.jwt.verify.issuer}). */
        @WithDefault("citycoop-gateway")
        String issuer();

        /** {@code aud}; the services accept no other ({@code mp.jwt.verify.audiences}). */
        @WithDefault("citycoop")
        String audience();

        /** How long a token is valid; the gateway reuses one per key until a minute before it expires. */
        @WithDefault("5m")
        Duration lifetime();
    }

    interface RateLimits {
        /** Per API key. */
        @WithDefault("600")
        int clientLimit();

        /** Per client address, for calls without a key (and for wrong keys). */
        @WithDefault("120")
        int anonymousLimit();

        /** The window the limits are counted over: a token bucket of the limit's size refilled over it. */
        @WithDefault("1m")
        Duration window();

        /**
         * How many requests of one caller a gateway replica may admit on its own copy of the caller's bucket
         * before it writes them to the shared one in the database. 0: every request is checked against the
         * shared bucket (exact across replicas). Above 0: fewer database writes, but a burst through several
         * replicas may pass the limit by up to this number per replica (charged to the bucket afterwards).
         */
        @WithDefault("0")
        int unsynchronizedRequests();

        /** With {@link #unsynchronizedRequests()} above 0, the longest a replica acts on its own copy of a bucket. */
        @WithDefault("1s")
        Duration syncInterval();
    }

    interface CircuitBreaker {
        /** Consecutive failures (no connection, timeout, broken connection) that open a service's circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 at once before one request may try the service again. */
        @WithDefault("10s")
        Duration openDuration();
    }

    interface Service {
        /**
         * Base URL of each instance, comma-separated, for example {@code http://127.0.0.1:8081} or
         * {@code http://127.0.0.1:8081,http://127.0.0.1:8181}: requests go to the instances in turn, passing over one
         * that is down ({@link Instances}).
         */
        List<URI> url();

        /** Public path prefixes owned by the service, for example {@code /v1/agencies}. */
        List<String> prefixes();
    }
}
