package org.citycoop.devstack;

import java.util.List;

/**
 * The four services of the suite, in start order: the gateway last, once the services it routes to run.
 *
 * @param name module directory and process name
 * @param defaultPort the port it listens on unless {@code CITYCOOP_<NAME>_PORT} says otherwise
 * @param database its own PostgreSQL database (the gateway's holds API clients and keys)
 */
public record SuiteService(String name, int defaultPort, String database) {

    public static final List<SuiteService> ALL = List.of(
            new SuiteService("catalog-service", 8081, "catalog"),
            new SuiteService("matching-service", 8082, "matching"),
            new SuiteService("twinning-service", 8083, "twinning"),
            new SuiteService("gateway", 8080, "gateway"));

    /** The environment variable that moves this service's port, e.g. {@code CITYCOOP_CATALOG_PORT}. */
    public String portVariable() {
        return "CITYCOOP_" + name.replace("-service", "").toUpperCase(java.util.Locale.ROOT) + "_PORT";
    }

    /** True for the gateway, which routes to the others. */
    public boolean isGateway() {
        return name.equals("gateway");
    }

    /** Short name used in the gateway's configuration keys: catalog, matching, twinning. */
    public String shortName() {
        return name.replace("-service", "");
    }
}
