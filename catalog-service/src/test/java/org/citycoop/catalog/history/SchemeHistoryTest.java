package org.citycoop.catalog.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.citycoop.catalog.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.citycoop.catalog.Fixtures.putScheme;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SchemeHistoryTest {

    @Test
    void everyVersionIsKeptNewestFirstWithItsDifferences() {
        String agency = Fixtures.createAgency("history");
        ObjectNode body = Fixtures.scheme();
        String id = putScheme(agency, "H1", body).statusCode(201).extract().path("id");
        putScheme(agency, "H1", body).statusCode(200); // same content: no version
        ((ObjectNode) body.get("fundingRange").get("max")).put("amount", "120000");
        putScheme(agency, "H1", body, "\"1\"").statusCode(200);
        // the withdrawal is the agency's own editor's; the other changes the (test) admin's
        given().header("Authorization", "Bearer " + org.citycoop.devstack.TestTokens.agencyEditor(agency))
                .header("If-Match", "\"2\"").delete("/v1/agencies/" + agency + "/schemes/H1").then().statusCode(200);
        body.putObject("partnerCityRequired").put("country", "JP");
        putScheme(agency, "H1", body, "\"3\"").statusCode(200).body("version", equalTo(4));

        JsonPath history = given().get("/v1/schemes/" + id + "/history").then().statusCode(200)
                .contentType("application/json").body("next", nullValue()).extract().jsonPath();
        assertEquals(List.of(4, 3, 2, 1), history.getList("items.version"));
        assertEquals(List.of("UPDATED", "WITHDRAWN", "UPDATED", "CREATED"), history.getList("items.change"));
        assertTrue(history.getString("items[0].changedAt").endsWith("Z"), history.getString("items[0].changedAt"));
        // who changed: the subject of the gateway's token, that is the API client's name
        assertEquals(List.of("test-admin", "agency-editor-" + agency, "test-admin", "test-admin"), history.getList("items.changedBy"));

        assertEquals(List.of(Map.of("field", "partnerCityRequired.country", "after", "JP"),
                        Map.of("field", "status", "before", "WITHDRAWN", "after", "FORECASTED")),
                withoutNulls(history.getList("items[0].differences")));
        assertEquals(List.of(Map.of("field", "status", "before", "FORECASTED", "after", "WITHDRAWN")),
                withoutNulls(history.getList("items[1].differences")));
        assertEquals(List.of(Map.of("field", "fundingRange.max.amount", "before", "90000", "after", "120000")),
                withoutNulls(history.getList("items[2].differences")));
        assertEquals(List.of(), history.getList("items[3].differences"));
        // Nulls are written out, not left out.
        given().get("/v1/schemes/" + id + "/history").then().body("items[0].differences[0].before", nullValue())
                .body("items[0].differences[0]", org.hamcrest.Matchers.hasKey("before"));
    }

    @Test
    void pagesFollowNextAndKeepTheDifferencesAcrossPages() {
        String agency = Fixtures.createAgency("historypages");
        ObjectNode body = Fixtures.scheme();
        body.remove("names");
        String id = putScheme(agency, "H2", body).statusCode(201).extract().path("id");
        for (int version = 1; version < 5; version++) {
            body.put("name", "Name " + version);
            putScheme(agency, "H2", body, "\"" + version + "\"").statusCode(200);
        }
        List<Integer> versions = new ArrayList<>();
        List<Integer> differenceCounts = new ArrayList<>();
        String next = "/v1/schemes/" + id + "/history?limit=2";
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            List<Integer> items = page.getList("items.version");
            assertTrue(items.size() <= 2);
            versions.addAll(items);
            for (int i = 0; i < items.size(); i++) {
                differenceCounts.add(page.getList("items[" + i + "].differences").size());
            }
            next = page.getString("next");
        }
        assertEquals(List.of(5, 4, 3, 2, 1), versions);
        // Versions 2 to 5 change name (and names.en); the first has none, even at a page's edge.
        assertEquals(List.of(2, 2, 2, 2, 0), differenceCounts);
    }

    @Test
    void unknownOrMalformedIdIs404AndBadParametersAre400() {
        given().get("/v1/schemes/" + UUID.randomUUID() + "/history").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/v1/schemes/not-a-uuid/history").then().statusCode(404).contentType("application/problem+json");

        String agency = Fixtures.createAgency("historybad");
        String id = putScheme(agency, "H3", Fixtures.scheme()).statusCode(201).extract().path("id");
        given().queryParam("limit", 0).get("/v1/schemes/" + id + "/history").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        for (String cursor : List.of("zzz", "%%%", "aGlzdG9yeR94", "aGlzdG9yeR8tMQ", "YWdlbmNpZXMfb2VjYw")) {
            given().queryParam("cursor", cursor).get("/v1/schemes/" + id + "/history").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
        }
        given().get("/v1/schemes/" + id + "/history").then().statusCode(200).body("items.version", equalTo(List.of(1)))
                .body("items[0].differences", empty());
    }

    private static List<Map<String, Object>> withoutNulls(List<Map<String, Object>> differences) {
        return differences.stream().map(difference -> {
            Map<String, Object> kept = new java.util.LinkedHashMap<>(difference);
            kept.values().removeIf(java.util.Objects::isNull);
            return kept;
        }).toList();
    }
}
