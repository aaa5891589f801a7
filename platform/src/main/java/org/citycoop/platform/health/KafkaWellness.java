package org.citycoop.platform.health;

import io.smallrye.health.api.Wellness;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kafka's state, in the wellness group ({@code /q/health/well}), not in readiness: a service whose broker is
 * unreachable still serves reads, and its writes wait in the outbox (platform {@code OutboxRelay}) until the broker
 * is back, so taking it out of the load balancer would only turn reads into errors. UP when the broker answers
 * within 2 s, with the number of brokers and the events waiting in the outbox; DOWN otherwise, with the reason.
 * Readiness is the service's own database (Quarkus' datasource check); consumer channels that stopped report in
 * liveness (SmallRye Reactive Messaging), so that a restart redelivers their poll.
 */
@Wellness
@ApplicationScoped
public class KafkaWellness implements HealthCheck {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    private Admin admin;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka").withData("bootstrapServers", bootstrapServers);
        try {
            Object waiting = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                    entityManager.createNativeQuery("SELECT count(*) FROM outbox_event").getSingleResult());
            response.withData("outboxWaiting", ((Number) waiting).longValue());
        } catch (RuntimeException e) {
            response.withData("outboxWaiting", "unknown: " + e.getClass().getSimpleName());
        }
        try {
            int brokers = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get(3, TimeUnit.SECONDS).size();
            return response.up().withData("brokers", brokers).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return response.down().withData("reason", "the broker did not answer: " + e.getClass().getSimpleName()).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "wellness-check",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
