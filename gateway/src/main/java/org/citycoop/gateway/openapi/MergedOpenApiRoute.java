package org.citycoop.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.citycoop.gateway.routing.GatewayRouter;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves the merged OpenAPI document of the routed services at {@code /q/openapi} (JSON), fetched
 * from each service's {@code /q/openapi?format=json} on every request (a few kilobytes each), so it is
 * never stale, with the gateway's own {@code /v1/clients}: the document Quarkus generates from
 * {@link org.citycoop.gateway.auth.ClientsResource} (also served alone at {@code /q/openapi-gateway}), which the
 * platform's {@code ApiConventionsFilter} shapes as it shapes the services' and which carries the shared components, so
 * that the merged document stands alone when no service answers. Swagger UI at {@code /q/swagger-ui} shows it.
 */
@ApplicationScoped
public class MergedOpenApiRoute {

    @Inject
    GatewayRouter gateway;

    @Inject
    ObjectMapper mapper;

    @Inject
    Vertx vertx;

    @Inject
    OpenApiDocumentService ownDocuments;

    private HttpClient client;
    private JsonNode ownDocument;
    /** The next {@link #learnPaths} timer; none once the application stops. */
    private volatile long timer = -1;
    private volatile boolean stopped;

    void mount(@Observes Router router) {
        try {
            // generated at build time from ClientsResource, shaped by the platform's ApiConventionsFilter as the services' are
            ownDocument = mapper.readTree(ownDocuments.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("The gateway's own OpenAPI document is missing or not JSON", e);
        }
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000));
        router.get("/q/openapi").order(-100).handler(this::serve);
        timer = vertx.setTimer(1, ignored -> learnPaths());
    }

    /** Also when the start failed half-way: no timer may run into a stopped application. */
    @jakarta.annotation.PreDestroy
    void stop() {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    private void serve(RoutingContext context) {
        merged().onSuccess(document -> context.response().putHeader("Content-Type", "application/json")
                .end(document.toPrettyString()));
    }

    /**
     * Teaches the edge the API's path templates: again after {@link #RELEARN_MS} milliseconds, or after
     * {@link #RETRY_MS} while a service's document is missing (a service that starts after the gateway, or one
     * that changed its paths in a rolling update).
     */
    private void learnPaths() {
        if (stopped) {
            return;
        }
        merged().onComplete(done -> {
            if (stopped) {
                return;
            }
            boolean complete = done.succeeded() && !done.result().has("x-citycoop-unavailable");
            if (done.succeeded()) {
                List<String> templates = new ArrayList<>();
                done.result().path("paths").fieldNames().forEachRemaining(templates::add);
                gateway.learnPaths(templates);
            }
            timer = vertx.setTimer(complete ? RELEARN_MS : RETRY_MS, ignored -> learnPaths());
        });
    }

    private static final long RELEARN_MS = 300_000;
    private static final long RETRY_MS = 5_000;

    private Future<JsonNode> merged() {
        Map<String, List<URI>> services = new TreeMap<>(gateway.serviceUrls());
        Map<String, Future<JsonNode>> fetches = new LinkedHashMap<>();
        services.forEach((name, url) -> fetches.put(name, fetch(url)));
        return Future.join(new ArrayList<>(fetches.values())).transform(done -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> unavailable = new ArrayList<>();
            fetches.forEach((name, fetch) -> {
                if (fetch.succeeded()) {
                    documents.put(name, fetch.result());
                } else {
                    unavailable.add(name);
                }
            });
            // last: its copies of the shared components (ApiKey, Problem, the problem responses) give way to the services'
            documents.put("gateway", ownDocument);
            return Future.succeededFuture((JsonNode) new OpenApiMerger(mapper).merge(documents, unavailable));
        });
    }

    /** The document of the first instance that gives one. */
    private Future<JsonNode> fetch(List<URI> urls) {
        Future<JsonNode> document = fetch(urls.get(0));
        for (URI other : urls.subList(1, urls.size())) {
            document = document.recover(failed -> fetch(other));
        }
        return document;
    }

    private Future<JsonNode> fetch(URI url) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(url.getHost())
                .setPort(url.getPort() > 0 ? url.getPort() : 80)
                .setURI("/q/openapi?format=json")
                .setTimeout(5000);
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .map(buffer -> {
                    try {
                        return mapper.readTree(buffer.getBytes());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("Not an OpenAPI JSON document from " + url, e);
                    }
                });
    }
}
