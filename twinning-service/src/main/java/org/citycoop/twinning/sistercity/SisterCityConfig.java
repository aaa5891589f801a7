package org.citycoop.twinning.sistercity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sister-city import's settings ({@code citycoop.twinning.sister-city-import.*}). */
@ConfigMapping(prefix = "citycoop.twinning.sister-city-import")
public interface SisterCityConfig {

    /** Whether the shipped sister-city lists are imported when the service starts (once per file content). */
    @WithDefault("false")
    boolean atStart();
}
