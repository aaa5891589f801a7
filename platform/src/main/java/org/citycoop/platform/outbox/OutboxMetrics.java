package org.citycoop.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The outbox as operators watch it, read from the table at each scrape of {@code /q/metrics}:
 * {@code citycoop_outbox_waiting} (events written and not yet acknowledged by Kafka) and
 * {@code citycoop_outbox_oldest_age_seconds} (how long the oldest of them has waited; 0 when none). A backlog that
 * grows, or an age past a few seconds, means the relay cannot publish. NaN while the database does not answer.
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    EntityManager entityManager;

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("citycoop.outbox.waiting", this, metrics -> metrics.read()[0])
                .description("Events in the outbox not yet acknowledged by Kafka").register(registry);
        Gauge.builder("citycoop.outbox.oldest.age", this, metrics -> metrics.read()[1]).baseUnit("seconds")
                .description("Age of the oldest event waiting in the outbox; 0 when none waits").register(registry);
    }

    private double[] read() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                    "SELECT count(*), coalesce(extract(epoch FROM now() - min(occurred_at)), 0) FROM outbox_event").getSingleResult());
            return new double[] {((Number) row[0]).doubleValue(), ((Number) row[1]).doubleValue()};
        } catch (RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }
}
