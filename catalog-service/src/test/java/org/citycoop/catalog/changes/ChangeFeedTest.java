package org.citycoop.catalog.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.citycoop.catalog.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.citycoop.catalog.Fixtures.putScheme;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ChangeFeedTest {

    private static JsonPath get(String link) {
        return given().urlEncodingEnabled(false).get(link).then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
    }

    /** The feed's current end: the next link after every change made so far. */
    private static String head() {
        String next = "/v1/changes?limit=100";
        while (true) {
            JsonPath page = get(next);
            next = page.getString("next");
            assertNotNull(next);
            if (page.getList("items").isEmpty()) {
                return next;
            }
        }
    }

    @Test
    void changesAppearInOrderAndPagingVisitsEachOnceAndPollingGivesOnlyNewOnes() {
        String start = head();
        String agency = Fixtures.createAgency("feed");
        ObjectNode body = Fixtures.scheme();
        String schemeId = putScheme(agency, "F1", body).statusCode(201).extract().path("id");
        putScheme(agency, "F1", body).statusCode(200).body("version", equalTo(1)); // identical re-send: no change
        body.put("description", "Renamed.");
        putScheme(agency, "F1", body, "\"1\"").statusCode(200);
        given().header("If-Match", "\"2\"").delete("/v1/agencies/" + agency + "/schemes/F1").then().statusCode(200);
        ObjectNode agencyBody = Fixtures.agency();
        agencyBody.put("acronym", "FEED");
        given().contentType("application/json").header("If-Match", "\"1\"").body(agencyBody.toString())
                .put("/v1/agencies/" + agency).then().statusCode(200);
        Fixtures.putAgency(agency, agencyBody).statusCode(200); // identical re-send: no change

        JsonPath page = get(start.replace("limit=100", "limit=50"));
        List<Map<String, Object>> items = page.getList("items");
        assertEquals(List.of("AGENCY:CREATED:1", "SCHEME:CREATED:1", "SCHEME:UPDATED:2", "SCHEME:WITHDRAWN:3",
                "AGENCY:UPDATED:2"), items.stream().map(i -> i.get("kind") + ":" + i.get("change") + ":" + i.get("version")).toList());
        assertEquals(List.of(agency, schemeId, schemeId, schemeId, agency), items.stream().map(i -> i.get("id")).toList());
        assertTrue(items.stream().allMatch(i -> agency.equals(i.get("agencyId"))));
        assertEquals("F1", items.get(1).get("ref"));
        assertEquals("/v1/schemes/" + schemeId, items.get(1).get("href"));
        assertEquals("/v1/agencies/" + agency, items.get(0).get("href"));
        assertTrue(((String) items.get(0).get("changedAt")).endsWith("Z"));
        List<Integer> seqs = items.stream().map(i -> (Integer) i.get("seq")).toList();
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) > seqs.get(i - 1), seqs.toString());
        }

        // limit=1 through next: each change once, in order, and the last page still has a next.
        List<Integer> visited = new ArrayList<>();
        String next = start.replace("limit=100", "limit=1");
        while (true) {
            JsonPath one = get(next);
            List<Integer> got = one.getList("items.seq");
            assertTrue(got.size() <= 1);
            next = one.getString("next");
            assertNotNull(next);
            assertTrue(next.contains("limit=1"), next);
            if (got.isEmpty()) {
                break;
            }
            visited.addAll(got);
        }
        assertEquals(seqs, visited);

        // Polling the stored next: nothing new yet, then only the new change.
        JsonPath empty = get(next);
        assertEquals(List.of(), empty.getList("items"));
        assertEquals(next, empty.getString("next"));
        body.put("description", "Offered again.");
        putScheme(agency, "F1", body, "\"3\"").statusCode(200);
        JsonPath polled = get(next);
        assertEquals(1, polled.getList("items").size());
        assertEquals("SCHEME", polled.getString("items[0].kind"));
        assertEquals("UPDATED", polled.getString("items[0].change"));
        assertEquals(4, polled.getInt("items[0].version"));
        assertEquals(schemeId, polled.getString("items[0].id"));
    }

    @Test
    void aCursorTheFeedDidNotMakeIsA400NamingAfter() {
        for (String bad : List.of("nonsense!", "aGlzdG9yeR8z", "Y2hhbmdlcx94", "Y2hhbmdlcx8tMQ")) {
            given().queryParam("after", bad).get("/v1/changes").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("after"))
                    .body("detail", containsString("after"));
        }
    }

    @Test
    void aBadLimitIsA400NamingLimit() {
        for (String bad : List.of("0", "101", "x")) {
            given().queryParam("limit", bad).get("/v1/changes").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
    }
}
