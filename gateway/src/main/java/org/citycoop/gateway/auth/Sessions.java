package org.citycoop.gateway.auth;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.citycoop.gateway.routing.GatewayConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the caller's {@code Authorization} into the identity the gateway acts for and the token it
 * forwards:
 *
 * <ul>
 *   <li>no {@code Authorization}: the anonymous caller, rate-limited by address, with a token carrying
 *       only the {@code PUBLIC} role;</li>
 *   <li>{@code Bearer <API key>} of a client that is not revoked: that client, with a token of
 *       {@code sub} = its name, {@code groups} = its role, {@code bindings} = its agency or cities;</li>
 *   <li>anything else (another scheme, an unknown, rotated or revoked key): refused, 401.</li>
 * </ul>
 *
 * A client's token is kept and reused until a minute before it expires (or a fifth of its lifetime,
 * whichever is shorter); then the client is looked up again, once however many of its requests arrive (they go on
 * with the token they have while it is still good, ten seconds or a tenth of its lifetime before it expires), so a key
 * revoked elsewhere stops working within the token lifetime, and at once on the gateway where it was revoked or
 * rotated ({@link #forget}). The database and the signature run on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    /** The name of the client the bootstrap admin key belongs to. */
    public static final String BOOTSTRAP_ADMIN = "secretariat-admin";

    @Inject
    GatewayConfig config;

    @Inject
    ClientRepository store;

    @Inject
    Vertx vertx;

    private final Map<String, Session> byKeyHash = new ConcurrentHashMap<>();
    /** The lookups under way, by key hash: concurrent requests of one key share one. */
    private final Map<String, Future<Session>> renewing = new ConcurrentHashMap<>();
    private volatile Session anonymous;
    private final java.util.concurrent.atomic.AtomicBoolean renewingAnonymous = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Who calls, and the token to forward for them.
     *
     * @param client the API client, or null for the anonymous caller
     * @param limitKey what the rate limit counts by: the client's id, or {@code address:<ip>}
     * @param renewAt from when the client is looked up again and a new token made (once, while requests go on with this one)
     * @param usableUntil until when the token may still be forwarded (its expiry less a margin for the services' clocks)
     */
    public record Session(ApiClient client, String limitKey, String token, Instant renewAt, Instant usableUntil) {
        public boolean anonymous() {
            return client == null;
        }
    }

    /** Why a caller was refused. */
    public static final class Refused extends RuntimeException {
        Refused(String detail) {
            super(detail, null, false, false);
        }
    }

    /** Whether the client is the bootstrap admin whose key the gateway's configuration sets at every start. */
    public boolean configured(ApiClient client) {
        return BOOTSTRAP_ADMIN.equals(client.name()) && config.adminKey().filter(key -> !key.isBlank()).isPresent();
    }

    void bootstrap(@Observes StartupEvent started) {
        config.adminKey().filter(key -> !key.isBlank()).ifPresent(key -> {
            if (key.length() < 32) {
                throw new IllegalStateException("citycoop.gateway.admin-key (CITYCOOP_GATEWAY_ADMIN_KEY) must be at least 32 "
                        + "random characters");
            }
            store.ensureAdmin(BOOTSTRAP_ADMIN, ApiKeys.visiblePrefix(key), ApiKeys.hash(key));
            LOG.infof("Bootstrap admin key %s... is the secretariat admin's (client %s)", ApiKeys.visiblePrefix(key), BOOTSTRAP_ADMIN);
        });
    }

    /**
     * The session for this {@code Authorization} header value; a failed future with {@link Refused} when
     * the key is not accepted. Completes at once when the key was seen lately.
     */
    public Future<Session> resolve(String authorization, String clientAddress) {
        Instant now = Instant.now();
        if (authorization == null) {
            Session shared = anonymous;
            if (shared == null || !now.isBefore(shared.usableUntil())) {
                shared = anonymousSession(now);
            } else if (!now.isBefore(shared.renewAt()) && renewingAnonymous.compareAndSet(false, true)) {
                // the token is still good: this request uses it, and one worker makes the next
                vertx.executeBlocking(() -> anonymousSession(Instant.now()), false).onComplete(done -> renewingAnonymous.set(false));
            }
            return Future.succeededFuture(new Session(null, "address:" + clientAddress, shared.token(), shared.renewAt(), shared.usableUntil()));
        }
        String[] parts = authorization.trim().split("\\s+");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            return Future.failedFuture(new Refused("Send the API key as Authorization: Bearer <key>."));
        }
        String key = parts[1];
        String hash = ApiKeys.hash(key);
        Session cached = byKeyHash.get(hash);
        if (cached != null && now.isBefore(cached.renewAt())) {
            return Future.succeededFuture(cached);
        }
        Promise<Session> mine = Promise.promise();
        Future<Session> underWay = renewing.putIfAbsent(hash, mine.future());
        Future<Session> lookup = underWay != null ? underWay : mine.future();
        if (underWay == null) {
            vertx.executeBlocking(() -> lookUp(key, hash), false).onComplete(done -> {
                renewing.remove(hash, mine.future());
                mine.handle(done);
            });
        }
        if (cached != null && now.isBefore(cached.usableUntil())) {
            return Future.succeededFuture(cached); // renewed meanwhile by one lookup, whichever request started it
        }
        return underWay == null ? lookup : onOwnContext(underWay);
    }

    /**
     * Another request's lookup, completing on this request's own Vert.x context: its callbacks would otherwise run on the
     * context of the request that started the lookup, where the request scope quarkus-rest activates for this
     * request ({@code /v1/clients}) is not active.
     */
    private static Future<Session> onOwnContext(Future<Session> lookup) {
        io.vertx.core.Context own = Vertx.currentContext();
        if (own == null) {
            return lookup;
        }
        Promise<Session> here = Promise.promise();
        lookup.onComplete(done -> own.runOnContext(ignored -> here.handle(done)));
        return here.future();
    }

    /** The shared session of anonymous callers, with a new token. */
    private Session anonymousSession(Instant now) {
        Session session = new Session(null, null, mint("anonymous", "PUBLIC", Map.of(), now), renewAt(now), usableUntil(now));
        anonymous = session;
        return session;
    }

    /**
     * The client holding the key, with a new token (blocking: the database and an RSA signature), kept for the next
     * requests; {@link Refused} for a key that is unknown or revoked, which is forgotten.
     */
    private Session lookUp(String key, String hash) {
        Instant now = Instant.now();
        java.util.Optional<ApiClient> found = store.findByKeyHash(hash);
        if (found.isEmpty() || found.get().revoked()) {
            byKeyHash.remove(hash);
            LOG.infof("Refused API key %s...: %s", ApiKeys.visiblePrefix(key), found.isEmpty() ? "unknown" : "revoked");
            throw new Refused("The API key is not valid: unknown, replaced or revoked.");
        }
        ApiClient client = found.get();
        Session session = new Session(client, "client:" + client.id(), mint(client.name(), client.role().name(), client.bindings(), now),
                renewAt(now), usableUntil(now));
        if (byKeyHash.size() > 10_000) {
            byKeyHash.clear(); // bounded: more live keys than this is not this gateway's scale
        }
        byKeyHash.put(hash, session);
        return session;
    }

    /** Drops what is kept for the client, so that a revoked or replaced key stops working at once. */
    public void forget(UUID clientId) {
        byKeyHash.values().removeIf(session -> session.client() != null && session.client().id().equals(clientId));
    }

    private Instant usableUntil(Instant now) {
        Duration lifetime = config.token().lifetime();
        Duration margin = lifetime.dividedBy(10).compareTo(Duration.ofSeconds(10)) < 0 ? lifetime.dividedBy(10) : Duration.ofSeconds(10);
        return now.plus(lifetime).minus(margin);
    }

    private Instant renewAt(Instant now) {
        Duration lifetime = config.token().lifetime();
        Duration margin = lifetime.dividedBy(5).compareTo(Duration.ofMinutes(1)) < 0 ? lifetime.dividedBy(5) : Duration.ofMinutes(1);
        return now.plus(lifetime).minus(margin);
    }

    private String mint(String subject, String role, Map<String, List<String>> bindings, Instant now) {
        return Jwt.issuer(config.token().issuer())
                .audience(config.token().audience())
                .subject(subject)
                .groups(Set.of(role))
                .claim("bindings", bindings)
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.plus(config.token().lifetime()).getEpochSecond())
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
    }
}
