package org.citycoop.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) and waits until it is ready. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess() {
    }

    /**
     * @param jar the service's quarkus-run.jar
     * @param javaOptions JVM options separated by white space, for example {@code -Xmx256m -Xmn32m -XX:+UseSerialGC}
     * @param environment configuration passed as environment variables (QUARKUS_..., KAFKA_...)
     * @param log file that receives the service's output
     * @param detached true to run it in a session of its own that outlives this JVM
     */
    public static Process start(Path jar, String javaOptions, Map<String, String> environment, Path log, boolean detached) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build the suite first (mvn -DskipTests package)");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        if (detached) {
            command.add("setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : javaOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        // the class-data archive the build made next to the jar (quarkus.package.jar.appcds.enabled), with this same JVM:
        // the classes it read at start-up, loaded and verified once, so that each start reads them ready-made
        Path archive = jar.resolveSibling("app-cds.jsa");
        if (Files.isRegularFile(archive) && !javaOptions.contains("SharedArchiveFile")) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * Waits until {@code baseUrl/q/health/ready} answers 200 (asking every 100 ms); fails early when the process ends.
     *
     * @return the time from the process' start (from this call when the process or its start is unknown) to ready,
     *     and the processor time it had used by then
     */
    public static ReadyTime awaitReady(String name, URI baseUrl, ProcessHandle process, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Instant asked = Instant.now();
        Instant until = asked.plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/q/health/ready")).timeout(Duration.ofSeconds(3)).GET().build();
        while (Instant.now().isBefore(until)) {
            if (process != null && !process.isAlive()) {
                throw new IOException(name + " stopped while starting; last lines of " + log + ":\n" + tail(log, 30));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Instant ready = Instant.now();
                    Instant start = process == null ? asked : process.info().startInstant().orElse(asked);
                    return new ReadyTime(Duration.between(start, ready),
                            process == null ? null : process.info().totalCpuDuration().orElse(null));
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IOException(name + " was not ready within " + timeout + "; last lines of " + log + ":\n" + tail(log, 30));
    }

    /**
     * How long a service took to be ready.
     *
     * @param elapsed from its process start to its first 200 on {@code /q/health/ready}
     * @param cpu the processor time (user and system, all threads) it had used by then; null when unknown. Unlike
     *     {@code elapsed} it hardly depends on what else the machine runs: on an idle 2-core machine a start takes
     *     about half of it
     */
    public record ReadyTime(Duration elapsed, Duration cpu) {
    }

    /** True when the service answers its readiness check now. */
    public static boolean isReady(URI baseUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/q/health/ready")).timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
