package org.citycoop.twinning.city;

/**
 * The events of the city registry: CloudEvents on topic {@code twinning.cities}, keyed by the city id, data =
 * {@link CityDetail}. The GeoNames import publishes none (24,000 unchanged places); a city's first event comes
 * with the first change the registry makes to it. Examples: {@code src/main/resources/events/}.
 */
public final class CityEvents {

    /** Kafka topic. */
    public static final String TOPIC = "twinning.cities";
    /** The secretariat added a municipality (version 1). */
    public static final String CREATED = "org.citycoop.twinning.city.created.v1";
    /** A city's names, expertise or needs changed (its version grew). */
    public static final String UPDATED = "org.citycoop.twinning.city.updated.v1";

    private CityEvents() {
    }
}
