package org.citycoop.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole suite on one machine: PostgreSQL, a Kafka broker, the four packaged services and the scheme finder, started
 * either detached (the launcher: they outlive it, their process ids are kept in {@code <state>/run})
 * or attached (end-to-end tests: children of the test JVM on free ports, stopped with it).
 *
 * <p>State directory layout: {@code pg/} (PostgreSQL data), {@code pg-binaries/}, {@code kafka/}
 * (broker data and log), {@code logs/<service>.log}, {@code run/<process>.pid}, {@code keys/} (the
 * gateway's token signing key pair, owner only) and {@code credentials.env} (API keys, mode 600; see
 * {@link Credentials}).
 */
public final class Suite {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;

    private final Path root;
    private final Path state;
    private final boolean detached;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> attachedProcesses = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KafkaBroker attachedKafka;
    private Credentials credentials;

    /**
     * @param root the repository checkout (holds the services' target/ directories)
     * @param state where data, logs and process ids live
     * @param detached true for the launcher, false for tests
     * @param ports service name to port; missing services take their default port
     */
    public Suite(Path root, Path state, boolean detached, Map<String, Integer> ports) {
        this.root = root;
        this.state = state;
        this.detached = detached;
        for (SuiteService service : SuiteService.ALL) {
            this.ports.put(service.name(), ports.getOrDefault(service.name(), service.defaultPort()));
        }
    }

    /** A suite for tests: every port free and chosen now. */
    public static Suite forTests(Path root, Path state) throws IOException {
        Map<String, Integer> ports = new HashMap<>();
        for (SuiteService service : SuiteService.ALL) {
            ports.put(service.name(), KafkaBroker.freePort());
        }
        return new Suite(root, state, false, ports);
    }

    /**
     * The origins that may embed the finder in the suite the tests start (besides the finder's own): pages served from
     * {@code http://localhost:<any port>}, which are other origins than the gateway's {@code http://127.0.0.1:<port>};
     * a page from {@code http://127.0.0.1:<another port>} is not on the list.
     */
    public static final String ALLOWED_EMBEDDING_ORIGIN = "http://localhost:*";

    /** The finder's address through the gateway: {@code <gateway>/finder/}. */
    public URI finderUrl() {
        return URI.create(gatewayUrl() + "/finder/");
    }

    public URI gatewayUrl() {
        return URI.create("http://127.0.0.1:" + ports.get("gateway"));
    }

    public URI serviceUrl(String name) {
        return URI.create("http://127.0.0.1:" + ports.get(name));
    }

    /** Starts whatever does not run yet and waits until every service is ready. */
    public void start(StackSettings settings, int postgresPort, int kafkaPort, java.io.PrintStream out) throws Exception {
        Files.createDirectories(state.resolve("run"));
        JwtKeys.ensure(keys());
        credentials = Credentials.load(state);
        postgres = startPostgres(settings, postgresPort, out);
        for (SuiteService service : SuiteService.ALL) {
            if (service.database() != null) {
                postgres.createDatabaseIfMissing(service.database());
            }
        }
        String kafka = startKafka(settings, kafkaPort, out);
        for (SuiteService service : SuiteService.ALL) {
            if (service.isFinder()) {
                credentials.ensureFinderKey(gatewayUrl()); // its partner-portal key, made through the gateway now that it runs
            }
            startService(service, kafka, out);
        }
    }

    private PostgresServer startPostgres(StackSettings settings, int port, java.io.PrintStream out) throws IOException {
        if (settings.postgresUrl() != null) {
            out.println("PostgreSQL: external, " + settings.postgresUrl());
            return PostgresServer.external(settings.postgresUrl(), settings.postgresUser(), settings.postgresPassword());
        }
        Path data = state.resolve("pg");
        if (detached && PostgresServer.runningPid(data).isPresent()) {
            out.println("PostgreSQL: already running on port " + port);
            return PostgresServer.external("jdbc:postgresql://127.0.0.1:" + port + "/", "postgres", "postgres");
        }
        out.println("PostgreSQL: starting the embedded server on port " + (port > 0 ? port : "(free)"));
        return PostgresServer.startEmbedded(data,
                detached ? state.resolve("pg-binaries") : PostgresServer.sharedBinaries(), port, detached);
    }

    private String startKafka(StackSettings settings, int port, java.io.PrintStream out) throws Exception {
        if (settings.kafkaBootstrapServers() != null) {
            out.println("Kafka: external, " + settings.kafkaBootstrapServers());
            return settings.kafkaBootstrapServers();
        }
        if (detached) {
            Optional<ProcessHandle> running = runningProcess("kafka");
            if (running.isPresent()) {
                out.println("Kafka: already running on port " + port);
                return "127.0.0.1:" + port;
            }
        }
        out.println("Kafka: starting a KRaft broker on port " + (port > 0 ? port : "(free)"));
        KafkaBroker broker = KafkaBroker.start(state.resolve("kafka"), port, detached);
        if (detached) {
            writePid("kafka", broker.pid());
        } else {
            attachedKafka = broker;
        }
        return broker.bootstrapServers();
    }

