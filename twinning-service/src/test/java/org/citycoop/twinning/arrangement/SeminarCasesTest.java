package org.citycoop.twinning.arrangement;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.citycoop.twinning.SeminarSeed;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The six seminar cases of deploy/seed/twinnings, loaded with the suite's SeedLoader. */
@QuarkusTest
class SeminarCasesTest {

    static final String SURABAYA = "1625822";
    static final String PHNOM_PENH = "1821306";

    /** The seeded arrangement of {@code deploy/seed/twinnings/<slug>.json}, found by its partner city and exact title. */
    static Map<String, Object> seeded(String slug, String partnerId) {
        String title;
        try {
            title = new ObjectMapper().readTree(SeminarSeed.TWINNINGS.resolve(slug + ".json").toFile())
                    .path("arrangement").path("title").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, Object>> items = given().queryParam("city", partnerId).queryParam("limit", 100).get("/v1/twinnings")
                .then().statusCode(200).extract().path("items");
        List<Map<String, Object>> found = items.stream().filter(item -> title.equals(item.get("title"))).toList();
        assertEquals(1, found.size(), "one arrangement titled " + title);
        return found.get(0);
    }

    @Test
    void theCasesLoadWithTheirOutcomesAndASecondLoadChangesNothing() {
        assertEquals(6, SeminarSeed.load());
        Map<String, Object> surabaya = seeded("kitakyushu-surabaya", SURABAYA);
        String id = (String) surabaya.get("id");
        Response first = given().get("/v1/twinnings/" + id).then().statusCode(200).extract().response();
        first.then().body("status", equalTo("COMPLETED"))
                .body("themes", equalTo(List.of("SOLID_WASTE")))
                .body("activities[0].type", equalTo("PILOT_PROJECT"))
                .body("outcomes.ref", equalTo(List.of("waste-reduction", "composting-centres")))
                .body("outcomes[0].achieved", equalTo(20))
                .body("outcomes[0].baseline", nullValue())
                .body("evaluation.evaluatedOn", equalTo("2009"));

        String phnomPenh = (String) seeded("kitakyushu-phnom-penh", PHNOM_PENH).get("id");
        given().get("/v1/twinnings/" + phnomPenh + "/outcomes").then().statusCode(200)
                .body("indicators.indicator.ref", equalTo(List.of("water-supply-coverage", "non-revenue-water")))
                .body("indicators[1].progress.change", equalTo(-64))
                .body("indicators[1].progress.targetMet", nullValue());

        assertEquals(6, SeminarSeed.load());
        given().get("/v1/twinnings/" + id).then().statusCode(200)
                .body("version", equalTo(first.<Integer>path("version")))
                .body("history.size()", equalTo(first.<List<?>>path("history").size()));
    }
}
