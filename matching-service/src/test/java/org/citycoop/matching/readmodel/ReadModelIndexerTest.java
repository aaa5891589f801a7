package org.citycoop.matching.readmodel;

import org.citycoop.devstack.ExampleEvents;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.citycoop.matching.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-memory read model against the real broker and database: what the consumers commit shows in
 * {@code POST /v1/matches}, a reload from the database gives the same entries, and a refresh picks up rows that
 * another instance's consumer wrote, also from a transaction that commits after the refresh began.
 */
@QuarkusTest
class ReadModelIndexerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(9));
    /** Bhutan: no other test's scheme is open to it. */
    private static final String PROFILE = """
            { "country": "BT", "applicantType": "LOCAL_GOVERNMENT",
              "challenges": [ { "area": "APPROPRIATE_TECHNOLOGY", "priority": 1 } ] }""";

    @Inject
    ReadModelIndex index;

    @Inject
    ReadModelIndexer indexer;

    @Inject
    SchemeRepository schemes;

    @Inject
    DataSource dataSource;

    @Inject
    EventJson json;

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
    void aConsumedSchemeAndItsAgencysNewNameShowInMatchesAndAReloadFromTheDatabaseGivesTheSameIndex() {
        String agencyId = "agency-" + UUID.randomUUID();
        events.publish("catalog.agencies", ReadModelConsumers.AGENCY_CREATED, agencyId,
                agency(agencyId, 1, "Index Test Agency").toString());
        String schemeId = UUID.randomUUID().toString();
        events.publish("catalog.schemes", ReadModelConsumers.SCHEME_CREATED, schemeId,
                scheme(schemeId, 1).put("agencyId", agencyId).toString());
        await().atMost(PATIENCE).until(() -> "Index Test Agency".equals(matchedAgencyName(schemeId)));

        events.publish("catalog.agencies", ReadModelConsumers.AGENCY_UPDATED, agencyId,
                agency(agencyId, 2, "Index Test Agency, renamed").toString());
        await().atMost(PATIENCE).until(() -> "Index Test Agency, renamed".equals(matchedAgencyName(schemeId)));

        ReadModelIndexer restarted = new ReadModelIndexer();
        restarted.index = new ReadModelIndex();
        restarted.dataSource = dataSource;
        restarted.json = json;
        restarted.load();
        assertEquals(index.scheme(schemeId), restarted.index.scheme(schemeId));
        assertEquals(index.agency(agencyId), restarted.index.agency(agencyId));
        assertEquals("Index Test Agency, renamed", restarted.index.agency(agencyId).orElseThrow().name());
        assertEquals(index.schemeCount(), restarted.index.schemeCount());
        assertEquals(index.agencyCount(), restarted.index.agencyCount());
        assertEquals(index.arrangementCount(), restarted.index.arrangementCount());
    }

    @Test
    void aRefreshReadsWhatAnotherInstanceCommittedAndNothingUncommitted() throws Exception {
        String committedFirst = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> schemes.storeAll(List.of(parse(scheme(committedFirst, 1)))));
        indexer.refresh();
        assertTrue(index.scheme(committedFirst).isPresent(), "a row written without an event of this instance");

        String committedLate = UUID.randomUUID().toString();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Thread otherInstance = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            schemes.storeAll(List.of(parse(scheme(committedLate, 1))));
            written.countDown();
            try {
                commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        otherInstance.start();
        assertTrue(written.await(30, TimeUnit.SECONDS));
        indexer.refresh();
        assertTrue(index.scheme(committedLate).isEmpty(), "not committed yet");
        commit.countDown();
        otherInstance.join(30_000);

        indexer.refresh();
        assertTrue(index.scheme(committedLate).isPresent(), "committed after the previous refresh began");
        assertTrue(matchedAgencyNames().containsKey(committedLate), "and is matched");
    }

    /** The agency name shown beside the scheme in the matches of {@link #PROFILE}, or null when it is not matched. */
    private static String matchedAgencyName(String schemeId) {
        return matchedAgencyNames().getOrDefault(schemeId, null);
    }

    /** Scheme id to agency name (empty when unknown) of the matches of {@link #PROFILE}. */
    private static Map<String, String> matchedAgencyNames() {
        List<Map<String, Object>> items = given().contentType(ContentType.JSON).body(PROFILE).post("/v1/matches?limit=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, String> names = new java.util.HashMap<>();
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> scheme = (Map<String, Object>) item.get("scheme");
            names.put((String) scheme.get("id"), scheme.get("agencyName") == null ? "" : (String) scheme.get("agencyName"));
        }
        return names;
    }

    /** The catalogue's example scheme, open to local governments of Bhutan for appropriate technology. */
    private static ObjectNode scheme(String id, long version) {
        ObjectNode scheme = ExampleEvents.data(ReadModelConsumers.SCHEME_UPDATED).put("id", id).put("version", version).put("status", "OPEN");
        scheme.putArray("challengeAreas").add("APPROPRIATE_TECHNOLOGY");
        scheme.putArray("eligibleCountries").add("BT");
        scheme.remove("partnerCityRequired");
        scheme.putObject("window").put("kind", "FIXED").put("opens", NOW.minusDays(1).toString())
                .put("deadline", NOW.plusDays(300).toString());
        return scheme;
    }

    private static ObjectNode agency(String id, long version, String name) {
        return ExampleEvents.data(ReadModelConsumers.AGENCY_UPDATED).put("id", id).put("version", version).put("name", name);
    }

    private SchemeData parse(ObjectNode scheme) {
        try {
            return json.read(scheme.toString(), SchemeData.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
