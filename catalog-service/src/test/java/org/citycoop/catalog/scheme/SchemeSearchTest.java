package org.citycoop.catalog.scheme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.citycoop.catalog.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.citycoop.catalog.Fixtures.putScheme;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemeSearchTest {

    private static final String PAST = "2020-01-01T00:00:00+07:00";
    private static final String FAR_FUTURE = "2099-12-31T23:59:00+07:00";

    /** An agency with five schemes that differ in every filtered field. */
    private String agency;

    @BeforeEach
    void createSchemes() {
        if (agency != null) {
            return;
        }
        agency = Fixtures.createAgency("search");
        create("waste-open", List.of("SOLID_WASTE"), List.of("FINANCIAL"), List.of("LOCAL_GOVERNMENT"), List.of("ID"),
                window("FIXED", PAST, FAR_FUTURE), s -> s.put("name", "Composting grants for cities")
                        .set("names", Fixtures.parse("{\"ja\": \"堆肥化助成\"}")));
        create("air-forecast", List.of("AIR_QUALITY"), List.of("TECHNICAL"), List.of("NGO"), List.of(),
                window("FIXED", "2098-01-01T00:00:00+09:00", FAR_FUTURE),
                s -> s.put("description", "Sensor loans; 100% of costs").remove("descriptions"));
        create("water-closed", List.of("WATER_AND_WASTEWATER"), List.of("LOAN"), List.of("ANY"), List.of("VN"),
                window("FIXED", null, PAST), s -> { });
        create("rolling", List.of("SOLID_WASTE", "INSTITUTIONS"), List.of("TRAINING"), List.of("NATIONAL_GOVERNMENT"),
                List.of("VN", "ID"), window("ROLLING", null, null), s -> { });
        create("superseded", List.of("REGULATIONS"), List.of("INFORMATION"), List.of("NGO"), List.of("JP"),
                window("ROLLING", null, null), s -> s.put("supersededBy", "rolling"));
    }

    @Test
    void filtersByChallengeAreaAnyOfTheRepeatedValues() {
        assertRefs(Map.of("challenge", List.of("SOLID_WASTE")), "waste-open", "rolling");
        assertRefs(Map.of("challenge", List.of("SOLID_WASTE", "AIR_QUALITY")), "waste-open", "air-forecast", "rolling");
    }

    @Test
    void filtersByAnyOfTheRepeatedAgencies() {
        String other = Fixtures.createAgency("search-other");
        putScheme(other, "other-waste", Fixtures.scheme()).statusCode(201);
        List<String> refs = given().queryParam("agency", agency, other).queryParam("limit", 100).get("/v1/schemes")
                .then().statusCode(200).extract().jsonPath().getList("items.ref");
        assertEquals(new HashSet<>(List.of("waste-open", "air-forecast", "water-closed", "rolling", "superseded", "other-waste")),
                new HashSet<>(refs), "both agencies' schemes");
        given().queryParam("agency", other).get("/v1/schemes").then().statusCode(200).body("items.ref", equalTo(List.of("other-waste")));
        badParameter("agency", "Not A Slug");
    }

    @Test
    void filtersBySupportType() {
        assertRefs(Map.of("supportType", List.of("LOAN")), "water-closed");
    }

    @Test
    void countryFilterIncludesSchemesWithoutCountryRestriction() {
        assertRefs(Map.of("country", List.of("ID")), "waste-open", "air-forecast", "rolling");
        assertRefs(Map.of("country", List.of("JP")), "air-forecast", "superseded");
    }

    @Test
    void applicantTypeFilterIncludesSchemesOpenToAny() {
        assertRefs(Map.of("applicantType", List.of("LOCAL_GOVERNMENT")), "waste-open", "water-closed");
    }

    @Test
    void filtersByDerivedStatus() {
        assertRefs(Map.of("status", List.of("OPEN")), "waste-open", "rolling");
        assertRefs(Map.of("status", List.of("FORECASTED")), "air-forecast");
        assertRefs(Map.of("status", List.of("CLOSED")), "water-closed", "superseded");
        assertRefs(Map.of("status", List.of("WITHDRAWN")));
    }

    @Test
    void textSearchIsCaseInsensitiveInEveryLanguageAndTakesWildcardsLiterally() {
        assertRefs(Map.of("q", List.of("COMPOST")), "waste-open");
        assertRefs(Map.of("q", List.of("堆肥")), "waste-open");
        assertRefs(Map.of("q", List.of("sensor LOANS")), "air-forecast");
        assertRefs(Map.of("q", List.of("100%")), "air-forecast");
        assertRefs(Map.of("q", List.of("1_0")));
    }

    @Test
    void filtersCombine() {
        assertRefs(Map.of("challenge", List.of("SOLID_WASTE"), "status", List.of("OPEN"), "country", List.of("VN")), "rolling");
    }

    @Test
    void unknownFilterValuesAre400NamingTheParameter() {
        badParameter("challenge", "MUD");
        badParameter("supportType", "GRANT");
        badParameter("applicantType", "CITY");
        badParameter("status", "open");
        badParameter("country", "XX");
        badParameter("agency", "Not_A_Slug");
        badParameter("limit", "0");
        badParameter("limit", "101");
        badParameter("limit", "ten");
        badParameter("cursor", "not-a-cursor");
        badParameter("q", "x".repeat(201));
    }

    @Test
    void pagesFollowTheNextLinkWithoutDuplicatesOrGapsWhileSchemesAreAdded() {
        String paged = Fixtures.createAgency("paging");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(putScheme(paged, "P" + i, Fixtures.scheme()).statusCode(201).extract().path("id"));
        }
        JsonPath first = given().queryParam("agency", paged).queryParam("limit", 2).get("/v1/schemes")
                .then().statusCode(200).extract().jsonPath();
        // A scheme pushed while a client pages sorts before the first page: it does not shift the pages.
        putScheme(paged, "P-late", Fixtures.scheme()).statusCode(201);

        List<String> seen = new ArrayList<>(first.getList("items.id"));
        String next = first.getString("next");
        int pages = 1;
        while (next != null) {
            assertTrue(next.startsWith("/v1/schemes?"), next);
            assertTrue(next.contains("agency=" + paged) && next.contains("limit=2"), "the next link keeps the filters: " + next);
            JsonPath page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            next = page.getString("next");
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(5, new HashSet<>(seen).size(), "no duplicates");
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen, "most recently changed first, none missing");
    }

    @Test
    void lastPageHasNoNextLink() {
        JsonPath page = given().queryParam("agency", agency).queryParam("limit", 100).get("/v1/schemes").then()
                .statusCode(200).extract().jsonPath();
        assertNull(page.getString("next"));
        assertEquals(5, page.getList("items").size());
        assertNotNull(page.getString("items[0].status"));
    }

    private void badParameter(String name, String value) {
        given().queryParam(name, value).get("/v1/schemes").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(name));
    }

    private void assertRefs(Map<String, List<String>> filters, String... expected) {
        var request = given().queryParam("agency", agency).queryParam("limit", 100);
        filters.forEach((name, values) -> request.queryParam(name, values));
        List<String> refs = request.get("/v1/schemes").then().statusCode(200).extract().jsonPath().getList("items.ref");
        assertEquals(new HashSet<>(List.of(expected)), new HashSet<>(refs), "filters " + filters);
        assertEquals(expected.length, refs.size(), "no duplicates for " + filters);
    }

    private void create(String ref, List<String> challenges, List<String> supportTypes, List<String> applicantTypes,
                        List<String> countries, ObjectNode window, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode body = Fixtures.scheme();
        body.set("challengeAreas", Fixtures.JSON.valueToTree(challenges));
        body.set("supportTypes", Fixtures.JSON.valueToTree(supportTypes));
        body.set("applicantTypes", Fixtures.JSON.valueToTree(applicantTypes));
        body.set("eligibleCountries", Fixtures.JSON.valueToTree(countries));
        // No region: the country filter sees only the countries (regions: SchemeFacetedSearchTest).
        body.set("eligibleRegions", Fixtures.JSON.createArrayNode());
        body.set("window", window);
        change.accept(body);
        putScheme(agency, ref, body).statusCode(201).body("ref", equalTo(ref));
    }

    private static ObjectNode window(String kind, String opens, String deadline) {
        ObjectNode window = Fixtures.JSON.createObjectNode().put("kind", kind);
        if (opens != null) {
            window.put("opens", opens);
        }
        if (deadline != null) {
            window.put("deadline", deadline);
        }
        return window;
    }
}
