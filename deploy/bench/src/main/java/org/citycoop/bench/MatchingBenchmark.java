package org.citycoop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Matching at scale: {@code POST /v1/matches} latency (p50, p99) through the gateway with growing numbers of
 * schemes in the matching service's read model, and the lag from a catalogue update to the changed match.
 *
 * <p>Schemes are generated with a seeded random (1-2 challenge areas, 1-4 eligible countries of eight, funding
 * ranges, rolling or fixed windows) and loaded through the catalogue's {@code PUT /v1/agencies/{a}/schemes/{ref}}
 * by a small, bounded thread pool. When a size is reached, a sentinel scheme (the only one open to Timor-Leste)
 * is updated and the benchmark waits until matching shows the update, so the read model has caught up before
 * it measures. Lag, at each size: the sentinel's largest award is changed by PUT and {@code POST /v1/matches} is polled until
 * it shows the new amount; the time from sending the PUT to that answer is one sample.
 *
 * <p>Options: {@code sizes} (comma-separated, default {@code 1000,10000,100000}), {@code requests} per size
 * (default 500), {@code lag samples} per size (default 50), {@code loader threads} (default 4).
 */
final class MatchingBenchmark implements Benchmark {

    private static final String[] AREAS = {"SOLID_WASTE", "WATER_AND_WASTEWATER", "AIR_QUALITY", "URBAN_PLANNING",
            "INSTITUTIONS", "REGULATIONS", "OTHER_PHYSICAL"};
    private static final String[] COUNTRIES = {"ID", "VN", "PH", "TH", "MY", "KH", "LA", "MM"};
    private static final String[] SUPPORT = {"TECHNICAL", "FINANCIAL", "TRAINING"};
    private static final int AGENCIES = 10;
    private static final String PROFILE = """
            { "cityId": "1625822", "country": "ID", "applicantType": "LOCAL_GOVERNMENT",
              "challenges": [ { "area": "SOLID_WASTE", "priority": 1 }, { "area": "INSTITUTIONS", "priority": 2 } ],
              "supportTypes": ["TECHNICAL", "FINANCIAL"],
              "budget": { "amount": "300000", "currency": "USD" }, "languages": ["en"] }""";
    private static final String SENTINEL_PROFILE = """
            { "country": "TL", "applicantType": "LOCAL_GOVERNMENT",
              "challenges": [ { "area": "SOLID_WASTE", "priority": 1 } ], "languages": ["en"] }""";

    private final ObjectMapper json = new ObjectMapper();
    private boolean sentinelExists;

    @Override
    public String name() {
        return "matching";
    }

    @Override
    public String description() {
        return "POST /v1/matches p50/p99 at growing read-model sizes, and catalogue-update-to-match lag "
                + "[sizes=1000,10000,100000] [requests=500] [lag samples=50] [loader threads=4]";
    }

