package org.citycoop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.citycoop.devstack.StackSettings;
import org.citycoop.devstack.Suite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The failure test: the suite with three Kafka brokers and two instances of each service ({@link Suite#forTests(Path,
 * Path, int, int)}, as {@code CITYCOOP_KAFKA_BROKERS=3 CITYCOOP_REPLICAS=2 deploy/local up} runs it) takes scheme updates
 * from several agencies through the gateway (single {@code PUT}s with {@code If-Match} and {@code schemes:batch}
 * uploads, each agency with its own editor key) while the test kills ({@code SIGKILL}) the leader broker of a
 * {@code catalog.schemes} partition, one matching instance and one catalogue instance, and restarts PostgreSQL once.
 * Then it checks, through the API where the API shows it:
 * <ul>
 *   <li>every update acknowledged with a 2xx is in the catalogue (no acknowledged write lost);</li>
 *   <li>matching's read model holds every scheme at its latest state (each saved need's matches, whose funding range
 *       carries the update's number), and so does twinning's scheme read model (its {@code scheme} table: twinning
 *       has no API that shows a scheme's version);</li>
 *   <li>each saved need got exactly one alert per change matching applied ({@code GET /v1/needs/{id}/alerts}): per
 *       scheme a {@code NEW_MATCH}, then {@code CHANGED} alerts whose {@code fundingRange.max} goes from the previous
 *       alert's value to a higher one (no duplicate, no gap) up to the latest state.</li>
 * </ul>
 * It prints updates sent, accepted, delivered, duplicate and missing alerts, and the longest time the writes took to
 * recover from a failure. Small form in {@code mvn verify} (its own failsafe execution, its own JVM); large form by
 * hand: {@code -Dcitycoop.failure.updates=10000} (see deploy/README.md).
 */
class FailureIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UPDATES = Integer.getInteger("citycoop.failure.updates", 600);
    private static final int AGENCIES = Integer.getInteger("citycoop.failure.agencies", 4);
    private static final int SCHEMES_PER_AGENCY = Integer.getInteger("citycoop.failure.schemes-per-agency", 6);
    private static final int NEEDS = 2;
    private static final BigDecimal BASE_MAX = new BigDecimal(1_000_000);
    private static final Duration CONVERGENCE = Duration.ofSeconds(Integer.getInteger("citycoop.failure.convergence-seconds", 240));

    private static Suite suite;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static URI gateway;
    private static String admin;
    private static String portal;
    private static final Map<String, String> editors = new HashMap<>();
    private static final List<String> needs = new ArrayList<>();

    @BeforeAll
    static void startScaledSuite() throws Exception {
        Path root = Path.of(System.getProperty("citycoop.root", "../..")).toAbsolutePath().normalize();
        suite = Suite.forTests(root, Files.createTempDirectory("citycoop-failure"), 2, 3);
        try {
            suite.start(new StackSettings(null, "postgres", "postgres", null), 0, 0, System.out);
        } catch (Exception | AssertionError e) {
            suite.stopAttached();
            throw e;
        }
        gateway = suite.gatewayUrl();
        admin = suite.adminKey();
    }

    @AfterAll
    static void stopSuite() throws IOException {
        if (suite != null) {
            suite.stopAttached();
        }
    }

    /** What one scheme went through: the writes acknowledged, and what the test knows of its current state. */
    private static final class Scheme {
        final String agency;
        final String ref;
        /** The number of the last update sent (its funding maximum is BASE_MAX + number). */
        int number;
        /** The ETag to send next. */
        long version;
        /** Acknowledged updates: version to update number. */
        final Map<Long, Integer> acknowledged = new ConcurrentHashMap<>();

        Scheme(String agency, String ref) {
            this.agency = agency;
            this.ref = ref;
        }
    }

    @Test
    void updatesAcknowledgedWhileBrokersInstancesAndTheDatabaseFailAreAllDeliveredOnceEach() throws Exception {
        long started = System.nanoTime();
        checkTopicSettings();
        portal = key("{\"name\":\"failure-portal\",\"role\":\"PARTNER_PORTAL\"}");
        Map<String, List<Scheme>> schemes = new HashMap<>();
        for (int a = 1; a <= AGENCIES; a++) {
            String agency = "failure-" + a;
            send("PUT", "/v1/agencies/" + agency, admin, null, """
                    { "name": "Failure test agency %d", "acronym": "FT%d", "organisationType": "40", "country": "JP",
                      "website": "https://example.org/failure", "regionsServed": [] }""".formatted(a, a), Set.of(200, 201));
            editors.put(agency, key("{\"name\":\"failure-editor-" + a + "\",\"role\":\"AGENCY_EDITOR\",\"agencyId\":\"" + agency + "\"}"));
            List<Scheme> own = new ArrayList<>();
            for (int s = 1; s <= SCHEMES_PER_AGENCY; s++) {
                own.add(new Scheme(agency, "FT-" + a + "-" + s));
            }
            schemes.put(agency, own);
        }
        for (int n = 0; n < NEEDS; n++) { // saved before the schemes exist: each scheme's first alert is NEW_MATCH
            needs.add(JSON.readTree(send("POST", "/v1/needs", portal, null, """
                    { "name": "Failure test need %d", "cityId": "1645457", "country": "TL", "applicantType": "LOCAL_GOVERNMENT",
                      "challenges": [ { "area": "SOLID_WASTE", "priority": 1 } ],
                      "budget": { "amount": "200000", "currency": "USD" }, "languages": ["en"] }""".formatted(n), Set.of(201)).body())
                    .path("id").asText());
        }
        for (List<Scheme> own : schemes.values()) {
            for (Scheme scheme : own) { // version 1, update number 0
                HttpResponse<String> created = send("PUT", "/v1/agencies/" + scheme.agency + "/schemes/" + scheme.ref,
                        editors.get(scheme.agency), null, body(scheme, 0).toString(), Set.of(201));
                scheme.version = Long.parseLong(created.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
                scheme.acknowledged.put(scheme.version, 0);
            }
        }

        Load load = new Load(schemes);
        load.run();
        long loadEnded = System.nanoTime();

        // the read models and the alerts, once they stop changing (or the time is up)
        List<Scheme> all = schemes.values().stream().flatMap(List::stream).toList();
        Map<String, JsonNode> catalogue = new HashMap<>();
        for (Scheme scheme : all) {
            catalogue.put(scheme.ref, JSON.readTree(read("/v1/agencies/" + scheme.agency + "/schemes/" + scheme.ref, admin)));
        }
        Convergence converged = awaitConvergence(all, catalogue);
        double convergedAfter = (System.nanoTime() - loadEnded) / 1e9;

        // acknowledged writes: none lost in the catalogue, each delivered to both read models
        int accepted = 0;
        int delivered = 0;
        List<String> lost = new ArrayList<>();
        for (Scheme scheme : all) {
            JsonNode now = catalogue.get(scheme.ref);
            long version = now.path("version").asLong();
            int number = numberOf(now.path("fundingRange").path("max"));
            for (Map.Entry<Long, Integer> ack : scheme.acknowledged.entrySet()) {
                if (ack.getValue() == 0) {
                    continue; // the creation, not an update of the load
                }
                accepted++;
                if (version < ack.getKey() || number < ack.getValue()) {
                    lost.add(scheme.ref + " v" + ack.getKey());
                } else if (converged.matchingNumber(scheme.ref) >= ack.getValue() && converged.twinningVersion(scheme.ref) >= ack.getKey()) {
                    delivered++;
                }
            }
        }
        Alerts alerts = checkAlerts(all, catalogue);

        System.out.printf("""
                Failure test (%d agencies, %d schemes, %d saved needs; 3 Kafka brokers, 2 instances of each service):
                  updates sent:       %d (%d single PUTs, %d in %d batches)
                  accepted (2xx):     %d
                  not acknowledged:   %d (5xx, 412 after an unknown outcome, or no answer; each re-read and carried on)
                  delivered:          %d of the accepted to both matching's and twinning's read models
                  lost (2xx not kept): %d %s
                  alerts:             %d, duplicates %d, missing %d
                  faults:             %s
                  longest write outage (first failure to next success): %.1f s
                  read models and alerts complete %.1f s after the last write; whole run %.0f s
                """, AGENCIES, all.size(), NEEDS, load.sent.get(), load.singles.get(), load.batchItems.get(), load.batches.get(),
                accepted, load.failed.get(), delivered, lost.size(), lost.isEmpty() ? "" : lost.subList(0, Math.min(5, lost.size())),
                alerts.count, alerts.duplicates, alerts.missing, load.faults, load.longestOutageNanos() / 1e9, convergedAfter,
                (System.nanoTime() - started) / 1e9);
        alerts.problems.stream().limit(10).forEach(p -> System.out.println("  alert problem: " + p));
        converged.problems.stream().limit(10).forEach(p -> System.out.println("  read model problem: " + p));

        assertEquals(4, load.faults.size(), "every fault was injected: " + load.faults);
        assertTrue(lost.isEmpty(), "acknowledged writes missing from the catalogue: " + lost);
        assertTrue(converged.problems.isEmpty(), "read models behind the catalogue: " + converged.problems);
        assertEquals(accepted, delivered, "every accepted update reached both read models");
        assertEquals(0, alerts.duplicates, "duplicate alerts: " + alerts.problems);
        assertEquals(0, alerts.missing, "missing alerts: " + alerts.problems);
        assertTrue(accepted > UPDATES / 2, "most updates were accepted: " + accepted + " of " + load.sent.get());
    }

    /** The topics of the cluster: replication factor 3, min.insync.replicas 2, several partitions, no unclean election. */
    private static void checkTopicSettings() throws Exception {
        try (Admin kafka = admin()) {
            TopicDescription topic = kafka.describeTopics(List.of("catalog.schemes")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("catalog.schemes");
            assertTrue(topic.partitions().size() >= 3, "several partitions");
            topic.partitions().forEach(p -> assertEquals(3, p.replicas().size(), "replicas of " + p));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "catalog.schemes");
            var config = kafka.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertEquals("2", config.get("min.insync.replicas").value());
            assertEquals("false", config.get("unclean.leader.election.enable").value());
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** The updates: one worker per agency, single PUTs and batches mixed, and the faults at set points of the run. */
    private static final class Load {
        final Map<String, List<Scheme>> schemes;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger singles = new AtomicInteger();
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger batchItems = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final List<String> faults = java.util.Collections.synchronizedList(new ArrayList<>());
        /** When the writes began failing (0: they succeed), and the longest stretch of failures so far. */
        final AtomicLong failingSince = new AtomicLong();
        final AtomicLong longestOutage = new AtomicLong();

        Load(Map<String, List<Scheme>> schemes) {
            this.schemes = schemes;
        }

        long longestOutageNanos() {
            return longestOutage.get();
        }

        void run() throws Exception {
            ExecutorService workers = Executors.newFixedThreadPool(schemes.size() + 1);
            try {
                List<Future<?>> running = new ArrayList<>();
                long seed = Long.getLong("citycoop.failure.seed", System.nanoTime());
                System.out.println("Failure test: " + UPDATES + " updates, seed " + seed);
                int w = 0;
                for (List<Scheme> own : schemes.values()) {
                    Random random = new Random(seed + w++);
                    running.add(workers.submit(() -> {
                        work(own, random);
                        return null;
                    }));
                }
                running.add(workers.submit(() -> {
                    injectFaults();
                    return null;
                }));
                // the first failure of a worker or of the faults ends the run (the others are interrupted)
                while (!running.stream().allMatch(Future::isDone)) {
                    for (Future<?> task : running) {
                        if (task.isDone()) {
                            task.get();
                        }
                    }
                    Thread.sleep(200);
                }
                for (Future<?> task : running) {
                    task.get();
                }
            } finally {
                workers.shutdownNow();
            }
        }

        private void work(List<Scheme> own, Random random) throws Exception {
            String agency = own.get(0).agency;
            while (sent.get() < UPDATES) {
                if (random.nextInt(3) == 0) { // a batch of the agency's schemes
                    List<Scheme> chosen = new ArrayList<>();
                    for (Scheme scheme : own) {
                        if (random.nextBoolean()) {
                            chosen.add(scheme);
                        }
                    }
                    if (chosen.isEmpty()) {
                        continue;
                    }
                    batch(agency, chosen);
                } else {
                    single(own.get(random.nextInt(own.size())));
                }
            }
        }

        private void single(Scheme scheme) throws Exception {
            int number = ++scheme.number;
            sent.incrementAndGet();
            singles.incrementAndGet();
            HttpResponse<String> answer = attempt("PUT", "/v1/agencies/" + scheme.agency + "/schemes/" + scheme.ref,
                    editors.get(scheme.agency), "\"" + scheme.version + "\"", body(scheme, number).toString());
            if (answer != null && answer.statusCode() == 200) {
                succeeded();
                scheme.version = Long.parseLong(answer.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
                scheme.acknowledged.put(scheme.version, number);
            } else {
                notAcknowledged(scheme, answer);
            }
        }

        private void batch(String agency, List<Scheme> chosen) throws Exception {
            ArrayNode items = JSON.createArrayNode();
            Map<String, Integer> numbers = new HashMap<>();
            for (Scheme scheme : chosen) {
                int number = ++scheme.number;
                numbers.put(scheme.ref, number);
                ObjectNode item = body(scheme, number);
                item.put("ref", scheme.ref);
                item.put("ifMatch", "\"" + scheme.version + "\"");
                items.add(item);
            }
            sent.addAndGet(chosen.size());
            batches.incrementAndGet();
            batchItems.addAndGet(chosen.size());
            HttpResponse<String> answer = attempt("POST", "/v1/agencies/" + agency + "/schemes:batch", editors.get(agency), null,
                    items.toString());
            if (answer == null || answer.statusCode() != 200) {
                for (Scheme scheme : chosen) {
                    notAcknowledged(scheme, answer);
                }
                return;
            }
            succeeded();
            Map<String, Scheme> byRef = new HashMap<>();
            chosen.forEach(s -> byRef.put(s.ref, s));
            for (JsonNode result : JSON.readTree(answer.body()).path("items")) {
                Scheme scheme = byRef.get(result.path("ref").asText());
                if ("UPDATED".equals(result.path("outcome").asText())) {
                    scheme.version = result.path("version").asLong();
                    scheme.acknowledged.put(scheme.version, numbers.get(scheme.ref));
                } else {
                    notAcknowledged(scheme, null);
                }
            }
        }

        /** No acknowledgement: the outcome is unknown, so the scheme's state is read again before its next update. */
        private void notAcknowledged(Scheme scheme, HttpResponse<String> answer) throws Exception {
            failed.incrementAndGet();
            if (answer == null || answer.statusCode() >= 500) {
                failing();
            }
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (true) {
                if (System.nanoTime() > until) {
                    throw new AssertionError(scheme.ref + " could not be read for 2 minutes");
                }
                HttpResponse<String> current = attempt("GET", "/v1/agencies/" + scheme.agency + "/schemes/" + scheme.ref,
                        editors.get(scheme.agency), null, null);
                if (current != null && current.statusCode() == 200) {
                    JsonNode now = JSON.readTree(current.body());
                    scheme.version = now.path("version").asLong();
                    scheme.number = Math.max(scheme.number, numberOf(now.path("fundingRange").path("max")));
                    return;
                }
                failing();
                Thread.sleep(200);
            }
        }

        private void failing() {
            failingSince.compareAndSet(0, System.nanoTime());
        }

        private void succeeded() {
            long since = failingSince.getAndSet(0);
            if (since != 0) {
                longestOutage.accumulateAndGet(System.nanoTime() - since, Math::max);
            }
        }

        /** The faults, each once the load has sent its share of the updates. */
        private void injectFaults() throws Exception {
            awaitSent(0.2);
            int leader;
            try (Admin kafka = admin()) {
                leader = kafka.describeTopics(List.of("catalog.schemes")).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get("catalog.schemes").partitions().get(0).leader().id();
            }
            suite.kill("kafka-" + leader);
            fault("killed kafka-" + leader + " (leader of catalog.schemes-0)");
            awaitSent(0.4);
            suite.kill("matching-service-2");
            fault("killed matching-service-2");
            awaitSent(0.55);
            suite.kill("catalog-service-2");
            fault("killed catalog-service-2");
            awaitSent(0.7);
            suite.restartPostgres();
            fault("restarted PostgreSQL");
        }

        private void fault(String what) {
            String done = what + " after " + sent.get() + " updates";
            faults.add(done);
            System.out.println("Failure test: " + done);
        }

        private void awaitSent(double share) throws InterruptedException {
            while (sent.get() < UPDATES * share) {
                Thread.sleep(50);
            }
        }
    }

    /** What the read models hold once they caught up with the catalogue (or the time ran out). */
    private record Convergence(Map<String, Integer> matching, Map<String, Long> twinning, List<String> problems) {
        int matchingNumber(String ref) {
            return matching.getOrDefault(ref, -1);
        }

        long twinningVersion(String ref) {
            return twinning.getOrDefault(ref, -1L);
        }
    }

    private static Convergence awaitConvergence(List<Scheme> all, Map<String, JsonNode> catalogue) throws Exception {
        long until = System.nanoTime() + CONVERGENCE.toNanos();
        while (true) {
            Map<String, Integer> matching = new HashMap<>();
            for (String need : needs) { // the lowest of the needs' views
                for (JsonNode item : JSON.readTree(read("/v1/needs/" + need + "/matches?limit=100", portal)).path("items")) {
                    String ref = item.path("scheme").path("ref").asText();
                    int number = numberOf(item.path("scheme").path("fundingRange").path("max"));
                    matching.merge(ref, number, Math::min);
                }
            }
            Map<String, Long> twinning = new HashMap<>();
            try (Connection db = DriverManager.getConnection(suite.jdbcUrl("twinning"), "postgres", "postgres");
                 PreparedStatement query = db.prepareStatement("SELECT ref, version FROM scheme WHERE agency_id LIKE 'failure-%'");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    twinning.put(rows.getString(1), rows.getLong(2));
                }
            }
            List<String> problems = new ArrayList<>();
            for (Scheme scheme : all) {
                JsonNode now = catalogue.get(scheme.ref);
                int number = numberOf(now.path("fundingRange").path("max"));
                if (matching.getOrDefault(scheme.ref, -1) != number) {
                    problems.add(scheme.ref + ": matching has update " + matching.get(scheme.ref) + ", the catalogue " + number);
                }
                if (twinning.getOrDefault(scheme.ref, -1L) != now.path("version").asLong()) {
                    problems.add(scheme.ref + ": twinning has v" + twinning.get(scheme.ref) + ", the catalogue v"
                            + now.path("version").asLong());
                }
            }
            if (problems.isEmpty() && alertsComplete(all, catalogue) || System.nanoTime() > until) {
                return new Convergence(matching, twinning, problems);
            }
            Thread.sleep(1000);
        }
    }

    /** Whether every need's latest alert of every scheme shows the catalogue's latest funding maximum. */
    private static boolean alertsComplete(List<Scheme> all, Map<String, JsonNode> catalogue) throws Exception {
        for (String need : needs) {
            Map<String, Integer> latest = new HashMap<>();
            for (JsonNode alert : alertsOf(need)) {
                JsonNode max = afterMax(alert);
                if (max != null) {
                    latest.merge(alert.path("scheme").path("ref").asText(), numberOf(max), Math::max);
                }
            }
            for (Scheme scheme : all) {
                if (latest.getOrDefault(scheme.ref, -1) != numberOf(catalogue.get(scheme.ref).path("fundingRange").path("max"))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final class Alerts {
        int count;
        int duplicates;
        int missing;
        final List<String> problems = new ArrayList<>();
    }

    /**
     * Per need and scheme, the alerts ordered by the scheme version they were raised for: a NEW_MATCH to the first
     * state, then CHANGED alerts each from the previous one's funding maximum to a higher one, the last at the latest
     * state. An alert for a version seen already, or that starts from a value no alert ended at, is a duplicate; a
     * chain that skips a step or ends short of the latest state misses an alert.
     */
    private static Alerts checkAlerts(List<Scheme> all, Map<String, JsonNode> catalogue) throws Exception {
        Alerts result = new Alerts();
        for (String need : needs) {
            Map<String, List<JsonNode>> byScheme = new HashMap<>();
            for (JsonNode alert : alertsOf(need)) {
                result.count++;
                byScheme.computeIfAbsent(alert.path("scheme").path("ref").asText(), r -> new ArrayList<>()).add(alert);
            }
            for (Scheme scheme : all) {
                List<JsonNode> chain = byScheme.getOrDefault(scheme.ref, List.of());
                chain.sort(java.util.Comparator.comparingLong(a -> a.path("scheme").path("version").asLong()));
                int previous = -1;
                long previousVersion = -1;
                for (JsonNode alert : chain) {
                    long version = alert.path("scheme").path("version").asLong();
                    String reason = alert.path("reason").asText();
                    JsonNode before = beforeMax(alert);
                    int after = afterMax(alert) == null ? -1 : numberOf(afterMax(alert));
                    if (version == previousVersion) {
                        result.duplicates++;
                        result.problems.add(need + " " + scheme.ref + ": a second alert for v" + version);
                    } else if (previous < 0) {
                        if (!"NEW_MATCH".equals(reason)) {
                            result.missing++;
                            result.problems.add(need + " " + scheme.ref + ": first alert " + reason + ", not NEW_MATCH");
                        }
                    } else if (!"CHANGED".equals(reason) || before == null || numberOf(before) != previous || after <= previous) {
                        boolean repeat = before != null && numberOf(before) < previous;
                        if (repeat) {
                            result.duplicates++;
                        } else {
                            result.missing++;
                        }
                        result.problems.add(need + " " + scheme.ref + ": " + reason + " v" + version + " from "
                                + (before == null ? "-" : numberOf(before)) + " to " + after + " after " + previous);
                    }
                    previous = Math.max(previous, after);
                    previousVersion = version;
                }
                int latest = numberOf(catalogue.get(scheme.ref).path("fundingRange").path("max"));
                if (previous != latest) {
                    result.missing++;
                    result.problems.add(need + " " + scheme.ref + ": alerts end at update " + previous + ", the catalogue is at " + latest);
                }
            }
        }
        return result;
    }

    private static JsonNode beforeMax(JsonNode alert) {
        return change(alert, "before");
    }

    private static JsonNode afterMax(JsonNode alert) {
        return change(alert, "after");
    }

    private static JsonNode change(JsonNode alert, String side) {
        for (JsonNode change : alert.path("changes")) {
            if ("fundingRange.max".equals(change.path("field").asText()) && change.has(side) && !change.get(side).isNull()) {
                return change.get(side);
            }
        }
        return null;
    }

    /** Every alert of a need, page by page (each page's {@code next} is the next page's path). */
    private static List<JsonNode> alertsOf(String need) throws Exception {
        List<JsonNode> alerts = new ArrayList<>();
        String next = "/v1/needs/" + need + "/alerts?limit=100";
        do {
            JsonNode page = JSON.readTree(read(next, portal));
            page.path("items").forEach(alerts::add);
            next = page.hasNonNull("next") ? URI.create(page.get("next").asText()).getRawPath() + "?"
                    + URI.create(page.get("next").asText()).getRawQuery() : null;
        } while (next != null);
        return alerts;
    }

    /** The update number a funding maximum carries (BASE_MAX + number); a money object or a bare amount. */
    private static int numberOf(JsonNode money) {
        JsonNode amount = money.isObject() ? money.path("amount") : money;
        return new BigDecimal(amount.asText()).subtract(BASE_MAX).intValueExact();
    }

    /** A scheme that both saved needs match, its funding maximum carrying the update's number. */
    private static ObjectNode body(Scheme scheme, int number) throws IOException {
        return (ObjectNode) JSON.readTree("""
                { "name": "Composting centres %s",
                  "description": "Technical assistance to plan and run neighbourhood composting centres.",
                  "supportTypes": ["TECHNICAL"], "challengeAreas": ["SOLID_WASTE"], "sectors": ["14050"],
                  "applicantTypes": ["LOCAL_GOVERNMENT"], "channel": "DIRECT", "eligibleCountries": ["TL"],
                  "fundingRange": { "min": { "amount": "50000", "currency": "USD" }, "max": { "amount": "%s", "currency": "USD" } },
                  "processSteps": [ { "title": "Concept note", "actor": "CITY", "typicalDays": 10 } ],
                  "window": { "kind": "ROLLING" },
                  "sourceUrl": "https://example.org/%s", "verifiedOn": "2026-11-29" }"""
                .formatted(scheme.ref, BASE_MAX.add(BigDecimal.valueOf(number)).toPlainString(), scheme.ref.toLowerCase()));
    }

    private static String key(String client) throws Exception {
        return JSON.readTree(send("POST", "/v1/clients", admin, null, client, Set.of(201)).body()).path("key").asText();
    }

    /** A GET that must succeed (retried while the suite recovers). */
    private static String read(String path, String key) throws Exception {
        for (int attempt = 0; attempt < 60; attempt++) {
            HttpResponse<String> answer = attempt("GET", path, key, null, null);
            if (answer != null && answer.statusCode() == 200) {
                return answer.body();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("GET " + path + " did not succeed within 30 s");
    }

    private static HttpResponse<String> send(String method, String path, String key, String ifMatch, String body,
            Set<Integer> expected) throws Exception {
        HttpResponse<String> answer = attempt(method, path, key, ifMatch, body);
        if (answer == null || !expected.contains(answer.statusCode())) {
            throw new AssertionError(method + " " + path + " answered " + (answer == null ? "nothing" : answer.statusCode()
                    + " " + answer.body()));
        }
        return answer;
    }

    /** One request through the gateway; null when no answer came. */
    private static HttpResponse<String> attempt(String method, String path, String key, String ifMatch, String body)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException noAnswer) {
            return null;
        }
    }
}
