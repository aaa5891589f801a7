package org.citycoop.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the gateway sends what: {@code citycoop.gateway.services.<name>.url} is the service's base URL
 * and {@code .prefixes} the public path prefixes it owns (a request goes to the service whose prefix
 * equals its path or is followed by {@code /} or {@code :}). Environment overrides follow the usual
 * mapping, for example {@code CITYCOOP_GATEWAY_SERVICES_CATALOG_URL=http://catalog:8081}.
 */
@ConfigMapping(prefix = "citycoop.gateway")
public interface GatewayConfig {

    /** The routed services by name (catalog, matching, twinning). */
    Map<String, Service> services();

    /** How long to wait to connect to a service before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * The largest request body the gateway forwards, judged by {@code Content-Length}: larger ones get a
     * 413 problem here (the services refuse larger streamed bodies themselves). 16M: a catalogue batch of
     * 1,000 schemes fits.
     */
    @WithDefault("16M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

    /** How long a service may stay silent while answering before the gateway gives up with a 504. */
    @WithDefault("30s")
    Duration responseTimeout();

    interface Service {
        /** Base URL, for example {@code http://127.0.0.1:8081}. */
        URI url();

        /** Public path prefixes owned by the service, for example {@code /v1/agencies}. */
        List<String> prefixes();
    }
}
