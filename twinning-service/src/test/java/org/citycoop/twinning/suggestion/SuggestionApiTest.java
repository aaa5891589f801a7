package org.citycoop.twinning.suggestion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.citycoop.twinning.SeminarSeed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partner suggestions over the seminar cases (deploy/seed/twinnings) and declared expertise, through HTTP. */
@QuarkusTest
class SuggestionApiTest {

    static final String SURABAYA = "1625822";
    static final String KITAKYUSHU = "1859307";
    static final String CEBU = "1717512";

    @Test
    void forSurabayaAndSolidWasteKitakyushusCompostingCooperationIsTrackRecord() {
        SeminarSeed.load();
        Response response = given().queryParam("challenge", "SOLID_WASTE").get("/v1/cities/" + SURABAYA + "/partner-suggestions")
                .then().statusCode(200).extract().response();
        List<Map<String, Object>> items = response.path("items");
        Map<String, Object> kitakyushu = items.stream()
                .filter(item -> KITAKYUSHU.equals(((Map<?, ?>) item.get("city")).get("id"))).findFirst().orElseThrow();
        List<Map<String, Object>> explanation = (List<Map<String, Object>>) kitakyushu.get("explanation");
        Map<String, Object> trackRecord = explanation.stream().filter(c -> "TRACK_RECORD".equals(c.get("criterion"))).findFirst().orElseThrow();
        assertEquals("MET", trackRecord.get("result"));
        assertTrue(((String) trackRecord.get("detail")).contains("Kitakyushu and Surabaya composting cooperation"), (String) trackRecord.get("detail"));
        assertEquals(6, explanation.size());
        assertTrue(items.stream().noneMatch(item -> SURABAYA.equals(((Map<?, ?>) item.get("city")).get("id"))), "never itself");
    }

    @Test
    void aDeclaredOfferMakesACityACandidateAndBadInputIsAProblem() {
        given().contentType(ContentType.JSON).body("""
                { "offers": [ { "area": "APPROPRIATE_TECHNOLOGY", "sectors": ["14050"],
                                "evidence": [ { "arrangementId": null, "url": "https://example.org/cebu-composting" } ], "note": null } ],
                  "needs": [] }""").put("/v1/cities/" + CEBU + "/expertise").then().statusCode(200);
        given().queryParam("challenge", "APPROPRIATE_TECHNOLOGY").queryParam("limit", 5)
                .get("/v1/cities/" + SURABAYA + "/partner-suggestions").then().statusCode(200)
                .body("items.city.id", hasItem(CEBU))
                .body("items.find { it.city.id == '" + CEBU + "' }.explanation.find { it.criterion == 'EXPERTISE' }.result", equalTo("MET"))
                .body("items.find { it.city.id == '" + CEBU + "' }.explanation.find { it.criterion == 'LANGUAGE' }.detail",
                        containsString("PH"));

        given().get("/v1/cities/" + SURABAYA + "/partner-suggestions").then().statusCode(422).body("errors[0].field", equalTo("challenge"));
        given().queryParam("challenge", "GARBAGE").get("/v1/cities/" + SURABAYA + "/partner-suggestions").then().statusCode(400);
        given().queryParam("challenge", "SOLID_WASTE").get("/v1/cities/999999999/partner-suggestions").then().statusCode(404);
    }
}
