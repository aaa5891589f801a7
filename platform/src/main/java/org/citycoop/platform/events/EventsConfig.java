package org.citycoop.platform.events;

import io.smallrye.config.ConfigMapping;

/** What this service's events say about it ({@code citycoop.events.*}). */
@ConfigMapping(prefix = "citycoop.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of every event the service publishes ({@code /citycoop/<service>}). */
    String source();
}
