package org.citycoop.bench;

import org.citycoop.devstack.StackSettings;
import org.citycoop.devstack.Suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The packaged suite as a benchmark sees it: started attached (children of this JVM) on free
 * loopback ports with a temporary state directory, reached only through the gateway, and removed
 * again on {@link #close()}.
 */
public final class BenchSuite implements AutoCloseable {

    private final Suite suite;
    private final Path root;
    private String authorization;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger profiles = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BenchSuite(Suite suite, Path root) {
        this.suite = suite;
        this.root = root;
    }

    static BenchSuite start(Path root) throws Exception {
        Path state = Files.createTempDirectory("citycoop-bench");
        Suite suite = Suite.forTests(root, state);
        BenchSuite bench = new BenchSuite(suite, root);
        // Interrupted (Ctrl-C, kill): the processes it started go too.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                bench.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("Stopping the benchmark's suite: " + e.getMessage());
            }
        }, "bench-suite-stop"));
        try {
            suite.start(StackSettings.fromEnvironment(), 0, 0, System.out);
            bench.authorization = "Bearer " + suite.adminKey();
        } catch (Exception e) {
            bench.close();
            throw e;
        }
        return bench;
    }

    /** The checkout the suite runs from (its {@code deploy/seed}, ...). */
    public Path root() {
        return root;
    }

    /**
     * The {@code Authorization} header value of a secretariat admin's token signed with this suite's key, as the
     * gateway signs the tokens it forwards: what a request sent straight to a service carries.
     */
    public String serviceAuthorization() {
        return "Bearer " + org.citycoop.devstack.TestTokens.token(suite.stateDirectory().resolve("keys"), "bench-admin",
                java.util.List.of("SECRETARIAT_ADMIN"), java.util.Map.<String, java.util.List<String>>of(), Duration.ofHours(2));
    }

    /** The gateway's base URL, for example {@code http://127.0.0.1:41234}. */
    public URI gateway() {
        return suite.gatewayUrl();
    }

    /**
     * A service's own base URL (loopback), for what the gateway does not route, such as the service's
     * {@code /q/health/ready}; {@code name} as in {@code SuiteService}, for example {@code matching-service}.
     */
    public URI serviceUrl(String name) {
        return suite.serviceUrl(name);
    }

    /** The log file of a service the suite started ({@code matching-service}, ...), which holds its access log. */
    public java.nio.file.Path logFile(String name) {
        return suite.logFile(name);
    }

    /**
     * The {@code Authorization} header value of the suite's admin key (made as {@code deploy/local up} makes it):
     * every benchmark request carries it. {@code deploy/bench/run} raises the gateway's rate limits, which would
     * otherwise throttle a benchmark.
     */
    public String authorization() {
        return authorization;
    }

    /** Sends {@code request} built against the gateway as the admin; {@code path} starts with {@code /}. */
    public HttpResponse<String> send(HttpRequest.Builder request, String path) throws IOException, InterruptedException {
        return http.send(request.uri(gateway().resolve(path)).header("Authorization", authorization).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Waits until the suite is quiet: its processes (services, broker, database) together use less than a fifth of a
     * core over two seconds, for example once matching and twinning have consumed the events of a bulk load; at most
     * {@code max}. Returns how long it waited.
     */
    public Duration awaitQuiet(Duration max) throws InterruptedException {
        long start = System.nanoTime();
        Duration used = cpuTime();
        while (System.nanoTime() - start < max.toNanos()) {
            Thread.sleep(2_000);
            Duration now = cpuTime();
            if (now.minus(used).toMillis() < 400) {
                break;
            }
            used = now;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The CPU time the processes this benchmark started have used so far. */
    private static Duration cpuTime() {
        return ProcessHandle.current().descendants().map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** The process id of a process this suite started ({@code gateway}, {@code matching-service}, {@code kafka}, ...). */
    public java.util.Optional<Long> pid(String name) {
        return java.util.Optional.ofNullable(suite.running().get(name));
    }

    /** The lines {@code jcmd <pid> <command>} prints (the JDK's own jcmd); an {@link IOException} when it fails. */
    public static java.util.List<String> jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        java.util.List<String> lines = new java.util.ArrayList<>();
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().forEach(lines::add);
        }
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed: " + String.join(" ", lines));
        }
        return lines;
    }

    /**
     * Runs {@code work}; with the environment variable {@code CITYCOOP_BENCH_JFR} set to a directory, while the suite's
     * process {@code name} records a JFR profile ({@code settings=profile}) into {@code <name>-<pid>-<n>.jfr} there (the
     * n-th profile of this suite), whose path is printed.
     */
    public <T> T profiled(String name, java.util.concurrent.Callable<T> work) throws Exception {
        String directory = System.getenv("CITYCOOP_BENCH_JFR");
        java.util.Optional<Long> pid = pid(name);
        if (directory == null || pid.isEmpty()) {
            return work.call();
        }
        Path jfr = Path.of(directory).toAbsolutePath().resolve(name + "-" + pid.get() + "-" + profiles.incrementAndGet() + ".jfr");
        Files.createDirectories(jfr.getParent());
        jcmd(pid.get(), "JFR.start name=bench settings=profile");
        try {
            return work.call();
        } finally {
            jcmd(pid.get(), "JFR.stop name=bench filename=" + jfr);
            System.out.println("  JFR profile of " + name + ": " + jfr);
        }
    }

    /** Stops every process this suite started and deletes its state directory (once; later calls do nothing). */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            suite.stopAttached();
        }
    }
}