    @Override
    public void run(BenchSuite suite, List<String> options) throws Exception {
        List<Integer> sizes = options.isEmpty() ? List.of(1000, 10_000, 100_000)
                : java.util.Arrays.stream(options.get(0).split(",")).map(Integer::parseInt).toList();
        int requests = options.size() > 1 ? Integer.parseInt(options.get(1)) : 500;
        int lagSamples = options.size() > 2 ? Integer.parseInt(options.get(2)) : 50;
        int threads = options.size() > 3 ? Math.min(8, Integer.parseInt(options.get(3))) : 4;

        for (int a = 0; a < AGENCIES; a++) {
            put(suite, "/v1/agencies/bench-" + a, null, """
                    { "name": "Benchmark agency %d", "organisationType": "40", "country": "JP", "regionsServed": [] }""".formatted(a));
        }
        Random random = new Random(20261129L);
        int loaded = 0;
        long amount = 100_000;
        for (int size : sizes) {
            long started = System.nanoTime();
            loaded = load(suite, random, loaded, size, threads);
            System.out.printf("loaded %d schemes through PUT in %.1f s%n", loaded, (System.nanoTime() - started) / 1e9);
            amount += 1000;
            long caughtUp = System.nanoTime();
            lag(suite, amount, 600_000);
            System.out.printf("read model caught up %.1f s after the last PUT%n", (System.nanoTime() - caughtUp) / 1e9);

            for (int i = 0; i < Math.min(100, requests); i++) {
                match(suite, PROFILE);
            }
            Latencies latencies = new Latencies("POST /v1/matches, " + size + " schemes");
            int results = 0;
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = match(suite, PROFILE);
                latencies.record(System.nanoTime() - start);
                results = json.readTree(response.body()).get("items").size();
            }
            latencies.print(System.out);
            System.out.println("  (" + results + " matches per answer, limit 20)");
            Latencies lag = new Latencies("catalogue PUT to changed match, " + size + " schemes");
            for (int i = 0; i < lagSamples; i++) {
                amount += 1000;
                lag.record(lag(suite, amount, 60_000));
            }
            lag.print(System.out);
        }
    }

    /** PUTs generated schemes until {@code target} are loaded; returns the count. */
    private int load(BenchSuite suite, Random random, int from, int target, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = from; i < target; i++) {
                String path = "/v1/agencies/bench-" + (i % AGENCIES) + "/schemes/B-" + i;
                String body = scheme(random, i);
                pending.add(pool.submit(() -> {
                    put(suite, path, null, body);
                    return null;
                }));
                if (pending.size() >= 1000) {
                    for (Future<?> future : pending) {
                        future.get(5, TimeUnit.MINUTES);
                    }
                    pending.clear();
                }
            }
            for (Future<?> future : pending) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return target;
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
                  "challengeAreas": ["SOLID_WASTE"], "applicantTypes": ["LOCAL_GOVERNMENT"], "channel": "DIRECT",
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

    private static String scheme(Random random, int i) {
        String area = AREAS[random.nextInt(AREAS.length)];
        String second = random.nextBoolean() ? ", \"" + AREAS[random.nextInt(AREAS.length)] + "\"" : "";
        if (second.contains(area)) {
            second = "";
        }
        StringBuilder countries = new StringBuilder("\"" + COUNTRIES[random.nextInt(COUNTRIES.length)] + "\"");
        for (int c = random.nextInt(4); c > 0; c--) {
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            if (countries.indexOf(country) < 0) {
                countries.append(", \"").append(country).append('"');
            }
        }
        long max = 50_000L * (1 + random.nextInt(60));
        String window = random.nextBoolean() ? "{ \"kind\": \"ROLLING\" }"
                : "{ \"kind\": \"FIXED\", \"opens\": \"2026-01-01T00:00:00+09:00\", \"deadline\": \"2028-0%d-15T23:59:00+09:00\" }"
                        .formatted(1 + random.nextInt(9));
        return """
                { "name": "Benchmark scheme %d", "description": "Generated for the matching benchmark.",
                  "supportTypes": ["%s"], "challengeAreas": ["%s"%s], "applicantTypes": ["LOCAL_GOVERNMENT"],
                  "channel": "DIRECT", "eligibleCountries": [%s],
                  "fundingRange": { "min": { "amount": "10000", "currency": "USD" }, "max": { "amount": "%d", "currency": "USD" } },
                  "processSteps": [ { "title": "Concept note", "actor": "CITY", "typicalDays": %d } ],
                  "window": %s, "sourceUrl": "https://example.org/bench/%d", "verifiedOn": "2026-11-29" }"""
                .formatted(i, SUPPORT[random.nextInt(SUPPORT.length)], area, second, countries, max, 5 + random.nextInt(40), window, i);
    }

    private HttpResponse<String> match(BenchSuite suite, String profile) throws Exception {
        HttpResponse<String> response = suite.send(HttpRequest.newBuilder().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(profile)), "/v1/matches");
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
