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
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Routes {@code /v1/...} to the owning service through a Vert.x reverse proxy mounted on the Quarkus
 * router. Adds {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and an {@code X-Request-Id}
 * (kept when the caller sent a well-formed one; the services echo it on their responses);
 * {@code traceparent} passes through untouched. An
 * unknown {@code /v1} path is a 404 problem; a service that cannot be reached is a 503 problem, one that
 * does not answer within {@code citycoop.gateway.response-timeout} a 504, and the other services stay
 * reachable.
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

    private final Map<String, HttpProxy> proxies = new HashMap<>();
    private Routes routes;

    void mount(@Observes Router router) {
        routes = new Routes(config.services().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().prefixes())));
        config.services().forEach((name, service) -> proxies.put(name, proxyTo(name, service.url())));
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
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || !ACCEPTED_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
            request.headers().set(REQUEST_ID, requestId);
        }
        String path = decoded(request.path());
        String service = path == null ? null : routes.serviceFor(path).orElse(null);
        if (service == null) {
            context.response().setStatusCode(404).putHeader("Content-Type", EdgeProblem.MEDIA_TYPE)
                    .putHeader(REQUEST_ID, requestId)
                    .end(EdgeProblem.notFound(request.path(), requestId));
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && tooLarge(length)) {
            context.response().setStatusCode(413).putHeader("Content-Type", EdgeProblem.MEDIA_TYPE)
                    .putHeader(REQUEST_ID, requestId).putHeader("Connection", "close")
                    .end(EdgeProblem.tooLarge(config.maxBodySize().asLongValue(), request.path(), requestId));
            return;
        }
        addForwardedHeaders(request);
        proxies.get(service).handle(request);
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > config.maxBodySize().asLongValue();
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

    private static void addForwardedHeaders(HttpServerRequest request) {
        MultiMap headers = request.headers();
        String client = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (client != null) {
            String prior = headers.get("X-Forwarded-For");
            headers.set("X-Forwarded-For", prior == null ? client : prior + ", " + client);
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
                .addInterceptor(new ServiceUnavailable(service, responseTimeout / 1000));
    }

    /**
     * Turns a failure towards the service into a problem document: 503 when the connection could not be
     * made (nothing reached the service: safe to retry), 504 when the service stayed silent longer than
     * the response timeout, 502 when the connection broke after the request was sent (in both of these
     * the service may have acted on it: the client must check before retrying a non-idempotent request).
     */
    private record ServiceUnavailable(String service, long timeoutSeconds) implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
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
