package org.citycoop.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads deploy/seed through the gateway with the calls an agency or the secretariat would make (see
 * deploy/seed/README.md). Loading twice changes nothing: upserts are idempotent, and what was changed
 * through the API since (the service answers 428 to an upsert without If-Match) is left as it is;
 * twinnings are created with an Idempotency-Key and only moved forward to their seeded status; their
 * activities, outcome indicators and evaluation are PUT under their refs (the same content again is a no-op).
 */
public final class SeedLoader {

    /** The order a seeded arrangement moves along to reach its status. */
    static final List<String> LIFECYCLE = List.of("PROPOSED", "AGREED", "ACTIVE", "COMPLETED");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI gateway;
    private final String authorization;

    /**
     * @param gateway base URL of the gateway
     * @param apiKey key sent as {@code Authorization: Bearer}, or null where the gateway asks for none
     */
    public SeedLoader(URI gateway, String apiKey) {
        this.gateway = gateway;
        this.authorization = apiKey == null ? null : "Bearer " + apiKey;
    }

    /** Counts of what a load did. */
    public record Result(int agencies, int schemes, int twinnings) {
        @Override
        public String toString() {
            return agencies + " agencies, " + schemes + " schemes, " + twinnings + " twinning arrangements";
        }
    }

    public Result load(Path seedDirectory) throws IOException, InterruptedException {
        int agencies = 0;
        int schemes = 0;
        int twinnings = 0;
        for (Path file : jsonFiles(seedDirectory.resolve("agencies"))) {
            String agencyId = baseName(file);
            HttpResponse<String> response = send("PUT", "/v1/agencies/" + encode(agencyId), Files.readString(file), null, null);
            if (response.statusCode() != 428) { // 428: changed through the API since; the stored agency wins
                expect(response, file, 200, 201);
            }
            agencies++;
        }
        for (Path agencyDir : directories(seedDirectory.resolve("schemes"))) {
            for (Path file : jsonFiles(agencyDir)) {
                putScheme(agencyDir.getFileName().toString(), baseName(file), Files.readString(file), file);
                schemes++;
            }
        }
        for (Path file : jsonFiles(seedDirectory.resolve("twinnings"))) {
            loadTwinning(file);
            twinnings++;
        }
        return new Result(agencies, schemes, twinnings);
    }

    /**
     * Creates the scheme, or finds it unchanged. A 428 means the stored scheme differs from the seed file
     * (an agency changed it through the API, or the file changed): the stored scheme wins, so that loading
     * the seed never overwrites what an agency pushed.
     */
    private void putScheme(String agencyId, String ref, String body, Path file) throws IOException, InterruptedException {
        String path = "/v1/agencies/" + encode(agencyId) + "/schemes/" + encode(ref);
        HttpResponse<String> response = send("PUT", path, body, null, null);
        if (response.statusCode() != 428) {
            expect(response, file, 200, 201);
        }
    }

    private void loadTwinning(Path file) throws IOException, InterruptedException {
        JsonNode seed = mapper.readTree(file.toFile());
        String target = seed.path("status").asText("PROPOSED");
        HttpResponse<String> created = send("POST", "/v1/twinnings", mapper.writeValueAsString(seed.path("arrangement")),
                null, "seed-" + baseName(file));
        expect(created, file, 200, 201);
        JsonNode arrangement = mapper.readTree(created.body());
        String id = arrangement.path("id").asText();
        String base = "/v1/twinnings/" + id;
        for (var activity : seed.path("activities").properties()) {
            putPart(base + "/activities/" + encode(activity.getKey()), activity.getValue(), file);
        }
        for (var outcome : seed.path("outcomes").properties()) {
            putPart(base + "/outcomes/" + encode(outcome.getKey()), outcome.getValue(), file);
        }
        if (seed.hasNonNull("evaluation")) {
            putPart(base + "/evaluation", seed.path("evaluation"), file);
        }
        int at = LIFECYCLE.indexOf(arrangement.path("status").asText());
        int goal = LIFECYCLE.indexOf(target);
        if (goal < 0) {
            throw new IOException(file + ": status must be one of " + LIFECYCLE);
        }
        for (int next = at + 1; at >= 0 && next <= goal; next++) {
            expect(send("POST", "/v1/twinnings/" + id + "/transitions", "{\"to\":\"" + LIFECYCLE.get(next) + "\"}", null, null),
                    file, 200, 201);
        }
    }

    /**
     * Records an activity, outcome indicator or evaluation of a seeded arrangement. The same content again
     * changes nothing (200); a 428 means it was changed through the API since, and the stored one wins.
     */
    private void putPart(String path, JsonNode body, Path file) throws IOException, InterruptedException {
        HttpResponse<String> response = send("PUT", path, mapper.writeValueAsString(body), null, null);
        if (response.statusCode() != 428) {
            expect(response, file, 200, 201);
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String ifMatch, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        // A service that was just restarted can still be behind the gateway's open circuit (503 with Retry-After):
        // wait as told, for up to 90 s in all. Every seed request is safe to send again (PUT, or an Idempotency-Key).
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            java.util.Optional<String> retryAfter = response.headers().firstValue("Retry-After");
            if (response.statusCode() != 503 || retryAfter.isEmpty() || !retryAfter.get().matches("\\d{1,3}")
                    || System.nanoTime() > giveUpAt) {
                return response;
            }
            Thread.sleep(Math.min(Long.parseLong(retryAfter.get()), 10) * 1000L);
        }
    }

    private static void expect(HttpResponse<String> response, Path file, int... statuses) throws IOException {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IOException("Seed " + file + ": " + response.request().method() + " " + response.uri().getPath()
                + " answered " + response.statusCode() + ": " + response.body());
    }

    private static List<Path> jsonFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<Path> directories(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
