package org.citycoop.matching.needs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.citycoop.matching.EventPublisher;
import org.citycoop.matching.ExampleEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Alerts when one poll carries several versions of one scheme (the consumers now store a poll in one JDBC batch and
 * look up the affected needs once, before evaluating): the alerts must be those one event at a time would raise.
 */
@QuarkusTest
class AlertsInOnePollTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(9));
    private static final String CREATED = "org.citycoop.catalog.scheme.created.v1";
    private static final String UPDATED = "org.citycoop.catalog.scheme.updated.v1";

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
        ObjectNode farFuture = ExampleEvents.data(ExampleEvents.SCHEME).put("id", refused).put("version", 1).put("status", "OPEN");
        farFuture.putArray("challengeAreas").add("SOLID_WASTE");
        farFuture.putObject("window").put("kind", "FIXED").put("opens", NOW.minusDays(1).toString()).put("deadline", "+300000-01-01T00:00:00Z");
        events.publishTogether("catalog.schemes", 0, List.of(
                event(CREATED, schemeId, scheme(schemeId, 1, "SOLID_WASTE")),
                event(CREATED, refused, farFuture.toString()),
                event(UPDATED, schemeId, scheme(schemeId, 2, "AIR_QUALITY"))));
        marker(needId);
        assertEquals(List.of("NEW_MATCH", "NO_LONGER_MATCHING"), reasons(needId, schemeId));
        assertEquals(List.of(), reasons(needId, refused));
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
        ObjectNode scheme = ExampleEvents.data(ExampleEvents.SCHEME).put("id", id).put("version", version).put("status", "OPEN");
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
