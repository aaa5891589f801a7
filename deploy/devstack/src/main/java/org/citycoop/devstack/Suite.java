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
 * The whole suite on one machine: PostgreSQL, a Kafka broker (or a KRaft cluster of several), the four packaged
 * services and the scheme finder, started either detached (the launcher: they outlive it, their process ids are kept
 * in {@code <state>/run}) or attached (end-to-end tests: children of the test JVM on free ports, stopped with it).
 *
 * <p>Several of everything: with {@code replicas} above 1 the catalogue, matching and twinning services run that many
 * instances each (instance {@code n} named {@code <service>-n}, on the service's port plus {@code 100 (n - 1)}; one
 * consumer group per service, so the instances share the partitions), and the gateway is given every instance's URL
 * and spreads requests over them; the gateway and the finder run once. With {@code kafkaBrokers} above 1 Kafka is a
 * {@link KafkaCluster} of that many nodes ({@code kafka-1}, {@code kafka-2}, ...).
 *
 * <p>State directory layout: {@code pg/} (PostgreSQL data), {@code pg-binaries/}, {@code kafka/}
 * (broker data and log; {@code kafka-<n>/} for the nodes of a cluster), {@code logs/<instance>.log},
 * {@code run/<process>.pid}, {@code keys/} (the
 * gateway's token signing key pair, owner only) and {@code credentials.env} (API keys, mode 600; see
 * {@link Credentials}).
 */
public final class Suite {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;

    private final Path root;
    private final Path state;
    private final boolean detached;
    private final int kafkaBrokers;
    private final List<Instance> instances = new ArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> attachedProcesses = new LinkedHashMap<>();
    private PostgresServer postgres;
    private final Map<String, KafkaBroker> attachedKafka = new LinkedHashMap<>();
    private KafkaCluster cluster;
    private String kafkaBootstrapServers;
    private Credentials credentials;

    /**
     * One running copy of a service.
     *
     * @param service what it runs
     * @param number 1 for the first instance
     * @param name the service's name for the first instance, {@code <service>-<number>} for the others (its log file
     *     and process id file are named so)
     */
    public record Instance(SuiteService service, int number, String name) {
    }

    /** One of each, one Kafka broker. */
    public Suite(Path root, Path state, boolean detached, Map<String, Integer> ports) {
        this(root, state, detached, ports, 1, 1);
    }

    /**
     * @param root the repository checkout (holds the services' target/ directories)
     * @param state where data, logs and process ids live
     * @param detached true for the launcher, false for tests
     * @param ports instance name to port; a first instance missing here takes its service's default port, a further
     *     one its first instance's port plus {@code 100 (n - 1)}
     * @param replicas instances of each service that scales (catalogue, matching, twinning), at least 1
     * @param kafkaBrokers nodes of the Kafka cluster, at least 1
     */
    public Suite(Path root, Path state, boolean detached, Map<String, Integer> ports, int replicas, int kafkaBrokers) {
        if (replicas < 1 || kafkaBrokers < 1) {
            throw new IllegalArgumentException("replicas and kafkaBrokers are at least 1");
        }
        this.root = root;
        this.state = state;
        this.detached = detached;
        this.kafkaBrokers = kafkaBrokers;
        for (SuiteService service : SuiteService.ALL) {
            int count = service.scales() ? replicas : 1;
            int first = ports.getOrDefault(service.name(), service.defaultPort());
            for (int n = 1; n <= count; n++) {
                Instance instance = new Instance(service, n, n == 1 ? service.name() : service.name() + "-" + n);
                instances.add(instance);
                this.ports.put(instance.name(), ports.getOrDefault(instance.name(), first + 100 * (n - 1)));
            }
        }
    }

    /** A suite for tests: every port free and chosen now. */
    public static Suite forTests(Path root, Path state) throws IOException {
        return forTests(root, state, 1, 1);
    }

    /** A suite for tests with several instances and Kafka brokers: every port free and chosen now. */
    public static Suite forTests(Path root, Path state, int replicas, int kafkaBrokers) throws IOException {
        Map<String, Integer> ports = new HashMap<>();
        for (SuiteService service : SuiteService.ALL) {
            int count = service.scales() ? replicas : 1;
            for (int n = 1; n <= count; n++) {
                ports.put(n == 1 ? service.name() : service.name() + "-" + n, KafkaBroker.freePort());
            }
        }
        return new Suite(root, state, false, ports, replicas, kafkaBrokers);
    }

    /** Every instance, in start order. */
    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    /** The instances of one service ({@code catalog-service}, ...). */
    public List<Instance> instancesOf(String service) {
        return instances.stream().filter(i -> i.service().name().equals(service)).toList();
    }

