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
 * A real single-node KRaft Kafka broker (the same version as the clients the Quarkus BOM pins), run
 * in a JVM of its own from the jars this module resolved. Used by the launcher (detached, survives
 * the launcher) and by every service's tests (a child of the test JVM).
 */
public final class KafkaBroker {

    private final Process process;
    private final int port;

    private KafkaBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Formats the storage if needed, starts the broker and waits until its port accepts connections.
     *
     * @param directory holds server.properties, the log directories and broker.log
     * @param port client port on 127.0.0.1 (0 for any free port); the controller listens on the next port
     *     (or any free one when {@code port} is 0)
     * @param detached true to start it in a session of its own that outlives this JVM; otherwise it is a
     *     child of this JVM, which the caller stops with {@link #stop()}
     */
    public static KafkaBroker start(Path directory, int port, boolean detached) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int clientPort = port > 0 ? port : freePort();
        int controllerPort = port > 0 ? port + 1 : freePort();
        Path config = directory.resolve("server.properties");
        Path dataDir = directory.resolve("data");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + clientPort,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "log.retention.ms=-1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""), StandardCharsets.UTF_8);
        Path log = directory.resolve("broker.log");
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            Process format = new ProcessBuilder(javaCommand(List.of("kafka.tools.StorageTool", "format",
                    "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22), "-c", config.toString(), "--ignore-formatted")))
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
        KafkaBroker broker = new KafkaBroker(process, clientPort);
        waitForPort(clientPort, Duration.ofSeconds(60), process, log);
        return broker;
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
