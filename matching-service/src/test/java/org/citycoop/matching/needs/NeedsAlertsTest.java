package org.citycoop.matching.needs;

import org.citycoop.matching.readmodel.ReadModelConsumers;
import org.citycoop.devstack.ExampleEvents;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.citycoop.matching.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.citycoop.devstack.MetricsText;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static io.restassured.RestAssured.given;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saved needs over HTTP, and the alerts that catalogue and twinning events raise for them: published as the
 * other services publish, then read from {@code GET /v1/needs/{id}/alerts} and received by a webhook.
 */
@QuarkusTest
class NeedsAlertsTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager entityManager;

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(9));
    private static final String CREATED = ReadModelConsumers.SCHEME_CREATED;
    private static final String UPDATED = ReadModelConsumers.SCHEME_UPDATED;

    private EventPublisher events;

    @BeforeEach
    void openPublisher() {
        events = new EventPublisher();
    }

    @AfterEach
    void closePublisher() {
        events.close();
    }

    @Test
    void aSavedNeedIsCreatedReadListedChangedWithIfMatchAndDeleted() {
        String city = newCityId();
        String key = UUID.randomUUID().toString();
        Response created = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(need(city, "Waste"))
                .post("/v1/needs");
        created.then().statusCode(201).header("ETag", "\"1\"").header("Location", startsWith("http"))
                .body("name", equalTo("Waste")).body("createdBy", equalTo("test-admin"))
                .body("profile.cityId", equalTo(city)).body("profile.challenges[0].area", equalTo("SOLID_WASTE"));
        String id = created.jsonPath().getString("id");

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(need(city, "Waste")).post("/v1/needs")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(need(city, "Other")).post("/v1/needs")
                .then().statusCode(409);

        given().get("/v1/needs/" + id).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Waste"));
        given().contentType(ContentType.JSON).body(need(city, "Second")).post("/v1/needs").then().statusCode(201);
        JsonPath page = given().queryParam("city", city).queryParam("limit", 1).get("/v1/needs").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(id), page.getList("items.id"));
        String next = page.getString("next");
        assertNotNull(next);
        JsonPath second = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Second"), second.getList("items.name"));
        assertNull(second.getString("next"));

        given().contentType(ContentType.JSON).body(need(city, "Renamed")).put("/v1/needs/" + id).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(need(city, "Renamed")).put("/v1/needs/" + id)
                .then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(need(city, "Renamed")).put("/v1/needs/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("Renamed"));

        given().contentType(ContentType.JSON).body(need(city, "Bad").replace("\"ID\"", "\"ZZ\"")).post("/v1/needs")
                .then().statusCode(422).body("errors[0].field", equalTo("country"));
        given().contentType(ContentType.JSON).body(need(city, " ")).post("/v1/needs").then().statusCode(422);

        given().delete("/v1/needs/" + id).then().statusCode(204);
        given().get("/v1/needs/" + id).then().statusCode(404);
        given().get("/v1/needs/not-a-uuid").then().statusCode(404);
    }

    @Test
    void aMatchingSchemeRaisesAlertsWhenItAppearsChangesAndIsWithdrawnAndAWebhookReceivesThemSigned() throws Exception {
        LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
        AtomicBoolean refusedOnce = new AtomicBoolean();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, new HashMap<>(exchange.getRequestHeaders())));
            // the first attempt is refused, so the delivery is retried
            exchange.sendResponseHeaders(refusedOnce.getAndSet(true) ? 204 : 503, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String city = newCityId();
            String needId = given().contentType(ContentType.JSON).body(need(city, "Alerts")).post("/v1/needs")
                    .then().statusCode(201).extract().path("id");
            JsonPath subscription = given().contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "needId", needId))
                    .post("/v1/subscriptions").then().statusCode(201).body("mode", equalTo("IMMEDIATE")).extract().jsonPath();
            String secret = subscription.getString("secret");
            assertTrue(secret.startsWith("whsec_"));
            String subscriptionId = subscription.getString("id");
            given().get("/v1/subscriptions/" + subscriptionId).then().statusCode(200).body("secret", equalTo(null));
            String digestId = given().contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/digest", "mode", "DAILY_DIGEST"))
                    .post("/v1/subscriptions").then().statusCode(201).body("needId", equalTo(null)).extract().path("id");
            given().contentType(ContentType.JSON).body(Map.of("url", "ftp://127.0.0.1/hook")).post("/v1/subscriptions")
                    .then().statusCode(422).body("errors[0].field", equalTo("url"));
            given().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1/hook", "needId", UUID.randomUUID().toString()))
                    .post("/v1/subscriptions").then().statusCode(422).body("errors[0].field", equalTo("needId"));

            String schemeId = UUID.randomUUID().toString();
            ObjectNode scheme = openScheme(schemeId, 1, NOW.plusDays(90));
            events.publish("catalog.schemes", ReadModelConsumers.SCHEME_CREATED, schemeId, scheme.toString());
            Map<String, Object> appeared = awaitAlert(needId, schemeId, 1);
            assertEquals("NEW_MATCH", appeared.get("reason"));
            assertEquals(Map.of("field", "eligible", "before", false, "after", true), ((List<?>) appeared.get("changes")).get(0));

            Received refused = received.poll(60, TimeUnit.SECONDS);
            assertNotNull(refused, "the webhook received the alert");
            Received delivery = received.poll(60, TimeUnit.SECONDS);
            assertNotNull(delivery, "the refused delivery was retried");
            for (Received attempt : List.of(refused, delivery)) {
                // Standard Webhooks' own verifier checks webhook-id, webhook-timestamp and webhook-signature
                new Webhook(secret).verify(attempt.body(), attempt.headers());
                assertEquals(JsonPath.from(attempt.body()).getString("deliveryId"), attempt.header("webhook-id"));
                // the headers of the previous release, kept for one release
                assertEquals(attempt.header("webhook-id"), attempt.header("CityCoop-Delivery"));
                assertEquals(attempt.header("webhook-timestamp"), attempt.header("CityCoop-Timestamp"));
                assertEquals(legacySignature(secret, attempt.header("CityCoop-Timestamp"), attempt.body()), attempt.header("CityCoop-Signature"));
            }
            assertEquals(refused.header("webhook-id"), delivery.header("webhook-id"), "the id is the same on a retry");
            assertThrows(WebhookVerificationException.class, () -> new Webhook(secret).verify(delivery.body() + " ", delivery.headers()),
                    "another body does not verify");
            JsonPath sent = JsonPath.from(delivery.body());
            assertEquals(appeared.get("id"), sent.getString("alerts[0].id"));
            assertEquals(subscriptionId, sent.getString("subscriptionId"));
            await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/subscriptions/" + subscriptionId + "/deliveries")
                    .then().statusCode(200).body("items[0].status", equalTo("DELIVERED")).body("items[0].lastStatusCode", equalTo(204)));
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(MetricsText.sum(metrics, "citycoop_webhook_attempts_total", "outcome=\"delivered\"") >= 1, "delivered attempts counted");
            assertTrue(MetricsText.sum(metrics, "citycoop_webhook_attempts_total", "outcome=\"failed\"") >= 1, "the refused attempt counted");

            OffsetDateTime later = NOW.plusDays(120);
            events.publish("catalog.schemes", ReadModelConsumers.SCHEME_UPDATED, schemeId, openScheme(schemeId, 2, later).toString());
            Map<String, Object> changed = awaitAlert(needId, schemeId, 2);
            assertEquals("CHANGED", changed.get("reason"));
            // as the API writes times: with seconds always (OffsetDateTime.toString drops them when zero)
            assertEquals(List.of(Map.of("field", "window.deadline", "before", ISO_OFFSET_DATE_TIME.format(NOW.plusDays(90)),
                            "after", ISO_OFFSET_DATE_TIME.format(later))),
                    changed.get("changes"));

            ObjectNode unchanged = openScheme(schemeId, 3, later);
            unchanged.put("description", "Only the wording changed.");
            events.publish("catalog.schemes", ReadModelConsumers.SCHEME_UPDATED, schemeId, unchanged.toString());
            events.publish("catalog.schemes", ReadModelConsumers.SCHEME_WITHDRAWN, schemeId, openScheme(schemeId, 4, later).toString());
            Map<String, Object> withdrawn = awaitAlert(needId, schemeId, 3);
            assertEquals("NO_LONGER_MATCHING", withdrawn.get("reason"), "a change of wording raised no alert");
            assertEquals("status", ((Map<?, ?>) ((List<?>) withdrawn.get("failedCriteria")).get(0)).get("criterion"));
            assertNotNull(received.poll(60, TimeUnit.SECONDS), "the second alert was delivered");

            // The digest subscription (all of the creator's needs) collects the alerts in one delivery due at 00:00 UTC.
            JsonPath digest = given().get("/v1/subscriptions/" + digestId + "/deliveries").then().statusCode(200).extract().jsonPath();
            assertEquals(1, digest.getList("items").size());
            assertEquals("PENDING", digest.getString("items[0].status"));
            assertEquals(true, digest.getBoolean("items[0].digest"));
            assertTrue(digest.getList("items[0].alertIds").containsAll(List.of(appeared.get("id"), changed.get("id"), withdrawn.get("id"))));
            OffsetDateTime due = OffsetDateTime.parse(digest.getString("items[0].nextAttemptAt")).withOffsetSameInstant(ZoneOffset.UTC);
            assertEquals(java.time.LocalTime.MIDNIGHT, due.toLocalTime(), "due at 00:00 UTC");
            assertTrue(due.isAfter(OffsetDateTime.parse((String) appeared.get("createdAt"))), "due after the first alert");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void anArrangementBecomingActiveReEvaluatesTheCitysSavedNeeds() {
        String city = newCityId();
        String schemeId = UUID.randomUUID().toString();
        ObjectNode scheme = openScheme(schemeId, 1, NOW.plusDays(90));
        scheme.putObject("partnerCityRequired").put("country", "JP");
        events.publish("catalog.schemes", ReadModelConsumers.SCHEME_CREATED, schemeId, scheme.toString());
        await().atMost(PATIENCE).until(() -> given().contentType(ContentType.JSON).body(need(city, "x").replace("\"name\": \"x\",", ""))
                .post("/v1/matches?includeIneligible=true").then().extract().jsonPath().getList("items.scheme.id").contains(schemeId));
        String needId = given().contentType(ContentType.JSON).body(need(city, "Twinned")).post("/v1/needs")
                .then().statusCode(201).extract().path("id");
        given().get("/v1/needs/" + needId + "/matches").then().statusCode(200);

        String arrangementId = UUID.randomUUID().toString();
        ObjectNode arrangement = ExampleEvents.data(ReadModelConsumers.ARRANGEMENT_UPDATED).put("id", arrangementId).put("status", "ACTIVE").put("version", 1);
        ArrayNode cities = arrangement.putArray("cities");
        cities.addObject().put("cityId", "1859307").put("name", "Kitakyushu").put("country", "JP").put("role", "MENTOR");
        cities.addObject().put("cityId", city).put("name", "Test City").put("country", "ID").put("role", "PARTNER");
        events.publish("twinning.arrangements", ReadModelConsumers.ARRANGEMENT_UPDATED, arrangementId, arrangement.toString());

        Map<String, Object> alert = awaitAlert(needId, schemeId, 1);
        assertEquals("NEW_MATCH", alert.get("reason"));
        assertTrue(given().get("/v1/needs/" + needId + "/matches").then().statusCode(200).extract().jsonPath()
                .getList("items.scheme.id").contains(schemeId));
    }

    @Test
    void anAgencysNewIatiActivityReEvaluatesTheSavedNeedsItsSchemesMatch() {
        String agencyId = "agency-" + UUID.randomUUID();
        String schemeId = UUID.randomUUID().toString();
        ObjectNode scheme = openScheme(schemeId, 1, NOW.plusDays(90)).put("agencyId", agencyId);
        scheme.putArray("sectors").add("14050");
        events.publish("catalog.schemes", ReadModelConsumers.SCHEME_CREATED, schemeId, scheme.toString());
        String city = newCityId();
        await().atMost(PATIENCE).until(() -> given().contentType(ContentType.JSON).body(need(city, "x").replace("\"name\": \"x\",", ""))
                .post("/v1/matches").then().extract().jsonPath().getList("items.scheme.id").contains(schemeId));
        String needId = given().contentType(ContentType.JSON).body(need(city, "Track record")).post("/v1/needs")
                .then().statusCode(201).extract().path("id");
        double before = storedScore(needId, schemeId);

        String activityId = UUID.randomUUID().toString();
        events.publish("catalog.activities", ReadModelConsumers.ACTIVITY_CREATED, activityId,
                ExampleEvents.data(ReadModelConsumers.ACTIVITY_CREATED).put("id", activityId).put("agencyId", agencyId).toString());

        // the saved match is evaluated again with the activity counted: the track record goes from unknown (0.5) to met (1)
        await().atMost(PATIENCE).until(() -> storedScore(needId, schemeId) > before);
        assertEquals(before + 0.05, storedScore(needId, schemeId), 0.0011);
    }

    /** The score of the saved need's stored match state (table need_match), as the evaluator last wrote it. */
    private double storedScore(String needId, String schemeId) {
        return ((Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT CAST(state ->> 'score' AS float8) FROM need_match WHERE need_id = CAST(?1 AS uuid) AND scheme_id = ?2")
                .setParameter(1, needId).setParameter(2, schemeId).getSingleResult())).doubleValue();
    }

    /** A request the receiver got: its raw body and its headers. */
    private record Received(String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    /** The previous release's {@code CityCoop-Signature}: {@code sha256=} + hex HMAC-SHA256(UTF-8 secret, timestamp.body). */
    private static String legacySignature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits until the need has {@code count} alerts about the scheme and returns the last one. */
    @Test
    void aPollDeliveredAgainChangesNothingAndRaisesNoSecondAlert() {
        String needId = given().contentType(ContentType.JSON).body(need(newCityId(), "Redelivery")).post("/v1/needs")
                .then().statusCode(201).extract().path("id");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        List<String> eventIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        String created = ReadModelConsumers.SCHEME_CREATED;
        events.publishTogether("catalog.schemes", 0, List.of(
                new EventPublisher.Event(eventIds.get(0), created, first, openScheme(first, 1, NOW.plusDays(90)).toString()),
                new EventPublisher.Event(eventIds.get(1), created, second, openScheme(second, 1, NOW.plusDays(90)).toString())));
        assertEquals("NEW_MATCH", awaitAlert(needId, first, 1).get("reason"));
        assertEquals("NEW_MATCH", awaitAlert(needId, second, 1).get("reason"));

        // The same event ids again, their data altered (withdrawn, a higher version): only the processed-event log
        // can tell that they were applied, and it must, or the schemes would be stored withdrawn with an alert each.
        events.publishTogether("catalog.schemes", 0, List.of(
                new EventPublisher.Event(eventIds.get(0), created, first, openScheme(first, 2, NOW.plusDays(90)).put("status", "WITHDRAWN").toString()),
                new EventPublisher.Event(eventIds.get(1), created, second, openScheme(second, 2, NOW.plusDays(90)).put("status", "WITHDRAWN").toString())));
        String marker = UUID.randomUUID().toString();
        events.publish("catalog.schemes", 0, UUID.randomUUID().toString(), created, marker,
                openScheme(marker, 1, NOW.plusDays(90)).toString());
        assertEquals("NEW_MATCH", awaitAlert(needId, marker, 1).get("reason"));
        // The marker came after them on the partition: had they been applied, their alerts would be there by now.
        awaitAlert(needId, first, 1);
        awaitAlert(needId, second, 1);
    }

    @Test
    void anAlertGoesOnlyToSubscriptionsWhoseOwnerMayStillSeeTheNeed() {
        String portal = "Bearer " + org.citycoop.devstack.TestTokens.partnerPortal("portal-" + newCityId());
        String firstCity = newCityId();
        String secondCity = newCityId();
        String editor = "Bearer " + org.citycoop.devstack.TestTokens.cityEditor(firstCity);
        String needId = given().header("Authorization", portal).contentType(ContentType.JSON).body(need(firstCity, "Moved"))
                .post("/v1/needs").then().statusCode(201).extract().path("id");
        // the city's editor sees the need and subscribes to it; the portal subscribes to all of its own
        String editors = given().header("Authorization", editor).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/editor", "needId", needId))
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id");
        String portals = given().header("Authorization", portal).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/portal", "mode", "DAILY_DIGEST"))
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id");
        // the portal moves its need to another city: the first city's editor no longer sees it
        given().header("Authorization", portal).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(need(secondCity, "Moved")).put("/v1/needs/" + needId).then().statusCode(200);
        given().header("Authorization", editor).get("/v1/needs/" + needId).then().statusCode(404);

        String schemeId = UUID.randomUUID().toString();
        events.publish("catalog.schemes", ReadModelConsumers.SCHEME_CREATED, schemeId, openScheme(schemeId, 1, NOW.plusDays(90)).toString());
        awaitAlert(needId, schemeId, 1);
        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", portal).get("/v1/subscriptions/" + portals + "/deliveries")
                .then().statusCode(200).body("items.size()", equalTo(1)));
        given().header("Authorization", editor).get("/v1/subscriptions/" + editors + "/deliveries")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    private static Map<String, Object> awaitAlert(String needId, String schemeId, int count) {
        List<Map<String, Object>> alerts = await().atMost(PATIENCE).until(() -> given().queryParam("limit", 100)
                        .get("/v1/needs/" + needId + "/alerts").then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("items").stream()
                        .filter(alert -> schemeId.equals(((Map<?, ?>) alert.get("scheme")).get("id"))).toList(),
                found -> found.size() >= count);
        assertEquals(count, alerts.size(), "no other alert was raised meanwhile");
        return alerts.get(count - 1);
    }

    private static ObjectNode openScheme(String id, int version, OffsetDateTime deadline) {
        ObjectNode scheme = ExampleEvents.data(ReadModelConsumers.SCHEME_UPDATED).put("id", id).put("version", version).put("status", "OPEN");
        scheme.putArray("challengeAreas").add("SOLID_WASTE");
        scheme.putObject("window").put("kind", "FIXED").put("opens", NOW.minusDays(1).toString()).put("deadline", deadline.toString());
        return scheme;
    }

    private static String need(String cityId, String name) {
        return """
                { "name": "%s", "cityId": "%s", "country": "ID", "applicantType": "LOCAL_GOVERNMENT",
                  "challenges": [ { "area": "SOLID_WASTE", "priority": 1 } ],
                  "budget": { "amount": "30000", "currency": "USD" }, "languages": ["en"] }""".formatted(name, cityId);
    }

    private static String newCityId() {
        return "8" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    // Several versions of a scheme in one poll of catalog.schemes: the alerts are those one event at a time would raise.

    @Test
    void aSchemeThatMatchesThenLeavesTheAreaInOnePollRaisesNewMatchThenNoLongerMatching() {
        String needId = newNeed();
        String schemeId = UUID.randomUUID().toString();
        events.publishTogether("catalog.schemes", 0, List.of(
                event(CREATED, schemeId, scheme(schemeId, 1, "SOLID_WASTE")),
                event(UPDATED, schemeId, scheme(schemeId, 2, "AIR_QUALITY"))));
        marker(needId);
        assertEquals(List.of("NEW_MATCH", "NO_LONGER_MATCHING"), reasons(needId, schemeId));
    }

    @Test
    void aMatchedSchemeThatLeavesAndComesBackInOnePollRaisesNoLongerMatchingThenNewMatch() {
        String needId = newNeed();
        String schemeId = UUID.randomUUID().toString();
        events.publishTogether("catalog.schemes", 0, List.of(event(CREATED, schemeId, scheme(schemeId, 1, "SOLID_WASTE"))));
        await().atMost(PATIENCE).until(() -> reasons(needId, schemeId).size() == 1);
        events.publishTogether("catalog.schemes", 0, List.of(
                event(UPDATED, schemeId, scheme(schemeId, 2, "AIR_QUALITY")),
                event(UPDATED, schemeId, scheme(schemeId, 3, "SOLID_WASTE")),
                event(UPDATED, schemeId, scheme(schemeId, 4, "AIR_QUALITY"))));
        marker(needId);
        assertEquals(List.of("NEW_MATCH", "NO_LONGER_MATCHING", "NEW_MATCH", "NO_LONGER_MATCHING"), reasons(needId, schemeId));
    }

    @Test
    void aRefusedRecordBetweenTwoVersionsLeavesTheAlertsOfTheOthers() {
        String needId = newNeed();
        String schemeId = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        ObjectNode farFuture = ExampleEvents.data(ReadModelConsumers.SCHEME_UPDATED).put("id", refused).put("version", 1).put("status", "OPEN");
        farFuture.putArray("challengeAreas").add("SOLID_WASTE");
        farFuture.putObject("window").put("kind", "FIXED").put("opens", NOW.minusDays(1).toString()).put("deadline", "+300000-01-01T00:00:00Z");
        events.publishTogether("catalog.schemes", 0, List.of(
                event(CREATED, schemeId, scheme(schemeId, 1, "SOLID_WASTE")),
                event(CREATED, refused, farFuture.toString()),
                event(UPDATED, schemeId, scheme(schemeId, 2, "AIR_QUALITY"))));
        marker(needId);
        assertEquals(List.of("NEW_MATCH", "NO_LONGER_MATCHING"), reasons(needId, schemeId));
        assertEquals(List.of(), reasons(needId, refused));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(MetricsText.sum(metrics, "citycoop_events_dead_letters_total") >= 1, "the refused record is counted as a dead letter");
    }

    private void marker(String needId) {
        String marker = UUID.randomUUID().toString();
        events.publishTogether("catalog.schemes", 0, List.of(event(CREATED, marker, scheme(marker, 1, "SOLID_WASTE"))));
        await().atMost(PATIENCE).until(() -> reasons(needId, marker).size() == 1);
    }

    private static List<String> reasons(String needId, String schemeId) {
        List<Map<String, Object>> items = given().queryParam("limit", 100).get("/v1/needs/" + needId + "/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items");
        List<Map<String, Object>> mine = items.stream().filter(a -> schemeId.equals(((Map<?, ?>) a.get("scheme")).get("id"))).toList();
        // newest first or oldest first? order by createdAt then by scheme version
        return mine.stream().sorted(java.util.Comparator.comparing((Map<String, Object> a) -> String.valueOf(a.get("createdAt")))
                        .thenComparing(a -> ((Number) ((Map<?, ?>) a.get("scheme")).get("version")).longValue()))
                .map(a -> (String) a.get("reason")).toList();
    }

    private static EventPublisher.Event event(String type, String id, String data) {
        return new EventPublisher.Event(UUID.randomUUID().toString(), type, id, data);
    }

    private static String scheme(String id, int version, String area) {
        ObjectNode scheme = ExampleEvents.data(ReadModelConsumers.SCHEME_UPDATED).put("id", id).put("version", version).put("status", "OPEN");
        scheme.putArray("challengeAreas").add(area);
        scheme.putObject("window").put("kind", "FIXED").put("opens", NOW.minusDays(1).toString()).put("deadline", NOW.plusDays(90).toString());
        return scheme.toString();
    }

    private static String newNeed() {
        String body = """
                { "name": "Alerts in one poll", "cityId": "%s", "country": "ID", "applicantType": "LOCAL_GOVERNMENT",
                  "challenges": [ { "area": "SOLID_WASTE", "priority": 1 } ],
                  "budget": { "amount": "30000", "currency": "USD" }, "languages": ["en"] }"""
                .formatted("8" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
        return given().contentType(ContentType.JSON).body(body).post("/v1/needs").then().statusCode(201).extract().path("id");
    }
}
