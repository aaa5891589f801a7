package org.citycoop.twinning.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.platform.outbox.Outbox;

/**
 * The events of the city registry: CloudEvents on topic {@code twinning.cities}, keyed by the city id, data =
 * {@link CityDetail}. The GeoNames import publishes none (24,000 unchanged places); a city's first event comes
 * with the first change the registry makes to it. Examples: {@code src/main/resources/events/}. Each method writes
 * its event to the outbox in the caller's transaction.
 */
@ApplicationScoped
public class CityEvents {

    /** Kafka topic. */
    public static final String TOPIC = "twinning.cities";
    /** The secretariat added a municipality (version 1). */
    public static final String CREATED = "org.citycoop.twinning.city.created.v1";
    /** A city's names, expertise or needs changed (its version grew). */
    public static final String UPDATED = "org.citycoop.twinning.city.updated.v1";

    @Inject
    Outbox outbox;

    /** Publishes {@link #CREATED}: the secretariat added the municipality. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(CityDetail city) {
        publish(CREATED, city);
    }

    /** Publishes {@link #UPDATED}: the city changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(CityDetail city) {
        publish(UPDATED, city);
    }

    private void publish(String type, CityDetail city) {
        outbox.record(TOPIC, city.id(), type, city.id(), city);
    }
}
