package org.citycoop.gateway.routing;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.citycoop.gateway.auth.ClientsResource;
import org.citycoop.gateway.auth.SessionAuthentication;
import org.citycoop.gateway.auth.Sessions;
import org.citycoop.gateway.ratelimit.RateLimiter;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The edge. Every request first passes {@link EdgeRules} (a request the services could read differently
 * from the gateway is refused with a problem naming what is wrong; an address of the finder with the finder's page saying
 * so, in the address's language) and CORS (Vert.x Web's handler: an origin
 * not on {@code citycoop.gateway.cors-origins} is a 403 problem); any failure of a route becomes a problem
 * document too. Then every {@code /v1/...} request, in this order:
 * <ol>
 *   <li>an {@code X-Request-Id} (kept when the caller sent a well-formed one; the services echo it);
 *       the request's trace (OpenTelemetry: a valid W3C {@code traceparent} of the caller continued, else a new
 *       one) goes to the service in the gateway's own {@code traceparent};</li>
 *   <li>the owning service by path prefix (unknown path: 404 problem); a body over
 *       {@code citycoop.gateway.max-body-size} ({@code batch-max-body-size} for {@code POST ...:batch},
 *       {@code import-max-body-size} for {@code POST .../iati-activities} and {@code .../iati-organisation}) by {@code Content-Length}: 413 problem;</li>
 *   <li>the caller ({@link Sessions}): an API key in {@code Authorization: Bearer}, or nobody (public);
 *       a wrong key is a 401 problem;</li>
 *   <li>the rate limit of the key, or of the address for calls without a valid key ({@link RateLimiter}):
 *       {@code RateLimit} headers on every answer, 429 problem with {@code Retry-After} past it;</li>
 *   <li>{@code /v1/clients} is the gateway's own API, a quarkus-rest resource ({@link ClientsResource}): the request goes
 *       on to the next route, quarkus-rest's, with the caller's session in its routing context
 *       ({@link SessionAuthentication} makes it the request's identity); anything else goes to its service
 *       through a Vert.x reverse proxy with the caller's {@code Authorization} replaced by the gateway's
 *       signed token, and {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} added. A body is read whole
 *       before anything is sent to the service: over the size limit (also when sent in chunks) it is a 413
 *       problem, broken framing ends the caller's request, and in either case nothing reaches the service.</li>
 * </ol>
 * A service may run several instances ({@code citycoop.gateway.services.<name>.url} lists their base URLs): requests go
 * to them in turn, each instance has a circuit of its own, an instance whose circuit is open is passed over, and a
 * request that could not connect to one instance (nothing of it was sent) goes to the next ({@link Instances}).
 * A service none of whose instances can be reached is a 503 problem, one that does not answer within
 * {@code citycoop.gateway.response-timeout} a 504, a broken connection a 502; after
 * {@code citycoop.gateway.circuit-breaker.failure-threshold} failures of an instance in a row (those, or a
 * 502, 503 or 504 answer of the instance itself) its circuit opens ({@link CircuitBreaker}), and while every
 * instance's circuit is open requests get a 503 at once. A caller that goes away (connection closed or reset while its request is under way) costs only
 * its own request: the service's request is reset and the circuit does not count it. A request whose connection
 * to the service broke before any answer came (a kept-alive connection the service closed just then) is sent once
 * more, on another connection (to another instance when there is one), when its method is idempotent (RFC 9110, section 9.2.2); no other request is
 * repeated. The other services stay reachable.
 */
@ApplicationScoped
public class GatewayRouter {

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);
    public static final String REQUEST_ID = "X-Request-Id";
    /** The methods a request may be repeated with (RFC 9110, section 9.2.2). */
    private static final Set<io.vertx.core.http.HttpMethod> IDEMPOTENT = Set.of(io.vertx.core.http.HttpMethod.GET,
            io.vertx.core.http.HttpMethod.HEAD, io.vertx.core.http.HttpMethod.PUT, io.vertx.core.http.HttpMethod.DELETE,
            io.vertx.core.http.HttpMethod.OPTIONS);
    private static final Pattern ACCEPTED_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    Sessions sessions;

    @Inject
    RateLimiter rateLimiter;

    private final Map<String, Instances<Origin>> origins = new HashMap<>();
    private Instances<Origin> finder;
    private Routes routes;
    private volatile EdgeRules edgeRules;
    private volatile PathTemplates pathTemplates = PathTemplates.NONE;

    /** An instance of a routed service: the service's name, where the instance is, and the client that reaches it. */
    private record Origin(String name, SocketAddress address, HttpClient client) {
    }

    void mount(@Observes Router router) {
        routes = new Routes(config.services().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().prefixes())));
        config.services().forEach((name, service) -> origins.put(name, instancesOf(name, service.url())));
        learnPaths(java.util.List.of());
        router.route().order(-300).failureHandler(this::failed);
        router.route().order(-300).handler(this::guard);
        router.route().order(-290).handler(cors());
        router.route("/v1/*").order(-100).handler(this::route);
        router.route("/v1").order(-100).handler(this::route);
        config.finderUrl().ifPresent(url -> {
            finder = instancesOf("finder", List.of(url));
            router.route("/finder").order(-100).handler(this::routeFinder);
            router.route("/finder/*").order(-100).handler(this::routeFinder);
        });
        router.route().last().handler(this::notFound);
    }

    /** Refuses, with a problem, what {@link EdgeRules} refuses; the rest goes on. */
    private void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!config.corsOrigins().isEmpty()) { // an answer differs by Origin (CORS headers): caches must keep them apart
            context.addHeadersEndHandler(ignored -> request.response().headers().add("Vary", "Origin"));
        }
        var refusal = edgeRules.check(version(request), request.method().name(), request::uri, namesItsHost(request),
                request.headers());
        // From here on the request id is the one the gateway answers with: a caller's malformed one (a line break, a
        // NEL) never reaches the access log or a service.
        request.headers().set(REQUEST_ID, requestIdOf(request));
        // The caller's trace context (W3C Trace Context; an invalid one is ignored) is continued by the request's
        // span, which OpenTelemetry passes to the service in place of the caller's headers.
        request.headers().remove("traceparent");
        request.headers().remove("tracestate");
        if (refusal.isEmpty()) {
            context.next();
            return;
        }
        EdgeRules.Refusal r = refusal.get();
        String requestId = requestIdOf(request);
        if (r.status() == 505 || r.status() == 501 || r.status() == 414 || r.status() == 431) {
            request.response().putHeader("Connection", "close");
        }
        Buffer json = EdgeProblem.refused(r.type(), r.title(), r.status(), r.field(), r.detail(), safePath(request), requestId);
        String path = request.path();
        if (finder != null && path != null && (path.equals("/finder") || path.startsWith("/finder/"))) {
            finderPageOrProblem(request, r.status(), json, requestId);
            return;
        }
        request.response().setStatusCode(r.status()).putHeader("Content-Type", EdgeProblem.MEDIA_TYPE)
                .putHeader(REQUEST_ID, requestId).end(json);
    }

    /**
     * Answers a visitor of the finder whom the edge refuses with the finder's page for {@code status}, in the language of
     * the address ({@link #refusedPage}), or with the problem {@code json} when the finder gives none.
     */
    private void finderPageOrProblem(HttpServerRequest request, int status, Buffer json, String requestId) {
        String path = request.path();
        String lang = path.equals("/finder/ja") || path.startsWith("/finder/ja/") ? "ja" : "en";
        refusedPage(status, lang).onComplete(page -> {
            if (page.failed() || request.response().ended() || request.response().closed()) {
                problem(request, status, json, requestId);
                return;
            }
            if (!request.isEnded()) {
                request.resume();
            }
            request.response().headers().addAll(page.result().headers());
            request.response().setStatusCode(status).putHeader(REQUEST_ID, requestId).end(page.result().body());
        });
    }

    /** A page of the finder as the gateway keeps it: the headers to answer with and the HTML. */
    private record RefusedPage(MultiMap headers, Buffer body, long expiresAt) {
    }

    /** The finder's pages for refused addresses, by language and status, each kept a minute. */
    private final Map<String, RefusedPage> refusedPages = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The finder's page for an address of its own that the edge refused ({@code GET /finder/{lang}/refused?status=...}, in the
     * language of the address), so that a visitor reads a page rather than the API's JSON problem; fetched once a minute at
     * most per language and status, so that bad addresses cost the finder nothing. Fails when the finder does not give it.
     */
    private Future<RefusedPage> refusedPage(int status, String lang) {
        String key = lang + " " + status;
        RefusedPage kept = refusedPages.get(key);
        long now = System.nanoTime();
        if (kept != null && kept.expiresAt() - now > 0) {
            return Future.succeededFuture(kept);
        }
        int chosen = finder.next(now, Set.of());
        if (chosen < 0) {
            return Future.failedFuture("the finder's circuit is open");
        }
        Origin origin = finder.get(chosen);
        return origin.client().request(new RequestOptions().setServer(origin.address()).setMethod(io.vertx.core.http.HttpMethod.GET)
                        .setURI("/finder/" + lang + "/refused?status=" + status).setTimeout(config.connectTimeout().toMillis()))
                .compose(toFinder -> toFinder.send().compose(answer -> answer.body().map(body -> {
                    if (answer.statusCode() != status) {
                        throw new IllegalStateException("the finder answered " + answer.statusCode());
                    }
                    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
                    answer.headers().forEach((name, value) -> {
                        if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                            headers.add(name, value);
                        }
                    });
                    headers.set("Cache-Control", "no-store");
                    RefusedPage page = new RefusedPage(headers, body, System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1));
                    refusedPages.put(key, page);
                    return page;
                })))
                .onFailure(e -> LOG.debugf("No page from the finder for a refused address (%s): %s", key, e.getMessage()));
    }

    /** Headers of the finder's answer that describe its connection, not the page. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "content-length", "date",
            "x-request-id", "set-cookie");

    /**
     * Browsers may call from the configured origins only (Vert.x Web's CORS handler; a refused origin fails
     * the route with 403, which {@link #failed} answers as a problem). A request whose {@code Origin} is the
     * gateway's own (Swagger UI trying an operation) is not cross-origin.
     */
    private io.vertx.core.Handler<RoutingContext> cors() {
        CorsHandler cors = CorsHandler.create().addOrigins(config.corsOrigins().stream().map(GatewayRouter::corsOrigin).toList())
                .allowedMethods(Set.of(io.vertx.core.http.HttpMethod.GET, io.vertx.core.http.HttpMethod.PUT,
                        io.vertx.core.http.HttpMethod.POST, io.vertx.core.http.HttpMethod.DELETE,
                        io.vertx.core.http.HttpMethod.OPTIONS))
                .allowedHeaders(Set.of("Authorization", "Content-Type", "Accept", "Accept-Language", "If-Match",
                        "If-None-Match", "Idempotency-Key", "X-Request-Id", "traceparent"))
                .exposedHeaders(Set.of("ETag", "Location", "Retry-After", "RateLimit", "RateLimit-Policy", "X-Request-Id"))
                .maxAgeSeconds(3600);
        return context -> {
            String origin = context.request().getHeader("Origin");
            if (origin != null && context.request().authority() != null
                    && origin.equalsIgnoreCase(context.request().scheme() + "://" + context.request().authority())) {
                context.next();
            } else {
                cors.handle(context);
            }
        };
    }

    /**
     * A configured CORS origin as browsers send it in {@code Origin} (RFC 6454): scheme and host in lower case,
     * no default port, no path; an entry that is not an origin stops the start with the reason.
     */
    public static String corsOrigin(String configured) {
        URI uri;
        try {
            uri = new URI(configured.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("citycoop.gateway.cors-origins: '" + configured + "' is not an origin such as https://example.org", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean noPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null
                || !noPath || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("citycoop.gateway.cors-origins: '" + configured
                    + "' is not an origin (http or https, a host, an optional port, nothing else) such as https://example.org");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** Whatever made a route fail (the HTTP layer's 400 for a request without Host, a refused CORS origin, ...) is a problem. */
    private void failed(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.response().ended() || request.response().closed()) {
            return;
        }
        int status = context.statusCode() < 400 ? 500 : context.statusCode();
        String requestId = requestIdOf(request);
        io.vertx.core.buffer.Buffer body;
        if (status == 400 && !namesItsHost(request)) {
            body = EdgeProblem.refused("bad-request", "Bad request", 400, "Host", "an HTTP/1.1 request must name its host",
                    safePath(request), requestId);
        } else if (status == 403 && request.getHeader("Origin") != null) {
            body = EdgeProblem.refused("forbidden", "Forbidden", 403, "Origin",
                    "pages from this origin may not call the API (CORS allow-list)", safePath(request), requestId);
        } else if (status >= 500) {
            LOG.errorf(context.failure(), "Request %s failed", requestId);
            body = EdgeProblem.of("internal-error", "Internal error", status,
                    "The gateway could not handle this request; quote the request id when you report it.", safePath(request), requestId);
        } else {
            String phrase = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
            String reason = phrase.charAt(0) + phrase.substring(1).toLowerCase(java.util.Locale.ROOT); // sentence case, as all titles
            String detail = context.failure() == null || context.failure().getMessage() == null
                    ? reason : context.failure().getMessage();
            body = EdgeProblem.of("bad-request", reason, status, detail, safePath(request), requestId);
        }
        request.response().setStatusCode(status).putHeader("Content-Type", EdgeProblem.MEDIA_TYPE)
                .putHeader(REQUEST_ID, requestId).end(body);
    }

    /**
     * The request's HTTP version; null for one the gateway does not speak, including an HTTP/1 request line
     * that claims HTTP/2 (a real HTTP/2 request has a stream id).
     */
    private static io.vertx.core.http.HttpVersion version(HttpServerRequest request) {
        io.vertx.core.http.HttpVersion version = request.version();
        return version == io.vertx.core.http.HttpVersion.HTTP_2 && request.streamId() < 0 ? null : version;
    }

    /**
     * Whether the request itself names its host: a {@code Host} header, or HTTP/2's {@code :authority}. (Behind the
     * HTTP layer's proxy support, a request without {@code Host} arrives with an empty one, and of two {@code Host}
     * headers only the first is left: that one is what the gateway and the services see.)
     */
    private static boolean namesItsHost(HttpServerRequest request) {
        if (request.version() == io.vertx.core.http.HttpVersion.HTTP_2) {
            return request.authority() != null;
        }
        String host = request.headers().get("Host");
        return host != null && !host.isBlank();
    }

    private static String requestIdOf(HttpServerRequest request) {
        String requestId = request.getHeader(REQUEST_ID);
        return requestId == null || !ACCEPTED_REQUEST_ID.matcher(requestId).matches() ? UUID.randomUUID().toString() : requestId;
    }

    /** The path for a problem's {@code instance}, without what could not be shown safely. */
    private static String safePath(HttpServerRequest request) {
        String path = request.path();
        return path == null ? "/" : path.replaceAll("[^\\x21-\\x7e]", "?");
    }

    /** Anything no route took (outside /v1 and the /q endpoints) is a 404 problem too, not an HTML page. */
    private void notFound(RoutingContext context) {
        String requestId = requestIdOf(context.request());
        context.response().setStatusCode(404).putHeader("Content-Type", EdgeProblem.MEDIA_TYPE)
                .putHeader(REQUEST_ID, requestId)
                .end(EdgeProblem.notFound(context.request().path(), requestId));
    }

    void logRoutes(@Observes StartupEvent started) {
        config.services().forEach((name, service) ->
                LOG.infof("Routing %s to %s (%s)", service.prefixes(), name, service.url()));
    }

    private void route(RoutingContext context) {
        HttpServerRequest request = context.request();
        request.pause(); // the body waits until the caller is known and the service chosen
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || !ACCEPTED_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
            request.headers().set(REQUEST_ID, requestId);
        }
        String id = requestId;
        String path = decoded(request.path());
        String template = path == null ? null : pathTemplates.templateOf(path.split("/", -1)).orElse(null); // once a request
        countAs(template == null ? "/v1/**" : template);
        boolean own = path != null && ClientsResource.owns(path);
        String service = path == null || own ? null : routes.serviceFor(path).orElse(null);
        if (service == null && !own) {
            problem(request, 404, EdgeProblem.notFound(request.path(), requestId), requestId);
            return;
        }
        String length = request.getHeader("Content-Length");
        long maxBodySize = maxBodySize(request.method(), template);
        if (length != null && tooLarge(length, maxBodySize)) {
            request.response().putHeader("Connection", "close");
            problem(request, 413, EdgeProblem.tooLarge(maxBodySize, request.path(), requestId), requestId);
            return;
        }
        if (own && length == null && request.headers().contains("Transfer-Encoding", "chunked", true)) {
            // quarkus-rest reads the gateway's own bodies whole, under the HTTP layer's limit (set for IATI files):
            // a body of unknown length to /v1/clients, whose bodies are a few hundred bytes, is not taken
            request.response().putHeader("Connection", "close");
            problem(request, 411, EdgeProblem.lengthRequired(maxBodySize, request.path(), requestId), requestId);
            return;
        }
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        sessions.resolve(request.getHeader("Authorization"), address).onComplete(resolved -> {
            if (resolved.failed()) {
                // a wrong key counts against the caller's address, so that guessing keys is rate-limited too
                rateLimiter.take("address:" + address, true, request.response().headers()).onComplete(limited -> {
                    if (limited.failed()) {
                        limitsUnavailable(request, id);
                    } else if (!limited.result().allowed()) {
                        problem(request, 429, EdgeProblem.tooManyRequests(limited.result().retryAfterSeconds(), request.path(), id), id);
                    } else if (resolved.cause() instanceof Sessions.Refused refused) {
                        request.response().putHeader("WWW-Authenticate", "Bearer realm=\"citycoop\"");
                        problem(request, 401, EdgeProblem.unauthorized(refused.getMessage(), request.path(), id), id);
                    } else {
                        LOG.error("Could not check an API key", resolved.cause());
                        problem(request, 503, EdgeProblem.of("service-unavailable", "Service unavailable", 503,
                                "API keys cannot be checked right now; try again shortly.", request.path(), id), id);
                    }
                });
                return;
            }
            Sessions.Session session = resolved.result();
            rateLimiter.take(limitKey(request, session), session.anonymous(), request.response().headers()).onComplete(limited -> {
                if (limited.failed()) {
                    limitsUnavailable(request, id);
                    return;
                }
                if (!limited.result().allowed()) {
                    problem(request, 429, EdgeProblem.tooManyRequests(limited.result().retryAfterSeconds(), request.path(), id), id);
                    return;
                }
                if (own) { // the next route, quarkus-rest's, reads the body (a Content-Length over the limit was refused above)
                    context.put(SessionAuthentication.SESSION, session);
                    context.next();
                    return;
                }
                Instances<Origin> instances = origins.get(service);
                long now = System.nanoTime();
                int chosen = instances.next(now, Set.of());
                if (chosen < 0) {
                    long retryAfter = instances.secondsUntilTrial(now);
                    request.response().putHeader("Retry-After", Long.toString(retryAfter));
                    problem(request, 503, EdgeProblem.circuitOpen(service, retryAfter, request.path(), id), id);
                    return;
                }
                request.headers().set("Authorization", "Bearer " + session.token());
                addForwardedHeaders(request);
                ProxyRequest proxyRequest = ProxyRequest.reverseProxy(request); // takes the headers as they are now
                readBody(request, maxBodySize).onComplete(body -> {
                    if (body.succeeded()) {
                        forward(instances, chosen, request, proxyRequest, body.result(), id, true);
                        return;
                    }
                    instances.breaker(chosen).abandoned(); // nothing was sent: a trial slot taken by this request is free again
                    if (body.cause() instanceof BodyTooLarge) {
                        request.response().putHeader("Connection", "close");
                        problem(request, 413, EdgeProblem.tooLarge(maxBodySize, request.path(), id), id);
                    } else {
                        LOG.debugf("Request %s: the caller's body did not arrive whole (%s); nothing was forwarded", id, body.cause());
                    }
                });
            });
        });
    }

    /**
     * A page of the scheme finder: passed on as it is, without the caller's credentials; each page counts against
     * the visitor's address as an anonymous API call does (its assets do not).
     */
    private void routeFinder(RoutingContext context) {
        HttpServerRequest request = context.request();
        request.pause();
        countAs(request.path().startsWith("/finder/assets/") ? "/finder/assets/**" : "/finder/**");
        String id = requestIdOf(request);
        request.headers().set(REQUEST_ID, id);
        if (request.method() != io.vertx.core.http.HttpMethod.GET && request.method() != io.vertx.core.http.HttpMethod.HEAD) {
            request.response().putHeader("Allow", "GET, HEAD");
            problem(request, 405, EdgeProblem.of("method-not-allowed", "Method not allowed", 405,
                    "The finder's pages are read with GET", request.path(), id), id);
            return;
        }
        if (request.path().startsWith("/finder/assets/")) { // fingerprinted, cached for a year: not counted
            forwardToFinder(request, id);
            return;
        }
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        rateLimiter.take("address:" + address, true, request.response().headers()).onComplete(limited -> {
            if (limited.failed()) {
                limitsUnavailable(request, id);
            } else if (!limited.result().allowed()) { // the finder's page saying so (Retry-After is set), else the problem
                finderPageOrProblem(request, 429, EdgeProblem.tooManyRequests(limited.result().retryAfterSeconds(), request.path(), id), id);
            } else {
                forwardToFinder(request, id);
            }
        });
    }

    private void forwardToFinder(HttpServerRequest request, String id) {
        long now = System.nanoTime();
        int chosen = finder.next(now, Set.of());
        if (chosen < 0) {
            long retryAfter = finder.secondsUntilTrial(now);
            request.response().putHeader("Retry-After", Long.toString(retryAfter));
            problem(request, 503, EdgeProblem.circuitOpen("finder", retryAfter, request.path(), id), id);
            return;
        }
        request.headers().remove("Authorization");
        request.headers().remove("Cookie");
        addForwardedHeaders(request);
        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(request);
        readBody(request, config.maxBodySize().asLongValue()).onComplete(body -> {
            if (body.succeeded()) {
                forward(finder, chosen, request, proxyRequest, body.result(), id, false);
            } else {
                finder.breaker(chosen).abandoned();
                if (body.cause() instanceof BodyTooLarge) {
                    request.response().putHeader("Connection", "close");
                    problem(request, 413, EdgeProblem.tooLarge(config.maxBodySize().asLongValue(), request.path(), id), id);
                }
            }
        });
    }

    /**
     * What a request's rate limit counts by: the caller's key, or its address without one. A keyed call that a trusted
     * proxy forwarded for someone else (the scheme finder for a visitor) counts per key and forwarded address, so that
     * each visitor keeps a quota of their own.
     */
    private String limitKey(HttpServerRequest request, Sessions.Session session) {
        if (session.anonymous()) {
            return session.limitKey();
        }
        if (config.forwardingClients().orElse(java.util.List.of()).contains(session.client().name())) {
            String forwarded = request.getHeader("X-Forwarded-For");
            String visitor = forwarded == null ? "" : forwarded.split(",", 2)[0].trim();
            return VISITOR_ADDRESS.matcher(visitor).matches() ? session.limitKey() + "|address:" + visitor : session.limitKey();
        }
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        SocketAddress client = request.remoteAddress();
        if (peer == null || client == null || client.equals(peer)) {
            return session.limitKey();
        }
        return session.limitKey() + "|address:" + client.hostAddress();
    }

    /** An IPv4 or IPv6 address as a forwarding client states its visitor's. */
    private static final java.util.regex.Pattern VISITOR_ADDRESS = java.util.regex.Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    /** Signals a body over the limit. */
    private static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }

    /**
     * The whole body, at most {@code maxBytes} (null when the request has none: it stays paused, for the proxy). Fails with {@link BodyTooLarge}
     * past the limit, or with the HTTP layer's error when the body's framing is broken or the caller goes away.
     */
    private static Future<Buffer> readBody(HttpServerRequest request, long maxBytes) {
        String length = request.getHeader("Content-Length");
        boolean framedAsEmpty = request.version() != io.vertx.core.http.HttpVersion.HTTP_2
                && request.getHeader("Transfer-Encoding") == null && (length == null || length.trim().equals("0"));
        if (request.isEnded() || framedAsEmpty) {
            return Future.succeededFuture(); // the proxy streams the (empty) body and its end as they come
        }
        Promise<Buffer> whole = Promise.promise();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + (long) chunk.length() > maxBytes) {
                request.handler(null);
                whole.tryFail(new BodyTooLarge());
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(whole::tryFail);
        request.endHandler(done -> whole.tryComplete(body));
        request.resume();
        return whole.future();
    }

    /**
     * Sends the request to the service and its answer back. Failures reaching the service become problems
     * ({@link EdgeProblem}: 503 when the connection could not be made, 504 when the service stayed silent
     * longer than the response timeout, 502 when the connection broke after the request was sent) and count
     * for its circuit, as do its own 502, 503 and 504 answers when {@code answersCount} (not the finder's: its 503 page
     * says that the API behind it is unavailable, not that the finder is); a caller that went away counts for nothing.
     */
    private void forward(Instances<Origin> instances, int chosen, HttpServerRequest request, ProxyRequest proxyRequest,
            Buffer body, String requestId, boolean answersCount) {
        forward(instances, chosen, new java.util.HashSet<>(), request, proxyRequest, body, requestId, answersCount,
                IDEMPOTENT.contains(request.method()));
    }

    /**
     * Sends to instance {@code chosen} of {@code instances}; {@code tried} holds the instances this request could not
     * connect to so far. A connection refused or timed out goes on to the next instance whose circuit allows it (nothing
     * was sent), whatever the method.
     */
    private void forward(Instances<Origin> instances, int chosen, java.util.Set<Integer> tried, HttpServerRequest request,
            ProxyRequest proxyRequest, Buffer body, String requestId, boolean answersCount, boolean mayRepeat) {
        Origin origin = instances.get(chosen);
        CircuitBreaker breaker = instances.breaker(chosen);
        if (body != null) {
            proxyRequest.setBody(Body.body(body));
        }
        long responseTimeout = config.responseTimeout().toMillis();
        origin.client().request(new RequestOptions().setServer(origin.address()).setIdleTimeout(responseTimeout))
                .compose(toService -> {
                    // its failures are reported through the answer's future; not "unhandled" errors in the log
                    toService.exceptionHandler(failure -> LOG.debugf("Request %s to %s: %s", requestId, origin.name(), failure.getMessage()));
                    return proxyRequest.send(toService);
                })
                .onComplete(answered -> {
                    if (answered.succeeded()) {
                        int status = answered.result().getStatusCode();
                        if (answersCount && (status == 502 || status == 503 || status == 504)) {
                            breaker.failed(System.nanoTime());
                        } else {
                            breaker.succeeded();
                        }
                        answered.result().send();
                        return;
                    }
                    Throwable failure = answered.cause();
                    // the caller went away (the proxy then resets the service's request): only that caller's loss. A reset
                    // while the caller is still there is the service's connection breaking under the body being sent
                    if (request.response().closed()) {
                        breaker.abandoned();
                        LOG.debugf("Request %s: the caller went away before %s answered (%s)", requestId, origin.name(), failure.getMessage());
                        return;
                    }
                    boolean notReached = failure instanceof java.net.ConnectException;
                    boolean silent = failure instanceof java.util.concurrent.TimeoutException;
                    if (notReached) { // nothing was sent: another instance may take it, whatever the method
                        breaker.failed(System.nanoTime());
                        tried.add(chosen);
                        int other = instances.next(System.nanoTime(), tried);
                        if (other >= 0) {
                            LOG.debugf("Request %s: %s at %s unreachable (%s); sent to another instance", requestId,
                                    origin.name(), origin.address(), failure.getMessage());
                            forward(instances, other, tried, request, ProxyRequest.reverseProxy(request),
                                    body == null ? Buffer.buffer() : body, requestId, answersCount, mayRepeat);
                            return;
                        }
                    }
                    if (mayRepeat && !notReached && !silent) { // no answer came: the service did not say what it did
                        LOG.debugf("Request %s: the connection to %s broke before an answer (%s); sent again", requestId,
                                origin.name(), failure);
                        int other = instances.size() > 1 ? instances.next(System.nanoTime(), Set.of(chosen)) : -1;
                        forward(instances, other >= 0 ? other : chosen, tried, request, ProxyRequest.reverseProxy(request),
                                body == null ? Buffer.buffer() : body, requestId, answersCount, false);
                        return;
                    }
                    if (!notReached) {
                        breaker.failed(System.nanoTime());
                    }
                    LOG.warnf("%s %s: %s", origin.name(), notReached ? "unreachable" : "failed during the request", failure);
                    String path = request.path();
                    if (notReached) {
                        request.response().putHeader("Retry-After", "5");
                        problem(request, 503, EdgeProblem.serviceUnavailable(origin.name(), path, requestId), requestId);
                    } else if (silent) {
                        problem(request, 504, EdgeProblem.timeout(origin.name(), responseTimeout / 1000, path, requestId), requestId);
                    } else {
                        problem(request, 502, EdgeProblem.outcomeUnknown(origin.name(), path, requestId), requestId);
                    }
                });
    }

    /** The shared rate-limit buckets cannot be reached ({@link RateLimiter} logged it): no request passes unchecked. */
    private static void limitsUnavailable(HttpServerRequest request, String requestId) {
        request.response().putHeader("Retry-After", "5");
        problem(request, 503, EdgeProblem.of("service-unavailable", "Service unavailable", 503,
                "Rate limits cannot be checked right now; try again shortly.", request.path(), requestId), requestId);
    }

    private static void problem(HttpServerRequest request, int status, io.vertx.core.buffer.Buffer body, String requestId) {
        if (request.response().ended() || request.response().closed()) {
            return;
        }
        if (!request.isEnded()) { // a body read to its end cannot be resumed
            request.resume();
        }
        request.response().setStatusCode(status).putHeader("Content-Type", EdgeProblem.MEDIA_TYPE)
                .putHeader(REQUEST_ID, requestId).end(body);
    }

    /**
     * The body limit of a request: batch uploads ({@code POST .../x:batch}) and IATI file imports
     * ({@code POST .../iati-activities}, {@code POST .../iati-organisation}) have larger ones.
     */
    private long maxBodySize(io.vertx.core.http.HttpMethod method, String template) {
        // only operations the API documents (the request's path template, null when it fits none) get the larger
        // limits: a large body to a made-up ".../x:batch" is refused here, not streamed to a service without it
        if (!io.vertx.core.http.HttpMethod.POST.equals(method) || template == null) {
            return config.maxBodySize().asLongValue();
        }
        if (template.endsWith("/iati-activities") || template.endsWith("/iati-organisation")) {
            return config.importMaxBodySize().asLongValue();
        }
        return (template.endsWith(":batch") ? config.batchMaxBodySize() : config.maxBodySize()).asLongValue();
    }

    private static boolean tooLarge(String contentLength, long maxBodySize) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false; // the service's HTTP layer refuses a malformed length
        }
    }

    /** The path with percent-escapes decoded ({@code %3A} is {@code :}), or null when it is not a valid path. */
    private static String decoded(String rawPath) {
        try {
            return new URI(null, null, null, -1, "/", null, null).resolve(rawPath).getPath();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return null;
        }
    }

    /**
     * {@code X-Forwarded-For}: when the peer is a trusted proxy ({@code citycoop.gateway.trusted-proxies}),
     * Quarkus took the client from the first address of its {@code X-Forwarded-For}; the chain goes on with the
     * proxy's address appended. From any other peer the header is the caller's own claim: it is replaced by
     * the peer's address, so that the services never believe it either.
     */
    private static void addForwardedHeaders(HttpServerRequest request) {
        MultiMap headers = request.headers();
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        SocketAddress client = request.remoteAddress();
        if (peer == null || client == null) {
            headers.remove("X-Forwarded-For");
        } else if (!client.equals(peer)) { // Quarkus took the client from a trusted proxy's header
            String prior = headers.get("X-Forwarded-For");
            headers.set("X-Forwarded-For", (prior == null ? client.host() : prior) + ", " + peer.host());
        } else {
            headers.set("X-Forwarded-For", peer.host());
        }
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        headers.remove("X-Forwarded-Port"); // the port is in X-Forwarded-Host; a client's own value must not steer links
        headers.remove("X-Forwarded-Prefix");
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
    }

    /** The instances of a service at {@code urls}, reached through one HTTP client (its pool is kept per address). */
    private Instances<Origin> instancesOf(String service, List<URI> urls) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64));
        return new Instances<>(urls.stream()
                .map(url -> new Origin(service, SocketAddress.inetSocketAddress(url.getPort() > 0 ? url.getPort() : 80, url.getHost()),
                        client))
                .toList(),
                () -> new CircuitBreaker(config.circuitBreaker().failureThreshold(), config.circuitBreaker().openDuration().toNanos()));
    }

    /**
     * The API's path templates, from the services' OpenAPI documents, so that a refused path segment is named by
     * its parameter ({@code agencyId}) rather than as {@code path}.
     */
    public void learnPaths(java.util.Collection<String> templates) {
        pathTemplates = PathTemplates.of(templates);
        edgeRules = new EdgeRules(config.limits().maxRequestLine(), (int) config.limits().maxHeaderSize().asLongValue(),
                pathTemplates);
    }

    /**
     * Names the request in the HTTP server metrics ({@code uri} tag) by its API path template, or by a fixed
     * name ({@code /v1/**}, {@code /finder/**}) when it fits none, so that the metrics hold one series per operation whatever paths callers send
     * (the Micrometer binder reads the template from the request's context).
     */
    private void countAs(String template) {
        if (io.smallrye.common.vertx.VertxContext.isOnDuplicatedContext()) { // each HTTP request's own context
            io.smallrye.common.vertx.ContextLocals.put("UrlPathTemplate", template);
        }
    }

    /** The names of the routed services and their instances' base URLs, for health and OpenAPI. */
    public Map<String, List<URI>> serviceUrls() {
        return config.services().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().url()));
    }
}
