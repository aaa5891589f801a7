package org.citycoop.gateway.routing;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.citycoop.gateway.auth.ClientsApi;
import org.citycoop.gateway.auth.Sessions;
import org.citycoop.gateway.ratelimit.RateLimiter;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The edge: every {@code /v1/...} request, in this order:
 * <ol>
 *   <li>an {@code X-Request-Id} (kept when the caller sent a well-formed one; the services echo it);
 *       {@code traceparent} passes through untouched;</li>
 *   <li>the owning service by path prefix (unknown path: 404 problem); a body over
 *       {@code citycoop.gateway.max-body-size} ({@code batch-max-body-size} for {@code POST ...:batch}) by {@code Content-Length}: 413 problem;</li>
 *   <li>the caller ({@link Sessions}): an API key in {@code Authorization: Bearer}, or nobody (public);
 *       a wrong key is a 401 problem;</li>
 *   <li>the rate limit of the key, or of the address for calls without a valid key ({@link RateLimiter}):
 *       {@code RateLimit} headers on every answer, 429 problem with {@code Retry-After} past it;</li>
 *   <li>{@code /v1/clients} is answered here ({@link ClientsApi}); anything else goes to its service
 *       through a Vert.x reverse proxy with the caller's {@code Authorization} replaced by the gateway's
 *       signed token, and {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} added.</li>
 * </ol>
 * A service that cannot be reached is a 503 problem, one that does not answer within
 * {@code citycoop.gateway.response-timeout} a 504, a broken connection a 502; after
 * {@code citycoop.gateway.circuit-breaker.failure-threshold} such failures in a row its circuit opens
 * ({@link CircuitBreaker}) and requests get a 503 at once. Requests are never retried. The other
 * services stay reachable.
 */
