package org.citycoop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loading generated schemes into the suite, as every benchmark that needs a catalogue does: the benchmark agencies
 * ({@code bench-0}, {@code bench-1}, ...), the active sectors the generator draws from, NDJSON batches of
 * {@link #BATCH} sent to {@code POST /v1/agencies/{agencyId}/schemes:batch} through the gateway, and the wait until
 * matching-service's read-model index holds them.
 */
final class SchemeLoad {

    static final int BATCH = 1000;
    static final long SEED = 20261129L;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** For batches, which may take longer than {@link BenchSuite#send}'s 60 s on a busy machine: no client timeout. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SchemeLoad() {
    }

    /** Creates (or replaces) the agencies {@code bench-0} to {@code bench-<count - 1>}. */
    static void agencies(BenchSuite suite, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            ObjectNode agency = JSON.createObjectNode().put("name", "Benchmark agency " + i).put("organisationType", "40")
                    .put("country", "JP");
            agency.putArray("regionsServed");
            HttpResponse<String> response = suite.send(HttpRequest.newBuilder().header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(agency.toString())), "/v1/agencies/bench-" + i);
            check(response, 2, "PUT /v1/agencies/bench-" + i);
        }
    }

    /** The active DAC 5-digit sectors, as the catalogue serves them (the generator draws from them). */
    static List<String> sectors(BenchSuite suite) throws Exception {
        HttpResponse<String> response = suite.send(HttpRequest.newBuilder().GET(), "/v1/vocabularies/sectors");
        check(response, 2, "GET /v1/vocabularies/sectors");
        List<String> codes = new ArrayList<>();
        JSON.readTree(response.body()).path("items").forEach(item -> codes.add(item.path("code").asText()));
        return codes;
    }

    /**
     * Sends the generator's next schemes, refs {@code <prefix><from>} to {@code <prefix><to - 1>}, in batches of
     * {@link #BATCH}, batch {@code k} (counted from 0 at ref 0) to agency {@code bench-<k mod agencies>}; fails on a
     * rejected item. Returns the number the catalogue created; {@code afterBatch} sees each batch's answer.
     */
    static int batches(BenchSuite suite, SchemeGenerator generator, String prefix, int from, int to, int agencies,
            java.util.function.IntConsumer afterBatch) throws Exception {
        int created = 0;
        for (int first = from; first < to; first += BATCH) {
            StringBuilder body = new StringBuilder();
            String agency = "bench-" + (first / BATCH) % agencies;
            for (int i = first; i < Math.min(to, first + BATCH); i++) {
                body.append(generator.next(prefix + i)).append('\n');
            }
            // The gateway's CITYCOOP_GATEWAY_RESPONSE_TIMEOUT still applies (README.md).
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(suite.gateway().resolve("/v1/agencies/" + agency + "/schemes:batch"))
                            .header("Content-Type", "application/x-ndjson").header("Authorization", suite.authorization())
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            check(response, 2, "POST /v1/agencies/" + agency + "/schemes:batch");
            JsonNode result = JSON.readTree(response.body());
            if (result.path("rejected").asInt() > 0) {
                throw new IllegalStateException("The batch rejected items: " + response.body().substring(0, Math.min(2000, response.body().length())));
            }
            created += result.path("created").asInt();
            afterBatch.accept(created);
        }
        return created;
    }

    /** Polls matching-service's readiness until its read-model index holds at least {@code schemes}. */
    static void awaitIndexed(BenchSuite suite, int schemes, Duration timeout) throws Exception {
        URI ready = suite.serviceUrl("matching-service").resolve("/q/health/ready");
        long start = System.nanoTime();
        while (true) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (JsonNode check : JSON.readTree(response.body()).path("checks")) {
                if ("matching read-model index".equals(check.path("name").asText()) && check.path("data").path("schemes").asInt() >= schemes) {
                    return;
                }
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new IllegalStateException("the matching read-model index did not hold " + schemes + " schemes within "
                        + timeout.toSeconds() + " s: " + response.body());
            }
            Thread.sleep(200);
        }
    }

    /** Fails unless the answer's status is in the {@code family} (2 for 2xx). */
    static void check(HttpResponse<String> response, int family, String what) {
        if (response.statusCode() / 100 != family) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
