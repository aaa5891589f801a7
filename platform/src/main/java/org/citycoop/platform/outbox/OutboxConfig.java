package org.citycoop.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The outbox relay's settings ({@code citycoop.outbox.*}). */
@ConfigMapping(prefix = "citycoop.outbox")
public interface OutboxConfig {

    /** The most events one relay pass sends and deletes in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks for events a commit notification missed (also read by its schedule). */
    @WithDefault("1s")
    Duration catchUpInterval();
}
