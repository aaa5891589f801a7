package org.citycoop.devstack;

import java.util.List;

/**
 * The processes of the suite, in start order: the three services, the gateway once the services it routes to run, and
 * the scheme finder last (a web page that calls the API through the gateway with its own key; it has no database).
 *
 * @param name module directory and process name
 * @param defaultPort the port it listens on unless {@code CITYCOOP_<NAME>_PORT} says otherwise
 * @param database its own PostgreSQL database (the gateway's holds API clients and keys); null for the finder
 * @param maxHeap the JVM's {@code -Xmx} unless {@code CITYCOOP_JAVA_OPTS} says otherwise: matching-service holds its
 *     read model in memory (about 100,000 schemes fit in 1 GB, see deploy/bench/README.md, "matching")
 */
public record SuiteService(String name, int defaultPort, String database, String maxHeap) {

    public static final List<SuiteService> ALL = List.of(
            new SuiteService("catalog-service", 8081, "catalog", "256m"),
            new SuiteService("matching-service", 8082, "matching", "1g"),
            new SuiteService("twinning-service", 8083, "twinning", "256m"),
            new SuiteService("gateway", 8080, "gateway", "256m"),
            new SuiteService("finder", 8084, null, "128m"));

    /**
     * The JVM options it starts with: {@code CITYCOOP_JAVA_OPTS} when set, else {@code -Xmx<maxHeap> -Xmn32m
     * -XX:+UseSerialGC}. The young generation is fixed at 32 MB: by default it is a third of the heap, and its pages, all
     * touched as objects are made, stay resident (some 85 MB of a 256 MB heap) while a request's objects die young.
     */
    public String javaOptions() {
        return System.getenv().getOrDefault("CITYCOOP_JAVA_OPTS", "-Xmx" + maxHeap + " -Xmn32m -XX:+UseSerialGC");
    }

    /** The environment variable that moves this service's port, e.g. {@code CITYCOOP_CATALOG_PORT}. */
    public String portVariable() {
        return "CITYCOOP_" + name.replace("-service", "").toUpperCase(java.util.Locale.ROOT) + "_PORT";
    }

    /**
     * True for the services that run several instances when asked (catalogue, matching, twinning): each has a database
     * and consumes or publishes events; the gateway and the finder run once.
     */
    public boolean scales() {
        return database != null && !isGateway();
    }

    /** True for the gateway, which routes to the others. */
    public boolean isGateway() {
        return name.equals("gateway");
    }

    /** True for the scheme finder, which is a client of the gateway. */
    public boolean isFinder() {
        return name.equals("finder");
    }

    /** Short name used in the gateway's configuration keys: catalog, matching, twinning. */
    public String shortName() {
        return name.replace("-service", "");
    }
}
