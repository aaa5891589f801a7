package org.citycoop.devstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code deploy/local up|down|status}: runs the whole suite on this machine.
 *
 * <ul>
 *   <li>{@code up} starts PostgreSQL (embedded, unless {@code CITYCOOP_POSTGRES_URL} is set), a Kafka
 *       broker (unless {@code CITYCOOP_KAFKA_BOOTSTRAP_SERVERS} is set), the four services and the scheme finder in
 *       the background, waits until all are ready, makes sure of the API keys in
 *       {@code .citycoop/credentials.env} (an admin key, the finder's partner-portal key, one agency-editor key per seeded agency; see
 *       {@link Credentials}), loads deploy/seed through the gateway with the admin key, prints the URLs
 *       and returns. What already runs is left running. The token signing keys live in
 *       {@code .citycoop/keys/}.</li>
 *   <li>{@code down} stops everything {@code up} started, by the process ids it recorded.</li>
 *   <li>{@code status} says what runs, with each process' resident memory and each service's start time (from
 *       its process start to ready; see {@link ProcessFigures}).</li>
 * </ul>
 * State lives in {@code .citycoop/} at the repository root and survives down/up. Ports: gateway 8080,
 * catalog 8081, matching 8082, twinning 8083, finder 8084, PostgreSQL 15432, Kafka 19092; each can be moved with
 * {@code CITYCOOP_GATEWAY_PORT}, {@code CITYCOOP_CATALOG_PORT}, {@code CITYCOOP_MATCHING_PORT},
 * {@code CITYCOOP_TWINNING_PORT}, {@code CITYCOOP_FINDER_PORT}, {@code CITYCOOP_POSTGRES_PORT}, {@code CITYCOOP_KAFKA_PORT}.
 *
 * <p>Several of everything ({@link Suite}): {@code CITYCOOP_REPLICAS=2} runs two instances of the catalogue, matching and
 * twinning services (the second on the first's port plus 100: 8181, 8182, 8183) behind the one gateway;
 * {@code CITYCOOP_KAFKA_BROKERS=3} runs a three-node KRaft cluster (client ports 19092, 19094, 19096) whose topics are
 * replicated three times with {@code min.insync.replicas=2}. Both default to 1.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: deploy/local up|down|status");
            System.exit(2);
        }
        Path root = Path.of(args[1]).toAbsolutePath().normalize();
        Path state = root.resolve(".citycoop");
        Map<String, Integer> ports = new HashMap<>();
        for (SuiteService service : SuiteService.ALL) {
            ports.put(service.name(), intEnv(service.portVariable(), service.defaultPort()));
        }
        Suite suite = new Suite(root, state, true, ports, count("CITYCOOP_REPLICAS"), count("CITYCOOP_KAFKA_BROKERS"));
        switch (args[0]) {
            case "up" -> up(root, suite);
            case "down" -> {
                var stopped = suite.stopDetached();
                System.out.println(stopped.isEmpty() ? "Nothing was running." : "Stopped: " + String.join(", ", stopped));
            }
            case "status" -> status(suite);
            default -> {
                System.err.println("usage: deploy/local up|down|status");
                System.exit(2);
            }
        }
    }

    private static void up(Path root, Suite suite) throws Exception {
        StackSettings settings = StackSettings.fromEnvironment();
        try {
            suite.start(settings, intEnv("CITYCOOP_POSTGRES_PORT", Suite.DEFAULT_POSTGRES_PORT),
                    intEnv("CITYCOOP_KAFKA_PORT", Suite.DEFAULT_KAFKA_PORT), System.out);
        } catch (Exception e) {
            System.err.println("Could not start the suite: " + e.getMessage());
            System.err.println("What did start keeps running; stop it with deploy/local down.");
            System.exit(1);
        }
        URI gateway = suite.gatewayUrl();
        // the seed first: an agency editor's key is made only for an agency the catalogue holds
        SeedLoader.Result seeded = new SeedLoader(gateway, suite.adminKey()).load(root.resolve("deploy/seed"));
        Credentials credentials = suite.credentials(root.resolve("deploy/seed"));
        System.out.println("Seed loaded: " + seeded);
        System.out.println();
        System.out.println("CityCoop is running.");
        System.out.println("  Scheme finder:   " + suite.finderUrl() + "  (English: " + gateway + "/finder/en/, Japanese: "
                + gateway + "/finder/ja/)");
        System.out.println("  API (gateway):   " + gateway + "/v1/schemes");
        System.out.println("  Swagger UI:      " + gateway + "/q/swagger-ui");
        System.out.println("  OpenAPI:         " + gateway + "/q/openapi");
        System.out.println("  Health:          " + gateway + "/q/health");
        System.out.println("  Logs:            " + root.relativize(root.resolve(".citycoop/logs")) + "/");
        System.out.println("  API keys:        .citycoop/" + Credentials.FILE + " (admin and one per seeded agency; "
                + "source it, then curl -H \"Authorization: Bearer $ADMIN_API_KEY\" ...)");
        System.out.println("Stop it with: deploy/local down");
    }

    private static void status(Suite suite) {
        Map<String, Long> running = suite.running();
        if (running.isEmpty()) {
            System.out.println("Nothing is running. Start the suite with: deploy/local up");
            return;
        }
        running.forEach((name, pid) -> {
            String health = "";
            for (Suite.Instance instance : suite.instances()) {
                if (instance.name().equals(name)) {
                    URI url = suite.serviceUrl(name);
                    health = ServiceProcess.isReady(url) ? "  ready at " + url : "  not ready (" + url + ")";
                }
            }
            System.out.printf("%-20s pid %-8d %s%s%n", name, pid, suite.figures(name, pid), health);
        });
        for (Suite.Instance instance : suite.instances()) {
            if (!running.containsKey(instance.name())) {
                System.out.printf("%-20s not running%n", instance.name());
            }
        }
    }

    /** A count from the environment ({@code CITYCOOP_REPLICAS}, {@code CITYCOOP_KAFKA_BROKERS}): 1 to 9, default 1. */
    private static int count(String name) {
        int count = intEnv(name, 1);
        if (count < 1 || count > 9) {
            System.err.println(name + " must be from 1 to 9, not " + count);
            System.exit(2);
        }
        return count;
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            System.err.println(name + " must be a number, not '" + value + "'");
            System.exit(2);
            return fallback;
        }
    }
}
