package org.citycoop.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.citycoop.gateway.routing.GatewayConfig;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.problem.ProblemTypes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the catalogue holds an agency, before an {@code AGENCY_EDITOR} is bound to it: {@code GET /v1/agencies/{id}}
 * on the service that owns {@code /v1/agencies}, as the anonymous public would read it (its instances in order until
 * one answers).
 */
@ApplicationScoped
public class AgencyCheck {

    private static final Logger LOG = Logger.getLogger(AgencyCheck.class);

    @Inject
    GatewayConfig config;

    @Inject
    Sessions sessions;

    @Inject
    Vertx vertx;

    private HttpClient client;

    @PostConstruct
    void connect() {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(4));
    }

    /**
     * Whether the catalogue holds {@code agencyId} (blocking: call it from a worker thread).
     *
     * @throws ProblemException 503 when the catalogue cannot say
     */
    public boolean exists(String agencyId) {
        long timeout = config.connectTimeout().toMillis() + 5000;
        try {
            return exists(agencies(), agencyId, timeout).toCompletionStage().toCompletableFuture()
                    .get(2 * timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Could not check agency %s in the catalogue: %s", agencyId, e.getCause() == null ? e : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ProblemException(503, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable", "The catalogue cannot be asked "
                + "whether agency '" + agencyId + "' exists; try again shortly.", List.of());
    }

    private List<URI> agencies() {
        return config.services().values().stream().filter(s -> s.prefixes().contains("/v1/agencies"))
                .map(GatewayConfig.Service::url).findFirst().orElseThrow();
    }

    private Future<Boolean> exists(List<URI> instances, String agencyId, long timeout) {
        Future<Boolean> exists = exists(instances.get(0), agencyId, timeout);
        for (URI other : instances.subList(1, instances.size())) {
            exists = exists.recover(failed -> exists(other, agencyId, timeout));
        }
        return exists;
    }

    private Future<Boolean> exists(URI catalog, String agencyId, long timeout) {
        return sessions.resolve(null, "gateway").compose(anonymous -> client.request(new RequestOptions()
                        .setAbsoluteURI(catalog.resolve("/v1/agencies/" + agencyId).toString())
                        .putHeader("Authorization", "Bearer " + anonymous.token())
                        .setTimeout(timeout))
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(ignored -> response.statusCode())))
                .compose(status -> status == 200 ? Future.succeededFuture(true)
                        : status == 404 ? Future.succeededFuture(false)
                        : Future.failedFuture("the catalogue answered " + status));
    }
}
