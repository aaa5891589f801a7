package org.citycoop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The catalogue at scale: generates schemes ({@link SchemeGenerator}, seeded), loads them through the gateway with
 * {@code POST /v1/agencies/{agencyId}/schemes:batch} (1,000 per batch) and prints the load rate, then measures
 * the latency of typical searches through the gateway (p50, p99, max), one request at a time.
 * Options: number of schemes (default 10000), requests per search kind (default 300).
 */
final class CatalogBenchmark implements Benchmark {

    static final int AGENCIES = 20;

    private final ObjectMapper json = new ObjectMapper();
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    @Override
    public String name() {
        return "catalog-search";
    }

    @Override
    public String description() {
        return "loads generated schemes through schemes:batch, then search latency [schemes, default 10000] [requests per kind, default 300]";
    }

    @Override
    public void run(BenchSuite suite, List<String> options) throws Exception {
        int schemes = options.isEmpty() ? 10_000 : Integer.parseInt(options.get(0));
        int requests = options.size() < 2 ? 300 : Integer.parseInt(options.get(1));
        List<String> sectors = SchemeLoad.sectors(suite);
        load(suite, schemes, sectors);
        Random random = new Random(SchemeLoad.SEED + 1);
        List<SearchKind> kinds = List.of(
                new SearchKind("challenge + status=OPEN", r -> "challenge=" + pick(r, SchemeGenerator.CHALLENGES) + "&status=OPEN"),
                new SearchKind("country (regions expanded) + supportType", r -> "country=" + pick(r, SchemeGenerator.COUNTRIES)
                        + "&supportType=" + pick(r, SchemeGenerator.SUPPORT_TYPES)),
                new SearchKind("sector + applicantType, sort=deadline", r -> "sector=" + pick(r, sectors)
                        + "&applicantType=LOCAL_GOVERNMENT&sort=deadline"),
                new SearchKind("amount overlap USD + deadlineAfter", r -> "amountMin=" + (50_000 + r.nextInt(500_000))
                        + "&currency=USD&deadlineAfter=2027-01-01T00:00:00%2B09:00"),
                new SearchKind("agency + challenge, pages 1 and 2", r -> "agency=bench-" + r.nextInt(AGENCIES) + "&challenge="
                        + pick(r, SchemeGenerator.CHALLENGES) + "&limit=20", true),
                new SearchKind("full text English (q, relevance)", r -> "q=" + encode(pick(r, List.of("composting", "wastewater treatment",
                        "air quality", "green bonds", "flood protection", "technical assistance recycling")))),
                new SearchKind("full text Japanese (q, trigram)", r -> "q=" + encode(pick(r, List.of("堆肥化", "下水道", "大気質",
                        "グリーンボンド", "洪水対策", "技術移転")))),
                new SearchKind("facets (5 default facets) + challenge", r -> "challenge=" + pick(r, SchemeGenerator.CHALLENGES), false, true));
        Duration waited = suite.awaitQuiet(Duration.ofMinutes(15));
        System.out.printf("Waited %d s for the suite to be quiet (matching and twinning consuming the load's events)%n",
                waited.toSeconds());
        // Warm-up: every kind in turn until the JIT of the gateway and catalog-service has settled (JitWarmUp), so
        // that the timed requests measure the services as they run for hours.
        JitWarmUp.Outcome warmUp = JitWarmUp.run(suite, List.of("gateway", "catalog-service"), elapsed -> {
            for (SearchKind kind : kinds) {
                kind.send(suite, random);
            }
        });
        System.out.printf("%nSearch latency through the gateway, %d schemes, %d requests per kind (warmed up with every kind per round, %s):%n",
                schemes, requests, warmUp);
        for (SearchKind kind : kinds) {
            Latencies latencies = new Latencies(kind.label);
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                kind.send(suite, random);
                latencies.record(System.nanoTime() - start);
            }
            latencies.print(System.out);
        }
        export(suite, "csv", schemes);
        export(suite, "ndjson", schemes);
    }

    /** Streams the whole catalogue through the gateway once and prints how long it took. */
    private void export(BenchSuite suite, String format, int schemes) throws Exception {
        long start = System.nanoTime();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder()
                .uri(suite.gateway().resolve("/v1/schemes:export?format=" + format)).header("Authorization", suite.authorization()).GET().build(), HttpResponse.BodyHandlers.ofLines());
        long lines;
        try (java.util.stream.Stream<String> body = response.body()) {
            lines = body.count();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /v1/schemes:export answered " + response.statusCode());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Export format=%s: %d lines (%d schemes) streamed through the gateway in %.1f s: %.0f schemes/s%n",
                format, lines, schemes, seconds, schemes / seconds);
    }

    private void load(BenchSuite suite, int schemes, List<String> sectors) throws Exception {
        SchemeLoad.agencies(suite, AGENCIES);
        SchemeGenerator generator = new SchemeGenerator(SchemeLoad.SEED, sectors);
        long start = System.nanoTime();
        int created = SchemeLoad.batches(suite, generator, "S-", 0, schemes, AGENCIES, createdSoFar -> {
            if (createdSoFar == 10 * SchemeLoad.BATCH && schemes > 10 * SchemeLoad.BATCH) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("The first 10 batches (%d schemes) loaded in %.1f s: %.0f schemes/s%n", createdSoFar, seconds, createdSoFar / seconds);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Loaded %d schemes in %d batches of up to %d through the gateway in %.1f s: %.0f schemes/s%n",
                created, (schemes + SchemeLoad.BATCH - 1) / SchemeLoad.BATCH, SchemeLoad.BATCH, seconds, created / seconds);
    }

    private static void check(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One kind of search: its label and how to draw its query string. */
    private final class SearchKind {
        final String label;
        final Function<Random, String> query;
        final boolean secondPage;
        final boolean facets;

        SearchKind(String label, Function<Random, String> query) {
            this(label, query, false, false);
        }

        SearchKind(String label, Function<Random, String> query, boolean secondPage) {
            this(label, query, secondPage, false);
        }

        SearchKind(String label, Function<Random, String> query, boolean secondPage, boolean facets) {
            this.label = label;
            this.query = query;
            this.secondPage = secondPage;
            this.facets = facets;
        }

        /** One search (with secondPage: the first page and the one its next link names, as a client paging does). */
        void send(BenchSuite suite, Random random) throws Exception {
            String path = (facets ? "/v1/schemes:facets?" : "/v1/schemes?") + query.apply(random);
            HttpResponse<String> response = suite.send(HttpRequest.newBuilder().GET(), path);
            check(response, 200, "GET " + path);
            if (secondPage) {
                String next = json.readTree(response.body()).path("next").asText(null);
                if (next != null) {
                    check(suite.send(HttpRequest.newBuilder().GET(), next), 200, "GET " + next);
                }
            }
        }
    }
}
