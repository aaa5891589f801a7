package org.citycoop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matching at scale: {@code POST /v1/matches} latency (p50, p99) through the gateway with growing numbers of
 * schemes in the matching service's read model, the lag from a catalogue update to the changed match, and the
 * matching service's heap after each size.
 *
 * <p>Schemes come from {@link SchemeGenerator} (seeded; the catalogue benchmark's schemes) and are loaded through
 * the catalogue's {@code POST /v1/agencies/{agencyId}/schemes:batch} as NDJSON, 1,000 per batch. The benchmark
 * then waits until the matching service's read-model index holds them all (its readiness check,
 * {@code /q/health/ready}, reports the number of schemes held) before it measures. It warms up until the JIT of
 * the gateway and matching-service has settled ({@link JitWarmUp}) and prints the matches of the warm-up's first 30 s
 * apart. Beside the latency through the gateway it prints the time the gateway and matching-service themselves took
 * for the same requests (their access logs' {@code %D}, whole milliseconds, paired by {@code X-Request-Id}), the
 * slowest requests with those shares, and the gateway's floor ({@code GET /q/health/live} through the gateway). Lag, at each size: a
 * sentinel scheme's largest award (the only scheme for the challenge area {@code SOCIAL_CAPITAL}, which the generator
 * never gives) is changed by PUT and {@code POST /v1/matches} is polled until it shows the new amount; the time from
 * sending the PUT to that answer is one sample. Heap: after a full GC requested with {@code jcmd <pid> GC.run}, the used heap that
 * {@code jcmd <pid> GC.heap_info} reports, at start (no schemes) and after each size. At 10,000 schemes, a concurrent
 * figure: 16 clients on their own connections send matches for 30 s (matches per second, p50, p99), and matching-service's
 * allocation per match (its {@code jvm_gc_memory_allocated_bytes_total} between full GCs, less what it allocates idle).
 * The machine's load average is printed with every figure.
 *
 * <p>Options: {@code sizes} (comma-separated, default {@code 1000,10000,100000}), {@code requests} per size
 * (default 500), {@code lag samples} per size (default 50).
 */
final class MatchingBenchmark implements Benchmark {

    private static final int AGENCIES = 10;
    /** The services a match passes through, whose JIT the warm-up waits for. */
    private static final List<String> WARMED_SERVICES = List.of("gateway", "matching-service");
    static final String PROFILE = """
            { "cityId": "1625822", "country": "ID", "applicantType": "LOCAL_GOVERNMENT",
              "challenges": [ { "area": "SOLID_WASTE", "priority": 1 }, { "area": "INSTITUTIONS", "priority": 2 } ],
              "supportTypes": ["TECHNICAL", "FINANCIAL"],
              "budget": { "amount": "300000", "currency": "USD" }, "languages": ["en"] }""";
    private static final String SENTINEL_PROFILE = """
            { "country": "TL", "applicantType": "LOCAL_GOVERNMENT",
              "challenges": [ { "area": "SOCIAL_CAPITAL", "priority": 1 } ], "languages": ["en"] }""";
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    /**
     * An access-log line of a timed match (application.properties: {@code %h "%r" %s %b %D ms requestId=%{i,X-Request-Id} ...}):
     * the milliseconds and the request id.
     */
    private static final Pattern ACCESS_TIME = Pattern.compile("\"POST /v1/matches[^\"]*\" 200 \\S+ (\\d+) ms requestId=(bench-match-\\d+)");
    /** How many of the slowest timed matches are printed with the gateway's and matching-service's share. */
    private static final int SLOWEST = 5;

    /** The read-model size at which the concurrent figure is measured. */
    private static final int CONCURRENT_SIZE = 10_000;
    /** Connections (clients sending one match after another) of the concurrent figure. */
    private static final int CONNECTIONS = 16;
    private static final Duration CONCURRENT_WARM_UP = Duration.ofSeconds(15);
    private static final Duration CONCURRENT_TIME = Duration.ofSeconds(30);
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private final ObjectMapper json = new ObjectMapper();
    private boolean sentinelExists;

    @Override
    public String name() {
        return "matching";
    }

    @Override
    public String description() {
        return "POST /v1/matches p50/p99 at growing read-model sizes (loaded through schemes:batch), catalogue-update-to-match "
                + "lag and the matching service's heap [sizes=1000,10000,100000] [requests=500] [lag samples=50]";
    }