    /** The JDBC URL of a service's database once {@link #start} ran (user and password {@code postgres}). */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** Kafka's bootstrap servers once {@link #start} ran. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** The Kafka cluster of an attached suite with several brokers (null with one broker or an external Kafka). */
    public KafkaCluster kafkaCluster() {
        return cluster;
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

    /** The base URL of an instance, by its name ({@code catalog-service}, {@code catalog-service-2}, ...). */
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
        kafkaBootstrapServers = settings.kafkaBootstrapServers() != null ? settings.kafkaBootstrapServers()
                : kafkaBrokers > 1 ? startKafkaCluster(kafkaPort, out) : startKafka(kafkaPort, out);
        if (settings.kafkaBootstrapServers() != null) {
            out.println("Kafka: external, " + settings.kafkaBootstrapServers());
        }
        for (Instance instance : instances) {
            if (instance.service().isFinder()) {
                credentials.ensureFinderKey(gatewayUrl()); // its partner-portal key, made through the gateway now that it runs
            }
            startService(instance, kafkaBootstrapServers, out);
        }
    }

    /** The nodes of a Kafka cluster ({@code kafka-1}, ...): those not running yet are started, all awaited. */
    private String startKafkaCluster(int basePort, java.io.PrintStream out) throws Exception {
        List<Path> directories = new ArrayList<>();
        for (int n = 1; n <= kafkaBrokers; n++) {
            directories.add(state.resolve("kafka-" + n));
        }
        cluster = KafkaCluster.of(directories, basePort);
        java.util.function.IntPredicate running = n -> detached && runningProcess("kafka-" + n).isPresent();
        out.println("Kafka: " + kafkaBrokers + " KRaft nodes (controller and broker each) on " + cluster.bootstrapServers()
                + "; topics replicated " + Math.min(3, kafkaBrokers) + " times");
        Map<Integer, KafkaBroker> started = cluster.start(running, detached, Duration.ofSeconds(90));
        for (var node : started.entrySet()) {
            if (detached) {
                writePid("kafka-" + node.getKey(), node.getValue().pid());
            } else {
                attachedKafka.put("kafka-" + node.getKey(), node.getValue());
            }
        }
        return cluster.bootstrapServers();
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
        // attached: the data stays when the server stops (the state directory goes with stopAttached), so that
        // restartPostgres can start it again on the same data
        return detached ? PostgresServer.startEmbedded(data, state.resolve("pg-binaries"), port, true)
                : PostgresServer.startEmbeddedRestartable(data, PostgresServer.sharedBinaries(), port);
    }

