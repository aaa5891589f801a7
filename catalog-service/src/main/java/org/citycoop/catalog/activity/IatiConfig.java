package org.citycoop.catalog.activity;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The IATI imports' settings ({@code citycoop.iati.*}). */
@ConfigMapping(prefix = "citycoop.iati")
public interface IatiConfig {

    /** The largest activity or organisation file taken (413 above it). */
    @WithDefault("60M")
    MemorySize maxFileSize();

    /** Imports run at once; the others wait in the queue. */
    @WithDefault("2")
    int importWorkers();

    /** Background imports that may wait or run on this instance at once (each holds its file on disk); one more is a 503. */
    @WithDefault("8")
    int importQueue();
}
