package org.citycoop.twinning.sistercity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped sister-city pairs, imported through HTTP twice. */
@QuarkusTest
class SisterCityImportTest {

    /** A request that may take longer than the usual test timeout: the import reads and writes thousands of pairs. */
    private static io.restassured.specification.RequestSpecification slow() {
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 300_000).setParam("http.connection.timeout", 10_000)));
    }

    @Test
    void theImportResolvesMergesAndReportsAndASecondRunCreatesNothing() {
        Response first = slow().post("/v1/twinnings/sister-city-import").then().statusCode(200).extract().response();
        assertEquals(4862, first.<Integer>path("rowsRead.'twinning_pairs_asia_pacific.csv'"));
        assertEquals(314, first.<Integer>path("rowsRead.'wikidata_eu_to_asia_pacific_pairs.csv'"));
        int resolved = first.path("pairsResolved");
        int merged = first.path("duplicatesMerged");
        int created = first.path("created");
        int held = first.path("alreadyHeld");
        int unresolvedPairs = first.path("unresolvedPairs");
        assertEquals(resolved - merged, created + held, "every distinct resolved pair is created or held");
        assertEquals(4862 + 314, resolved + unresolvedPairs, "every pair is resolved or reported");
        assertTrue(merged > 0, "the data lists pairs twice or in both directions");
        assertTrue(unresolvedPairs > 0, "the data has ends no registry city matches");
        assertEquals(unresolvedPairs, first.<List<?>>path("unresolved").size());
        List<Map<String, Object>> unresolved = first.path("unresolved");
        assertTrue(unresolved.stream().allMatch(u -> u.get("reason") != null && u.get("line") != null));

        // Kitakyushu and Phnom Penh (sister cities from 2016) are one ACTIVE SISTER_CITY arrangement with provenance.
        given().queryParam("city", "1821306").queryParam("limit", 100).get("/v1/twinnings").then().statusCode(200)
                .body("items.findAll { it.kind == 'SISTER_CITY' }.cities.cityId.flatten()", hasItem("1859307"))
                .body("items.find { it.kind == 'SISTER_CITY' && it.cities.cityId.contains('1859307') }.status", equalTo("ACTIVE"))
                .body("items.find { it.kind == 'SISTER_CITY' && it.cities.cityId.contains('1859307') }.provenance.licence",
                        equalTo("CC BY-SA 4.0; coordinates partly OpenStreetMap (ODbL)"));

        Response second = slow().post("/v1/twinnings/sister-city-import").then().statusCode(200).extract().response();
        assertEquals(0, second.<Integer>path("created"));
        assertEquals(created + held, second.<Integer>path("alreadyHeld"));
        assertEquals(unresolvedPairs, second.<Integer>path("unresolvedPairs"));
        given().get("/v1/twinnings/sister-city-import").then().statusCode(200)
                .body("created", equalTo(0)).body("ranAt", equalTo(second.path("ranAt")));
    }
}