    private String startKafka(int port, java.io.PrintStream out) throws Exception {
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
            attachedKafka.put("kafka", broker);
        }
        return broker.bootstrapServers();
    }

    private void startService(Instance instance, String kafka, java.io.PrintStream out) throws Exception {
        SuiteService service = instance.service();
        URI url = serviceUrl(instance.name());
        Path log = logFile(instance.name());
        boolean alreadyRunning = detached && runningProcess(instance.name()).isPresent();
        if (alreadyRunning) {
            out.println(instance.name() + ": already running on " + url);
        } else {
            Map<String, String> env = new HashMap<>();
            // glibc's malloc keeps an arena per thread up to eight per core, mostly untouched but partly resident: two
            // are enough for a JVM, whose objects live in its own heap
            env.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
            env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(instance.name())));
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
                    if (!routed.isGateway() && !routed.isFinder()) { // every instance, comma-separated
                        env.put("CITYCOOP_GATEWAY_SERVICES_" + routed.shortName().toUpperCase(java.util.Locale.ROOT) + "_URL",
                                String.join(",", instancesOf(routed.name()).stream()
                                        .map(i -> serviceUrl(i.name()).toString()).toList()));
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
            out.println(instance.name() + ": starting on " + url);
            Process process = ServiceProcess.start(jar, service.javaOptions(), env, log, detached);
            if (detached) {
                writePid(instance.name(), process.pid());
            } else {
                attachedProcesses.put(instance.name(), process);
            }
        }
        ServiceProcess.ReadyTime ready = ServiceProcess.awaitReady(instance.name(), url, runningProcess(instance.name()).orElse(null), log,
                Duration.ofMinutes(3));
        if (!alreadyRunning) {
            ProcessFigures.recordStart(state.resolve("run"), instance.name(), ready);
        }
    }

    /**
     * Beside a running process' name in {@code status}: its resident memory, and for a service how long it took from its
     * process start to ready when this suite's launcher started it ({@link ProcessFigures}).
     */
    public String figures(String name, long pid) {
        boolean service = instances.stream().anyMatch(i -> i.name().equals(name));
        return ProcessFigures.column(pid, state.resolve("run"), name, service);
    }

    /** The process id of a running process of this suite by name (an instance, {@code kafka}, {@code kafka-<n>}). */
    public Optional<Long> pid(String name) {
        KafkaBroker broker = attachedKafka.get(name);
        if (broker != null) {
            return Optional.of(broker.pid()).filter(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false));
        }
        return runningProcess(name).map(ProcessHandle::pid);
    }

    /** Kills a process of this suite at once ({@code SIGKILL}, as {@code kill -9}) and waits until it has ended. */
    public void kill(String name) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid(name).orElseThrow(() -> new IllegalStateException(name + " does not run")))
                .orElseThrow();
        process.destroyForcibly();
        process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Starts a killed instance again on its port and waits until it is ready (attached suites). */
    public void restartInstance(String name, java.io.PrintStream out) throws Exception {
        Instance instance = instances.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
        attachedProcesses.remove(name);
        startService(instance, kafkaBootstrapServers, out);
    }

    /** Starts a killed node of the Kafka cluster again, formatted as it was, and waits until every broker is back. */
    public void restartKafkaNode(int id) throws Exception {
        KafkaBroker broker = cluster.restart(id, detached, Duration.ofSeconds(90));
        attachedKafka.put("kafka-" + id, broker);
    }

    /**
     * Restarts the embedded PostgreSQL of an attached suite: a fast shutdown (every session ended, as in a failover),
     * then a start on the same data and port. Returns once it accepts connections again (an external server: not
     * supported).
     */
    public void restartPostgres() throws Exception {
        postgres = postgres.restart();
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
        attachedKafka.values().forEach(KafkaBroker::stop);
        if (postgres != null) {
            postgres.close();
        }
        Directories.deleteQuietly(state);
    }

    /** Stops what the launcher started, by the process ids it recorded; returns what it stopped. */
    public List<String> stopDetached() throws IOException {
        List<String> stopped = new ArrayList<>();
        for (String name : recordedInStopOrder()) {
            if (stopRecorded(name)) {
                stopped.add(name);
            }
        }
        if (PostgresServer.stopDetached(state.resolve("pg"))) {
            stopped.add("postgresql");
        }
        return stopped;
    }

    /** What runs now, by process: name to pid (PostgreSQL, the Kafka nodes, then every instance in start order). */
    public Map<String, Long> running() {
        Map<String, Long> running = new LinkedHashMap<>();
        PostgresServer.runningPid(state.resolve("pg")).ifPresent(pid -> running.put("postgresql", pid));
        List<String> names = new ArrayList<>(recordedInStopOrder());
        java.util.Collections.reverse(names); // start order: the Kafka nodes (by number), then the instances
        names.sort(java.util.Comparator.comparing((String n) -> !n.startsWith("kafka"))
                .thenComparing(n -> n.startsWith("kafka") ? n : ""));
        for (String name : names) {
            runningProcess(name).ifPresent(p -> running.put(name, p.pid()));
        }
        if (!detached) {
            attachedKafka.forEach((name, broker) -> pid(name).ifPresent(pid -> running.put(name, pid)));
        }
        return running;
    }

    /**
     * Every process this suite knows of, in the order to stop them: the finder, the gateway, the services' instances
     * (last started first), then the Kafka nodes; the recorded process id files count too, so that {@code down} stops
     * what an {@code up} with other counts started.
     */
    private List<String> recordedInStopOrder() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        instances.forEach(i -> names.add(i.name()));
        try (var files = Files.list(state.resolve("run"))) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".pid")).sorted()
                    .map(f -> f.substring(0, f.length() - 4)).filter(n -> !n.startsWith("kafka")).forEach(names::add);
        } catch (IOException noneRecorded) {
            // nothing was started from this state directory
        }
        List<String> ordered = new ArrayList<>(names);
        ordered.sort(java.util.Comparator.comparingInt(Suite::startRank));
        java.util.Collections.reverse(ordered);
        ordered.add("kafka");
        for (int n = 1; n <= Math.max(kafkaBrokers, 9); n++) {
            ordered.add("kafka-" + n);
        }
        return ordered;
    }

    /** Where a process named so starts: the services' instances first, then the gateway, then the finder. */
    private static int startRank(String name) {
        for (int i = 0; i < SuiteService.ALL.size(); i++) {
            if (name.equals(SuiteService.ALL.get(i).name()) || name.startsWith(SuiteService.ALL.get(i).name() + "-")) {
                return i * 100 + (name.matches(".*-\\d+") ? Integer.parseInt(name.replaceAll(".*-", "")) : 1);
            }
        }
        return 0;
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
