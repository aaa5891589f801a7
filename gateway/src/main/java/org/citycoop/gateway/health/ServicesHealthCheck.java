package org.citycoop.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.citycoop.gateway.routing.GatewayRouter;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Reports each routed service's readiness ({@code <service>/q/health/ready}, 2 s timeout) as information
 * for operators, in {@code /q/health} and {@code /q/health/well}: one data entry per service, UP (every instance ready),
 * DOWN (none) or DEGRADED (some), and the check is DOWN while any instance is. Never in readiness: a service that is down gets its own 503s, the
 * gateway keeps serving the others, so it must stay in its load balancer (readiness is the gateway's own
 * database only).
 */
@Wellness
@ApplicationScoped
public class ServicesHealthCheck implements HealthCheck {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    GatewayRouter gateway;

    @Override
    public HealthCheckResponse call() {
        Map<String, List<CompletableFuture<Boolean>>> probes = new TreeMap<>();
        gateway.serviceUrls().forEach((name, urls) -> probes.put(name, urls.stream().map(this::ready).toList()));
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("services").up();
        probes.forEach((name, instances) -> {
            long up = instances.stream().filter(CompletableFuture::join).count();
            builder.withData(name, up == instances.size() ? "UP" : up == 0 ? "DOWN"
                    : "DEGRADED (" + up + " of " + instances.size() + " instances ready)");
            if (up < instances.size()) {
                builder.down();
            }
        });
        return builder.build();
    }

    private CompletableFuture<Boolean> ready(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(Duration.ofSeconds(2)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200)
                .exceptionally(failure -> false);
    }
}
