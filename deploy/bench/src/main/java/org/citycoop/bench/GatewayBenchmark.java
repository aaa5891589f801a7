package org.citycoop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import org.citycoop.devstack.SeedLoader;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the gateway costs, side by side with the services it fronts: with {@link #CONNECTIONS} connections each sending
 * one request after another, requests per second and p99 of a small GET ({@code GET /v1/agencies/{id}}) and of a match
 * ({@code POST /v1/matches}, the seed catalogue), sent straight to the service (with a token signed by the suite's key,
 * as the gateway signs the ones it forwards) and through the gateway (with the admin's API key). After a warm-up of
 * both, {@code rounds} rounds of {@code seconds} each alternate the four (direct, gateway; GET, match), so that both
 * sides share the machine's mood; the medians over the rounds give the ratios, printed next to their targets:
 * throughput through the gateway at least {@value #THROUGHPUT_TARGET} of the direct one, p99 at most
 * {@value #P99_TARGET} times the direct one.
 *
 * <p>The load is {@link ConcurrentLoad}'s (as {@code wrk -c 16} sends it), which takes little of the two cores the
 * services share with it. Each run prints the CPU time each part of the suite
 * used per request ({@link MachineLoad#suiteCpu}); with {@code CITYCOOP_BENCH_JFR} set, the gateway records a JFR
 * profile of the first round's runs through it ({@link BenchSuite#profiled}). Options: seconds per run (default 8),
 * rounds (default 3).
 */
final class GatewayBenchmark implements Benchmark {

    static final int CONNECTIONS = 16;
    static final double THROUGHPUT_TARGET = 0.85;
    static final double P99_TARGET = 1.3;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The services the requests pass through, whose JIT the warm-up waits for. */
    private static final List<String> WARMED_SERVICES = List.of("gateway", "catalog-service", "matching-service");

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String description() {
        return "requests/s and p99 with 16 connections straight to the service and through the gateway, side by side "
                + "(GET /v1/agencies/{id}, POST /v1/matches on the seed) [seconds per run, default 8] [rounds, default 3]";
    }

    /** One kind of request, sent to a service's base URL. */
    private record Kind(String label, String service, HttpMethod method, String path, String body) {
    }

    /** Where requests go: a base URL and the {@code Authorization} they carry. */
    private record Target(String label, URI base, String authorization) {
    }

    /** One timed run: requests per second and their latencies. */
    private record Run(double perSecond, Latencies latencies) {
    }

    @Override
    public void run(BenchSuite suite, List<String> options) throws Exception {
        int seconds = options.isEmpty() ? 8 : Integer.parseInt(options.get(0));
        int rounds = options.size() < 2 ? 3 : Integer.parseInt(options.get(1));
        System.out.println("  " + MachineLoad.loadAverage() + " (before loading)");
        SeedLoader.Result seeded = new SeedLoader(suite.gateway(), suite.authorization().substring("Bearer ".length()))
                .load(suite.root().resolve("deploy/seed"));
        System.out.println("Seed loaded: " + seeded);
        String agencyId = JSON.readTree(suite.send(HttpRequest.newBuilder().GET(), "/v1/agencies?limit=1").body())
                .path("items").path(0).path("id").asText();
        if (agencyId.isEmpty()) {
            throw new IllegalStateException("No agency after loading the seed");
        }
        List<Kind> kinds = List.of(
                new Kind("GET /v1/agencies/{id}", "catalog-service", HttpMethod.GET, "/v1/agencies/" + agencyId, null),
                new Kind("POST /v1/matches", "matching-service", HttpMethod.POST, "/v1/matches", MatchingBenchmark.PROFILE));
        Target gateway = new Target("through the gateway", suite.gateway(), suite.authorization());
        String token = suite.serviceAuthorization();
        awaitMatches(suite);
        suite.awaitQuiet(Duration.ofMinutes(2));

        try (ConcurrentLoad client = new ConcurrentLoad(CONNECTIONS)) {
            JitWarmUp.Outcome warmUp = JitWarmUp.run(suite, WARMED_SERVICES, elapsed -> {
                for (Kind kind : kinds) {
                    load(client, kind, direct(suite, kind, token), Duration.ofSeconds(1), null);
                    load(client, kind, gateway, Duration.ofSeconds(1), null);
                }
            });
            System.out.println("Warm-up: " + warmUp);
            System.out.println("  " + MachineLoad.loadAverage() + " (before timing)");
            List<List<Run>> direct = new ArrayList<>();
            List<List<Run>> through = new ArrayList<>();
            for (Kind ignored : kinds) {
                direct.add(new ArrayList<>());
                through.add(new ArrayList<>());
            }
            System.out.printf("%d connections, %d s a run, %d rounds alternating straight to the service and through the gateway:%n",
                    CONNECTIONS, seconds, rounds);
            for (int round = 1; round <= rounds; round++) {
                for (int k = 0; k < kinds.size(); k++) {
                    Kind kind = kinds.get(k);
                    // alternate which side goes first, so that neither always follows the other
                    boolean directFirst = round % 2 == 1;
                    for (int side = 0; side < 2; side++) {
                        boolean isDirect = (side == 0) == directFirst;
                        Target target = isDirect ? direct(suite, kind, token) : gateway;
                        Latencies latencies = new Latencies("  round " + round + ", " + kind.label() + ", " + target.label());
                        Map<String, Duration> cpuBefore = MachineLoad.suiteCpu();
                        long took = round == 1 && !isDirect // with CITYCOOP_BENCH_JFR: a profile of the gateway
                                ? suite.profiled("gateway", () -> load(client, kind, target, Duration.ofSeconds(seconds), latencies))
                                : load(client, kind, target, Duration.ofSeconds(seconds), latencies);
                        Map<String, Duration> cpuAfter = MachineLoad.suiteCpu();
                        Run run = new Run(latencies.count() / (took / 1e9), latencies);
                        (isDirect ? direct : through).get(k).add(run);
                        latencies.print(System.out);
                        System.out.printf("    %.0f requests/s; CPU per request: %s%n", run.perSecond(),
                                cpuPerRequest(cpuBefore, cpuAfter, latencies.count()));
                    }
                }
            }
            System.out.println("  " + MachineLoad.loadAverage() + " (after timing)");
            MachineLoad.print("Busiest processes after timing", System.out);
            System.out.println("Medians over the rounds:");
            for (int k = 0; k < kinds.size(); k++) {
                double directRate = median(direct.get(k).stream().mapToDouble(Run::perSecond).toArray());
                double gatewayRate = median(through.get(k).stream().mapToDouble(Run::perSecond).toArray());
                double directP99 = median(direct.get(k).stream().mapToDouble(r -> r.latencies().percentileMillis(99)).toArray());
                double gatewayP99 = median(through.get(k).stream().mapToDouble(r -> r.latencies().percentileMillis(99)).toArray());
                double rateRatio = gatewayRate / directRate;
                double p99Ratio = gatewayP99 / directP99;
                System.out.printf("%-24s direct %6.0f requests/s p99 %6.2f ms; gateway %6.0f requests/s p99 %6.2f ms%n",
                        kinds.get(k).label(), directRate, directP99, gatewayRate, gatewayP99);
                System.out.printf("  throughput %.2f of direct, target at least %.2f: %s; p99 %.2f times direct, target at most %.1f: %s%n",
                        rateRatio, THROUGHPUT_TARGET, rateRatio >= THROUGHPUT_TARGET ? "met" : "NOT met",
                        p99Ratio, P99_TARGET, p99Ratio <= P99_TARGET ? "met" : "NOT met");
            }
        }
    }

    /** The CPU time each busy part of the suite used per request during a run, for example {@code gateway 120 µs}. */
    private static String cpuPerRequest(Map<String, Duration> before, Map<String, Duration> after, long requests) {
        List<String> parts = new ArrayList<>();
        after.forEach((part, cpu) -> {
            long micros = cpu.minus(before.getOrDefault(part, Duration.ZERO)).toNanos() / 1000 / Math.max(1, requests);
            if (micros > 0) {
                parts.add(part + " " + micros + " µs");
            }
        });
        return String.join(", ", parts);
    }

    private static Target direct(BenchSuite suite, Kind kind, String token) {
        return new Target("straight to " + kind.service(), suite.serviceUrl(kind.service()), token);
    }

    /** Waits until a match on the seed finds schemes (matching-service has consumed the seed's events). */
    private static void awaitMatches(BenchSuite suite) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            var response = suite.send(HttpRequest.newBuilder().header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MatchingBenchmark.PROFILE)), "/v1/matches");
            if (response.statusCode() == 200 && JSON.readTree(response.body()).path("items").size() > 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("matching-service found no scheme of the seed within 2 minutes");
    }

    /** {@code kind} sent to {@code target} from every connection for {@code duration}; returns the nanoseconds it took. */
    private static long load(ConcurrentLoad client, Kind kind, Target target, Duration duration, Latencies into) throws Exception {
        return client.run(new ConcurrentLoad.Request(kind.method(), target.base(), kind.path(), target.authorization(), kind.body()),
                duration, into);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
