package org.citycoop.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real KRaft Kafka node (combined controller and broker; alone, or one of a {@link KafkaCluster}) of the same version as the clients the Quarkus BOM pins, run
 * in a JVM of its own from the jars this module resolved. Used by the launcher (detached, survives
 * the launcher) and by every service's tests (a child of the test JVM).
 */
public final class KafkaBroker {

    private final Process process;
    private final int port;
    private final Path log;

    private KafkaBroker(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Formats the storage if needed, starts a single-node broker and waits until its port accepts connections.
     *
     * @param directory holds server.properties, the log directories and broker.log
     * @param port client port on 127.0.0.1 (0 for any free port); the controller listens on the next port
     *     (or any free one when {@code port} is 0)
     * @param detached true to start it in a session of its own that outlives this JVM; otherwise it is a
     *     child of this JVM, which the caller stops with {@link #stop()}
     */
    public static KafkaBroker start(Path directory, int port, boolean detached) throws IOException, InterruptedException {
        int clientPort = port > 0 ? port : freePort();
        int controllerPort = port > 0 ? port + 1 : freePort();
        Node node = new Node(1, clientPort, controllerPort);
        KafkaBroker broker = launch(directory, node, List.of(node), null, detached);
        broker.awaitPort(Duration.ofSeconds(60));
        return broker;
    }

    /**
     * One node of a KRaft cluster: combined controller and broker, its client port and its controller port on
     * 127.0.0.1.
     */
    public record Node(int id, int clientPort, int controllerPort) {
    }

    /**
     * Formats the node's storage if needed (with {@code clusterId}, or a new one when null) and starts it, without
     * waiting (the nodes of a cluster wait for one another's controllers: start them all, then {@link #awaitPort}). Replicated topics follow the cluster's size: replication factor
     * {@code min(3, nodes)}, {@code min.insync.replicas} one less (at least 1), unclean leader election off; the
     * same for the internal topics (consumer offsets, transactions, share groups).
     */
    static KafkaBroker launch(Path directory, Node node, List<Node> nodes, String clusterId, boolean detached)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int replication = Math.min(3, nodes.size());
        int minInSync = Math.max(1, replication - 1);
        String voters = String.join(",", nodes.stream().map(n -> n.id() + "@127.0.0.1:" + n.controllerPort()).toList());
        Path config = directory.resolve("server.properties");
        Path dataDir = directory.resolve("data");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + node.id(),
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:" + node.clientPort() + ",CONTROLLER://127.0.0.1:" + node.controllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + node.clientPort(),
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "default.replication.factor=" + replication,
                "min.insync.replicas=" + minInSync,
                "unclean.leader.election.enable=false",
                "log.retention.ms=-1",
                "offsets.topic.replication.factor=" + replication,
                "transaction.state.log.replication.factor=" + replication,
                "transaction.state.log.min.isr=" + minInSync,
                "share.coordinator.state.topic.replication.factor=" + replication,
                "share.coordinator.state.topic.min.isr=" + minInSync,
                "group.initial.rebalance.delay.ms=0",
                ""), StandardCharsets.UTF_8);
        Path log = directory.resolve("broker.log");
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            String id = clusterId != null ? clusterId : newClusterId();
            Process format = new ProcessBuilder(javaCommand(List.of("kafka.tools.StorageTool", "format",
                    "-t", id, "-c", config.toString(), "--ignore-formatted")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (format.waitFor() != 0) {
                throw new IOException("Kafka storage format failed; see " + log);
            }
        }
        List<String> command = new ArrayList<>();
        if (detached) {
            command.add("setsid");
        }
        command.addAll(javaCommand(List.of("kafka.Kafka", config.toString())));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return new KafkaBroker(process, node.clientPort(), log);
    }

    /** Waits until the client port accepts connections; fails early when the process ends. */
    void awaitPort(Duration timeout) throws IOException, InterruptedException {
        waitForPort(port, timeout, process, log);
    }

    /** A new KRaft cluster id (22 characters, as {@code kafka-storage random-uuid} prints). */
    static String newClusterId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }

    /** The cluster id a formatted node's storage holds ({@code data/meta.properties}), if it was formatted. */
    static java.util.Optional<String> clusterIdOf(Path directory) {
        Path meta = directory.resolve("data").resolve("meta.properties");
        if (!Files.exists(meta)) {
            return java.util.Optional.empty();
        }
        try (var in = Files.newInputStream(meta)) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return java.util.Optional.ofNullable(properties.getProperty("cluster.id"));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static List<String> javaCommand(List<String> mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-cp", brokerClasspath()));
        command.addAll(mainAndArgs);
        return command;
    }

    /** The broker's jars, listed at build time by maven-dependency-plugin. */
    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("runtime.classpath")) {
            if (in == null) {
                throw new IllegalStateException("runtime.classpath missing: build deploy/devstack with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void waitForPort(int port, Duration timeout, Process process, Path log) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (process != null && !process.isAlive()) {
                throw new IOException("Process ended before port " + port + " opened; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("Port " + port + " did not open within " + timeout + "; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 20 s). */
    public void stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