@ApplicationScoped
public class GatewayRouter {

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);
    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern ACCEPTED_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    Sessions sessions;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    ClientsApi clients;

    private final Map<String, HttpProxy> proxies = new HashMap<>();
    private final Map<String, CircuitBreaker> breakers = new HashMap<>();
    private Routes routes;

    void mount(@Observes Router router) {
        routes = new Routes(config.services().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().prefixes())));
        config.services().forEach((name, service) -> {
            breakers.put(name, new CircuitBreaker(config.circuitBreaker().failureThreshold(), config.circuitBreaker().openDuration().toNanos()));
            proxies.put(name, proxyTo(name, service.url()));
        });
        router.route("/v1/*").order(-100).handler(this::route);
        router.route("/v1").order(-100).handler(this::route);
        router.route().last().handler(this::notFound);
    }

    /** Anything no route took (outside /v1 and the /q endpoints) is a 404 problem too, not an HTML page. */
    private void notFound(RoutingContext context) {
        String requestId = context.request().getHeader(REQUEST_ID);
        if (requestId == null || !ACCEPTED_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
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
        boolean own = path != null && ClientsApi.owns(path);
        String service = path == null || own ? null : routes.serviceFor(path).orElse(null);
        if (service == null && !own) {
            problem(request, 404, EdgeProblem.notFound(request.path(), requestId), requestId);
            return;
        }
        String length = request.getHeader("Content-Length");
        long maxBodySize = maxBodySize(request.method(), path);
        if (length != null && tooLarge(length, maxBodySize)) {
            request.response().putHeader("Connection", "close");
            problem(request, 413, EdgeProblem.tooLarge(maxBodySize, request.path(), requestId), requestId);
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
            rateLimiter.take(session.limitKey(), session.anonymous(), request.response().headers()).onComplete(limited -> {
                if (limited.failed()) {
                    limitsUnavailable(request, id);
                    return;
                }
                if (!limited.result().allowed()) {
                    problem(request, 429, EdgeProblem.tooManyRequests(limited.result().retryAfterSeconds(), request.path(), id), id);
                    return;
                }
                if (own) {
                    clients.handle(request, session, id);
                    return;
                }
                CircuitBreaker breaker = breakers.get(service);
                long now = System.nanoTime();
                if (!breaker.allow(now)) {
                    long retryAfter = breaker.secondsUntilTrial(now);
                    request.response().putHeader("Retry-After", Long.toString(retryAfter));
                    problem(request, 503, EdgeProblem.circuitOpen(service, retryAfter, request.path(), id), id);
                    return;
                }
                request.headers().set("Authorization", "Bearer " + session.token());
                addForwardedHeaders(request);
                proxies.get(service).handle(request);
            });
        });
    }

    /** The shared rate-limit buckets cannot be reached ({@link RateLimiter} logged it): no request passes unchecked. */
    private static void limitsUnavailable(HttpServerRequest request, String requestId) {
        request.response().putHeader("Retry-After", "5");
        problem(request, 503, EdgeProblem.of("service-unavailable", "Service unavailable", 503,
                "Rate limits cannot be checked right now; try again shortly.", request.path(), requestId), requestId);
    }

    private static void problem(HttpServerRequest request, int status, io.vertx.core.buffer.Buffer body, String requestId) {
        if (!request.isEnded()) { // a body read to its end cannot be resumed
            request.resume();
        }
        request.response().setStatusCode(status).putHeader("Content-Type", EdgeProblem.MEDIA_TYPE)
                .putHeader(REQUEST_ID, requestId).end(body);
    }

    /** The body limit of a request: batch uploads ({@code POST .../x:batch}) have a larger one. */
    private long maxBodySize(io.vertx.core.http.HttpMethod method, String path) {
        boolean batch = io.vertx.core.http.HttpMethod.POST.equals(method) && path != null && path.endsWith(":batch");
        return (batch ? config.batchMaxBodySize() : config.maxBodySize()).asLongValue();
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

    private HttpProxy proxyTo(String service, URI url) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64));
        int port = url.getPort() > 0 ? url.getPort() : 80;
        SocketAddress origin = SocketAddress.inetSocketAddress(port, url.getHost());
        long responseTimeout = config.responseTimeout().toMillis();
        return HttpProxy.reverseProxy(client)
                .originRequestProvider((request, httpClient) -> httpClient.request(new RequestOptions()
                        .setServer(origin).setIdleTimeout(responseTimeout)))
                .addInterceptor(new ServiceUnavailable(service, responseTimeout / 1000, breakers.get(service)));
    }

    /**
     * Turns a failure towards the service into a problem document: 503 when the connection could not be
     * made (nothing reached the service: safe to retry), 504 when the service stayed silent longer than
     * the response timeout, 502 when the connection broke after the request was sent (in both of these
     * the service may have acted on it: the client must check before retrying a non-idempotent request).
     */
    private record ServiceUnavailable(String service, long timeoutSeconds, CircuitBreaker breaker) implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().onSuccess(answered -> breaker.succeeded()).recover(failure -> {
                breaker.failed(System.nanoTime());
                boolean notReached = failure instanceof java.net.ConnectException;
                LOG.warnf("%s %s: %s", service, notReached ? "unreachable" : "failed during the request", failure.getMessage());
                HttpServerRequest incoming = context.request().proxiedRequest();
                String requestId = incoming.getHeader(REQUEST_ID);
                ProxyResponse response = context.request().response()
                        .putHeader("Content-Type", EdgeProblem.MEDIA_TYPE)
                        .putHeader(REQUEST_ID, requestId);
                if (notReached) {
                    response.setStatusCode(503).setStatusMessage("Service Unavailable").putHeader("Retry-After", "5")
                            .setBody(Body.body(EdgeProblem.serviceUnavailable(service, incoming.path(), requestId)));
                } else if (failure instanceof java.util.concurrent.TimeoutException) {
                    response.setStatusCode(504).setStatusMessage("Gateway Timeout")
                            .setBody(Body.body(EdgeProblem.timeout(service, timeoutSeconds, incoming.path(), requestId)));
                } else {
                    response.setStatusCode(502).setStatusMessage("Bad Gateway")
                            .setBody(Body.body(EdgeProblem.outcomeUnknown(service, incoming.path(), requestId)));
                }
                return Future.succeededFuture(response);
            });
        }
    }

    /** The names of the routed services and their base URLs, for health and OpenAPI. */
    public Map<String, URI> serviceUrls() {
        return config.services().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().url()));
    }
}
