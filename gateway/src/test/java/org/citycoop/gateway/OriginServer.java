package org.citycoop.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP origin standing in for catalog-service: it answers every request with what it received
 * (method, path with query, headers, body) and echoes X-Request-Id as the services do, serves a small OpenAPI document and a ready health check.
 * matching-service (and an "outage" service on /v1/outage) is configured on a port where nothing listens,
 * to see the gateway's behaviour when a service is down. (The whole suite through the gateway is tested in deploy/e2e.)
 */
public class OriginServer implements QuarkusTestResourceLifecycleManager {

    /**
     * A service document as the platform's OpenAPI filter shapes it. Its references to the components every document
     * shares (ApiKey, Problem, the problem responses) resolve, in the merged document, to the gateway's own copies: the
     * gateway's generated document carries them (OpenApiMergerTest merges documents that carry them both).
     */
    static final String OPENAPI = """
            {"openapi":"3.1.0","paths":{"/v1/schemes":{"get":{"operationId":"SchemeResource_search","security":[],
            "parameters":[{"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":100}}],
            "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}},
            "400":{"$ref":"#/components/responses/BadRequest"},"401":{"$ref":"#/components/responses/Unauthorized"}}}},
            "/v1/agencies/{agencyId}/iati-activities":{"post":{"operationId":"AgencyActivityResource_importActivities",
            "parameters":[{"name":"agencyId","in":"path","required":true,"schema":{"type":"string"}}],"security":[{"ApiKey":[]}],
            "responses":{"200":{"description":"ok"},"401":{"$ref":"#/components/responses/Unauthorized"}}}},
            "/v1/agencies/{agencyId}/schemes:batch":{"post":{"operationId":"SchemeBatchResource_apply",
            "parameters":[{"name":"agencyId","in":"path","required":true,"schema":{"type":"string"}}],"security":[{"ApiKey":[]}],
            "responses":{"200":{"description":"ok"},"401":{"$ref":"#/components/responses/Unauthorized"}}}},
            "/v1/agencies/{agencyId}":{"put":{"operationId":"AgencyResource_put","parameters":[{"name":"agencyId","in":"path",
            "required":true,"schema":{"type":"string"}}],"security":[{"ApiKey":[]}],"responses":{"200":{"description":"ok"},
            "400":{"$ref":"#/components/responses/BadRequest"},"401":{"$ref":"#/components/responses/Unauthorized"}}}}},
            "components":{"schemas":{"Page":{"type":"object"}}}}""";

    /** The bootstrap admin key the gateway is started with in these tests. */
    static final String ADMIN_KEY = "test-bootstrap-admin-key-0123456789abcdef";

    private Vertx vertx;
    /** The paths of the requests this origin received, newest last (read through the gateway at {@link #RECEIVED}). */
    private final java.util.List<String> received = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    static final String RECEIVED = "/v1/agencies/__received";
    /** The connections that brought a request to {@code /v1/closing}. */
    private final Set<io.vertx.core.http.HttpConnection> servedConnections = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(OPENAPI);
                return;
            }
            if (request.path().equals(RECEIVED)) {
                request.response().putHeader("Content-Type", "application/json")
                        .end(new io.vertx.core.json.JsonArray(new java.util.ArrayList<>(received)).encode());
                return;
            }
            if (request.path().startsWith("/v1/closing")) { // closes a kept-alive connection when it brings a second request
                if (!servedConnections.add(request.connection())) {
                    request.connection().close();
                    return;
                }
                received.add(request.method() + " " + request.path());
                request.response().putHeader("Content-Type", "application/json").end("{}");
                return;
            }
            java.util.regex.Matcher refused = java.util.regex.Pattern.compile("/finder/(en|ja)/refused").matcher(request.path());
            if (refused.matches()) { // the finder's page for an address the gateway refuses, as the finder makes it
                int status = Integer.parseInt(request.getParam("status"));
                request.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=UTF-8")
                        .putHeader("Content-Security-Policy", "default-src 'self'")
                        .end("<!doctype html><html lang=\"" + refused.group(1) + "\"><h1>refused " + status + "</h1></html>");
                return;
            }
            received.add(request.path());
            if (request.path().equals("/v1/agencies/no-such-agency")) {
                request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json").end("{\"status\":404}");
                return;
            }
            if (request.path().endsWith("/hang")) {
                return; // never answers: the gateway's response timeout must end the request
            }
            if (request.path().endsWith("/slow")) { // answers after half a second: time for a caller to go away
                vertx.setTimer(500, t -> request.response().putHeader("Content-Type", "application/json").end("{}"));
                return;
            }
            if (request.path().endsWith("/unavailable")) { // the service itself says it cannot serve
                request.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                        .end("{\"status\":503}");
                return;
            }
            if (request.path().equals("/q/health/ready")) {
                request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
                return;
            }
            request.body().onSuccess(body -> {
                JsonObject headers = new JsonObject();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                request.response().putHeader("Content-Type", "application/json")
                        .putHeader("X-Request-Id", request.getHeader("X-Request-Id")).end(new JsonObject()
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("headers", headers)
                        .put("body", body.toString())
                        .encode());
            });
        });
        try {
            int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            Map<String, String> config = new java.util.HashMap<>();
            config.put("citycoop.gateway.services.catalog.url", "http://127.0.0.1:" + port);
            config.put("citycoop.gateway.services.matching.url", "http://127.0.0.1:" + closedPort);
            config.put("citycoop.gateway.services.twinning.url", "http://127.0.0.1:" + port);
            // a service that is down for the circuit breaker's test alone
            config.put("citycoop.gateway.services.outage.url", "http://127.0.0.1:" + closedPort);
            config.put("citycoop.gateway.services.outage.prefixes", "/v1/outage");
            // a service that answers, but may say 503 itself, for the circuit breaker's test alone
            config.put("citycoop.gateway.services.flaky.url", "http://127.0.0.1:" + port);
            config.put("citycoop.gateway.services.flaky.prefixes", "/v1/flaky");
            // a service that closes kept-alive connections under the next request, for the repeating test alone
            config.put("citycoop.gateway.services.closing.url", "http://127.0.0.1:" + port);
            config.put("citycoop.gateway.services.closing.prefixes", "/v1/closing");
            // a service of two instances, the first down, for the instances' test alone
            config.put("citycoop.gateway.services.replicated.url", "http://127.0.0.1:" + closedPort + ",http://127.0.0.1:" + port);
            config.put("citycoop.gateway.services.replicated.prefixes", "/v1/replicated");
            config.put("citycoop.gateway.circuit-breaker.failure-threshold", "3");
            config.put("citycoop.gateway.circuit-breaker.open-duration", "1h");
            config.put("citycoop.gateway.admin-key", ADMIN_KEY);
            // the scheme finder's pages (/finder/...) come from the same echoing origin
            config.put("citycoop.gateway.finder-url", "http://127.0.0.1:" + port);
            config.put("citycoop.gateway.response-timeout", "2s");
            return config;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
