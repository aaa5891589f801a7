package org.citycoop.matching.readmodel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The in-memory read-model index's settings ({@code citycoop.matching.index.*}). */
@ConfigMapping(prefix = "citycoop.matching.index")
public interface IndexConfig {

    /** How often the index takes in what other instances (or missed notifications) stored. */
    @WithDefault("250ms")
    Duration refreshInterval();
}