    @Override
    public void run(BenchSuite suite, List<String> options) throws Exception {
        List<Integer> sizes = options.isEmpty() ? List.of(1000, 10_000, 100_000)
                : java.util.Arrays.stream(options.get(0).split(",")).map(Integer::parseInt).toList();
        int requests = options.size() > 1 ? Integer.parseInt(options.get(1)) : 500;
        int lagSamples = options.size() > 2 ? Integer.parseInt(options.get(2)) : 50;

        SchemeLoad.agencies(suite, AGENCIES);
        long amount = 100_000;
        lag(suite, amount, 600_000);
        printHeap(suite, "matching-service heap with no generated schemes");
        SchemeGenerator generator = new SchemeGenerator(SchemeLoad.SEED, SchemeLoad.sectors(suite));
        int loaded = 0;
        for (int size : sizes) {
            long started = System.nanoTime();
            SchemeLoad.batches(suite, generator, "M-", loaded, size, AGENCIES, created -> { });
            loaded = size;
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%nloaded %d schemes through schemes:batch in %.1f s%n", loaded, loadSeconds);
            long caughtUp = System.nanoTime();
            SchemeLoad.awaitIndexed(suite, loaded + 1, Duration.ofMinutes(30));
            System.out.printf("the matching read-model index held all %d (and the sentinel) %.1f s after the last batch%n",
                    loaded, (System.nanoTime() - caughtUp) / 1e9);
            printHeap(suite, "matching-service heap with " + loaded + " schemes");
            System.out.printf("waited %d s more for the suite to be quiet (twinning consuming the load's events)%n",
                    suite.awaitQuiet(java.time.Duration.ofMinutes(15)).toSeconds());

            Latencies cold = new Latencies("POST /v1/matches, first " + JitWarmUp.MIN.toSeconds() + " s of the warm-up");
            JitWarmUp.Outcome warmUp = JitWarmUp.run(suite, WARMED_SERVICES, elapsed -> {
                long sending = System.nanoTime();
                matchCount(match(suite, PROFILE, "bench-warm-up"));
                if (elapsed.compareTo(JitWarmUp.MIN) < 0) {
                    cold.record(System.nanoTime() - sending);
                }
                suite.send(HttpRequest.newBuilder().GET(), "/q/health/live");
            });
            System.out.println("warmed up with a match and a GET /q/health/live per round, " + warmUp);
            cold.print(System.out);
            System.out.println("  " + MachineLoad.loadAverage() + " (before the timed matches)");
            Latencies floor = new Latencies("gateway floor GET /q/health/live, " + size);
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                suite.send(HttpRequest.newBuilder().GET(), "/q/health/live");
                floor.record(System.nanoTime() - start);
            }
            long serviceLogOffset = Files.size(suite.logFile("matching-service"));
            long gatewayLogOffset = Files.size(suite.logFile("gateway"));
            Latencies latencies = new Latencies("POST /v1/matches, " + size + " schemes");
            long[] clientNanos = new long[requests];
            long[] startedAt = new long[requests];
            long timingStart = System.nanoTime();
            int results = 0;
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = match(suite, PROFILE, "bench-match-" + i);
                clientNanos[i] = System.nanoTime() - start;
                startedAt[i] = start - timingStart;
                latencies.record(clientNanos[i]);
                results = matchCount(response);
            }
            Map<String, Long> inGateway = accessLogTimes(suite, "gateway", gatewayLogOffset);
            Map<String, Long> inService = accessLogTimes(suite, "matching-service", serviceLogOffset);
            latencies.print(System.out);
            millisLatencies("  of which in the gateway (access log)", inGateway).print(System.out);
            millisLatencies("  of which in matching-service (access log)", inService).print(System.out);
            floor.print(System.out);
            printSlowest(clientNanos, startedAt, inGateway, inService);
            System.out.println("  (" + results + " matches per answer, limit 20)");
            Latencies lag = new Latencies("catalogue PUT to changed match, " + size + " schemes");
            for (int i = 0; i < lagSamples; i++) {
                amount += 1000;
                lag.record(lag(suite, amount, 60_000));
            }
            lag.print(System.out);
            System.out.println("  " + MachineLoad.loadAverage());
            if (size == CONCURRENT_SIZE) {
                concurrent(suite, requests);
            }
        }
    }

    /**
     * The concurrent figure at {@link #CONCURRENT_SIZE} schemes: {@link #CONNECTIONS} connections, each sending matches one
     * after another through the gateway ({@link ConcurrentLoad}) for {@link #CONCURRENT_TIME} (after
     * {@link #CONCURRENT_WARM_UP} of the same), matches per second and their latency; then matching-service's
     * allocation per match over those matches ({@link #allocatedPerMatch}). With {@code CITYCOOP_BENCH_JFR} set,
     * matching-service records a JFR profile of the timed concurrent matches ({@link BenchSuite#profiled}).
     */
    private void concurrent(BenchSuite suite, int requests) throws Exception {
        ConcurrentLoad.Request match = new ConcurrentLoad.Request(io.vertx.core.http.HttpMethod.POST, suite.gateway(), "/v1/matches",
                suite.authorization(), PROFILE);
        try (ConcurrentLoad load = new ConcurrentLoad(CONNECTIONS)) {
            load.run(match, CONCURRENT_WARM_UP, null);
            System.out.println("  " + MachineLoad.loadAverage() + " (before the concurrent matches)");
            Allocation before = allocation(suite);
            Latencies latencies = new Latencies("POST /v1/matches, " + CONNECTIONS + " connections, " + CONCURRENT_SIZE + " schemes");
            long took = suite.profiled("matching-service", () -> load.run(match, CONCURRENT_TIME, latencies));
            Allocation after = allocation(suite);
            latencies.print(System.out);
            System.out.printf("  %.0f matches/s through the gateway with %d connections (%d matches in %.1f s)%n",
                    latencies.count() / (took / 1e9), CONNECTIONS, latencies.count(), took / 1e9);
            System.out.println("  " + MachineLoad.loadAverage() + " (after the concurrent matches)");
            printAllocation(suite, before, after, latencies.count(), requests);
        }
    }

    /** matching-service's bytes allocated so far and the time they were read. */
    private record Allocation(double bytes, long nanos) {
    }

    /**
     * What matching-service has allocated so far: after a full GC ({@code jcmd <pid> GC.run}), Micrometer's
     * {@code jvm_gc_memory_allocated_bytes_total} from its {@code /q/metrics}. That counter grows at each collection by
     * what the young generation gained since the collection before, so read right after a full GC it counts every byte
     * allocated in the whole process (every thread: HTTP, JSON, the match) up to that collection.
     */
    private static Allocation allocation(BenchSuite suite) throws Exception {
        Optional<Long> service = suite.pid("matching-service");
        if (service.isEmpty()) {
            return new Allocation(Double.NaN, System.nanoTime());
        }
        BenchSuite.jcmd(service.get(), "GC.run");
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(suite.serviceUrl("matching-service").resolve("/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Allocation(org.citycoop.devstack.MetricsText.sum(metrics.body(), "jvm_gc_memory_allocated_bytes_total"), System.nanoTime());
    }

    /**
     * Allocation per match: matching-service's allocated bytes between two full GCs around {@code matches} matches
     * ({@link #allocation}), less what the process allocates idle in as long (measured right after, over at least 10 s:
     * Kafka consumers, the index's poll, the relay), divided by {@code matches}. Then the same around {@code single}
     * matches sent one at a time.
     */
    private void printAllocation(BenchSuite suite, Allocation before, Allocation after, long matches, int single) throws Exception {
        Allocation idleStart = allocation(suite);
        Thread.sleep(Math.max(10_000, (after.nanos() - before.nanos()) / 1_000_000 / 3));
        Allocation idleEnd = allocation(suite);
        double idlePerSecond = (idleEnd.bytes() - idleStart.bytes()) / ((idleEnd.nanos() - idleStart.nanos()) / 1e9);
        double concurrentBytes = after.bytes() - before.bytes() - idlePerSecond * (after.nanos() - before.nanos()) / 1e9;
        Allocation oneStart = allocation(suite);
        for (int i = 0; i < single; i++) {
            match(suite, PROFILE, null);
        }
        Allocation oneEnd = allocation(suite);
        double singleBytes = oneEnd.bytes() - oneStart.bytes() - idlePerSecond * (oneEnd.nanos() - oneStart.nanos()) / 1e9;
        System.out.printf("  matching-service allocated %.0f KB per match over the %d concurrent matches, %.0f KB per match over %d "
                + "sent one at a time (jvm_gc_memory_allocated_bytes_total between full GCs, less %.0f KB/s allocated idle)%n",
                concurrentBytes / matches / 1024, matches, singleBytes / single / 1024, single, idlePerSecond / 1024);
    }

    /** The number of matches in an answer of {@code POST /v1/matches}. */
    private int matchCount(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body()).get("items").size();
    }

    /**
     * The milliseconds (access log {@code %D}, whole milliseconds) that {@code service}'s access log gives for the timed
     * matches it logged after {@code offset} bytes of its log, by request id.
     */
    private static Map<String, Long> accessLogTimes(BenchSuite suite, String service, long offset) throws IOException {
        Map<String, Long> millis = new HashMap<>();
        try (var in = Files.newInputStream(suite.logFile(service))) {
            in.skipNBytes(offset);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher took = ACCESS_TIME.matcher(line);
                if (took.find()) {
                    millis.put(took.group(2), Long.parseLong(took.group(1)));
                }
            }
        }
        return millis;
    }

    private static Latencies millisLatencies(String label, Map<String, Long> millis) {
        Latencies times = new Latencies(label);
        millis.values().forEach(ms -> times.record(TimeUnit.MILLISECONDS.toNanos(ms)));
        return times;
    }

    /**
     * The {@link #SLOWEST} slowest timed matches: when each started (seconds into the timed run), the client's time,
     * and the gateway's and matching-service's (access logs; "-" when the line is missing). A slow request the
     * service did not see as slow waited outside it: in the gateway, the client, or for a core.
     */
    private static void printSlowest(long[] clientNanos, long[] startedAt, Map<String, Long> inGateway, Map<String, Long> inService) {
        Integer[] order = new Integer[clientNanos.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(clientNanos[b], clientNanos[a]));
        System.out.println("  slowest matches (started at, client / gateway / matching-service):");
        for (int k = 0; k < Math.min(SLOWEST, order.length); k++) {
            int i = order[k];
            String id = "bench-match-" + i;
            System.out.printf("    +%6.2f s  %6.2f / %s / %s ms%n", startedAt[i] / 1e9, clientNanos[i] / 1e6,
                    Optional.ofNullable(inGateway.get(id)).map(String::valueOf).orElse("-"),
                    Optional.ofNullable(inService.get(id)).map(String::valueOf).orElse("-"));
        }
    }

    /**
     * Sets the sentinel's largest award to {@code amount} and polls matching until it shows it.
     *
     * @return nanoseconds from sending the PUT to the answer that shows the change
     */
    private long lag(BenchSuite suite, long amount, long timeoutMillis) throws Exception {
        long start = System.nanoTime();
        // The first PUT creates the sentinel; later ones change it, which needs If-Match (any version will do).
        put(suite, "/v1/agencies/bench-0/schemes/SENTINEL", sentinelExists ? "*" : null, """
                { "name": "Sentinel scheme", "description": "The benchmark's probe.", "supportTypes": ["TECHNICAL"],
                  "challengeAreas": ["SOCIAL_CAPITAL"], "applicantTypes": ["LOCAL_GOVERNMENT"], "channel": "DIRECT",
                  "eligibleCountries": ["TL"],
                  "fundingRange": { "min": { "amount": "1000", "currency": "USD" }, "max": { "amount": "%d", "currency": "USD" } },
                  "window": { "kind": "ROLLING" }, "sourceUrl": "https://example.org/sentinel", "verifiedOn": "2026-11-29" }"""
                .formatted(amount));
        sentinelExists = true;
        String expected = Long.toString(amount);
        while (true) {
            JsonNode items = json.readTree(match(suite, SENTINEL_PROFILE).body()).get("items");
            for (JsonNode item : items) {
                JsonNode max = item.at("/scheme/fundingRange/max/amount");
                if ("SENTINEL".equals(item.at("/scheme/ref").asText()) && expected.equals(max.asText())) {
                    return System.nanoTime() - start;
                }
            }
            if ((System.nanoTime() - start) / 1_000_000 > timeoutMillis) {
                throw new IllegalStateException("matching did not show the sentinel's update within " + timeoutMillis + " ms");
            }
            Thread.sleep(2);
        }
    }

    /**
     * Prints the matching service's used heap after a full GC ({@code jcmd GC.run}, then the {@code used} figures of
     * {@code GC.heap_info}'s generation or heap lines), or why it could not be measured.
     */
    private static void printHeap(BenchSuite suite, String label) {
        Optional<Long> service = suite.pid("matching-service");
        if (service.isEmpty()) {
            System.out.println(label + ": not measured (no matching-service process among this benchmark's children)");
            return;
        }
        try {
            BenchSuite.jcmd(service.get(), "GC.run");
            long usedKb = 0;
            for (String line : BenchSuite.jcmd(service.get(), "GC.heap_info")) {
                if (line.contains("generation") || line.contains("garbage-first heap")) {
                    Matcher used = USED.matcher(line);
                    if (used.find()) {
                        usedKb += Long.parseLong(used.group(1));
                    }
                }
            }
            System.out.printf("%s: %.1f MB used after a full GC (jcmd %d GC.heap_info)%n", label, usedKb / 1024.0, service.get());
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.out.println(label + ": not measured (" + e.getMessage() + ")");
        }
    }


    private HttpResponse<String> match(BenchSuite suite, String profile) throws Exception {
        return match(suite, profile, null);
    }

    /** A match; {@code requestId}, when given, is sent as {@code X-Request-Id} so that the access logs can be paired. */
    private HttpResponse<String> match(BenchSuite suite, String profile, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(profile));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        HttpResponse<String> response = suite.send(request, "/v1/matches");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /v1/matches answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static void put(BenchSuite suite, String path, String ifMatch, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = suite.send(request, path);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