    private void startService(SuiteService service, String kafka, java.io.PrintStream out) throws Exception {
        URI url = serviceUrl(service.name());
        Path log = state.resolve("logs").resolve(service.name() + ".log");
        if (detached && runningProcess(service.name()).isPresent()) {
            out.println(service.name() + ": already running on " + url);
        } else {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service.name())));
            env.put("QUARKUS_HTTP_HOST", System.getenv().getOrDefault("CITYCOOP_HTTP_HOST", "127.0.0.1"));
            if (service.database() != null) {
                env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
                env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
                env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
                env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            }
            if (service.isFinder()) {
                env.put("CITYCOOP_FINDER_API_URL", gatewayUrl().toString());
                env.put("CITYCOOP_FINDER_API_KEY", credentials.finder());
                if (!detached) {
                    // Tests only: the browser tests embed the finder in a page of another origin that is on this list.
                    env.put("CITYCOOP_FINDER_FRAME_ANCESTORS", "'self'," + ALLOWED_EMBEDDING_ORIGIN);
                }
            } else if (!service.isGateway()) {
                env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys().resolve(JwtKeys.PUBLIC_KEY_FILE).toString());
            } else {
                env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys().resolve(JwtKeys.PRIVATE_KEY_FILE).toString());
                env.put("CITYCOOP_GATEWAY_ADMIN_KEY", credentials.admin());
                env.put("CITYCOOP_GATEWAY_FINDER_URL", serviceUrl("finder").toString());
                env.putIfAbsent("CITYCOOP_GATEWAY_FORWARDING_CLIENTS", "finder"); // its visitors keep quotas of their own
                for (SuiteService routed : SuiteService.ALL) {
                    if (!routed.isGateway() && !routed.isFinder()) {
                        env.put("CITYCOOP_GATEWAY_SERVICES_" + routed.shortName().toUpperCase(java.util.Locale.ROOT) + "_URL",
                                serviceUrl(routed.name()).toString());
                    }
                }
            }
            if (!detached && service.shortName().equals("matching")) {
                // Tests only: the end-to-end alert test's webhook receiver listens on 127.0.0.1, which the
                // matching service refuses as a webhook address unless allowed for local use.
                env.put("CITYCOOP_MATCHING_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
                env.put("CITYCOOP_MATCHING_WEBHOOKS_POLL_INTERVAL", "500ms");
            }
            Path jar = root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
            out.println(service.name() + ": starting on " + url);
            Process process = ServiceProcess.start(jar, service.javaOptions(), env, log, detached);
            if (detached) {
                writePid(service.name(), process.pid());
            } else {
                attachedProcesses.put(service.name(), process);
            }
        }
        ServiceProcess.awaitReady(service.name(), url, runningProcess(service.name()).orElse(null), log, Duration.ofMinutes(3));
    }

    /** The log file of a service ({@code <state>/logs/<name>.log}). */
    public Path logFile(String name) {
        return state.resolve("logs").resolve(name + ".log");
    }

    /** The state directory (data, logs, keys, credentials.env). */
    public Path stateDirectory() {
        return state;
    }

    private Path keys() {
        return state.resolve("keys");
    }

    /** The secretariat admin's key (it exists once {@link #start} ran): the one key the seed loader needs. */
    public String adminKey() throws IOException {
        if (credentials == null) {
            credentials = Credentials.load(state);
        }
        return credentials.admin();
    }

    /**
     * The suite's API keys once it runs: the admin key, and an agency-editor key per agency seeded in
     * {@code seedDirectory} (made now through the gateway where none works yet; the gateway makes one only for an
     * agency the catalogue holds, so load the seed first); written to
     * {@code <state>/credentials.env}.
     */
    public Credentials credentials(Path seedDirectory) throws IOException, InterruptedException {
        if (credentials == null) {
            credentials = Credentials.load(state);
        }
        credentials.ensureAgencyKeys(gatewayUrl(), seedDirectory);
        return credentials;
    }

    /** Stops what this (attached) suite started, services first, and deletes its state directory. */
    public void stopAttached() throws IOException {
        List<Process> processes = new ArrayList<>(attachedProcesses.values());
        java.util.Collections.reverse(processes);
        for (Process process : processes) {
            stop(process.toHandle());
        }
        if (attachedKafka != null) {
            attachedKafka.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        Directories.deleteQuietly(state);
    }

    /** Stops what the launcher started, by the process ids it recorded; returns what it stopped. */
    public List<String> stopDetached() throws IOException {
        List<String> stopped = new ArrayList<>();
        List<SuiteService> reversed = new ArrayList<>(SuiteService.ALL);
        java.util.Collections.reverse(reversed);
        for (SuiteService service : reversed) {
            if (stopRecorded(service.name())) {
                stopped.add(service.name());
            }
        }
        if (stopRecorded("kafka")) {
            stopped.add("kafka");
        }
        if (PostgresServer.stopDetached(state.resolve("pg"))) {
            stopped.add("postgresql");
        }
        return stopped;
    }

    /** What runs now, by process: name to pid. */
    public Map<String, Long> running() {
        Map<String, Long> running = new LinkedHashMap<>();
        PostgresServer.runningPid(state.resolve("pg")).ifPresent(pid -> running.put("postgresql", pid));
        runningProcess("kafka").ifPresent(p -> running.put("kafka", p.pid()));
        for (SuiteService service : SuiteService.ALL) {
            runningProcess(service.name()).ifPresent(p -> running.put(service.name(), p.pid()));
        }
        return running;
    }

    private boolean stopRecorded(String name) throws IOException {
        Optional<ProcessHandle> process = runningProcess(name);
        Files.deleteIfExists(pidFile(name));
        if (process.isEmpty()) {
            return false;
        }
        stop(process.get());
        return true;
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** The recorded process, if it still runs and is still a java process (pids are reused). */
    private Optional<ProcessHandle> runningProcess(String name) {
        if (!detached) {
            return Optional.ofNullable(attachedProcesses.get(name)).map(Process::toHandle).filter(ProcessHandle::isAlive);
        }
        try {
            Path file = pidFile(name);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().command().map(c -> c.endsWith("java") || c.endsWith("setsid")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void writePid(String name, long pid) throws IOException {
        Files.writeString(pidFile(name), Long.toString(pid));
    }

    private Path pidFile(String name) {
        return state.resolve("run").resolve(name + ".pid");
    }
}
