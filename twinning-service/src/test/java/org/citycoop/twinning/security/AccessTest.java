package org.citycoop.twinning.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.citycoop.devstack.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may call the twinning API (org.citycoop.platform.security): a valid gateway token for everything
 * under /v1; cities and twinnings are public reads; arrangements are proposed and moved by the
 * secretariat or by a city editor of one of their cities.
 */
@QuarkusTest
class AccessTest {

    private static final String KITAKYUSHU = "1859307";
    private static final String DA_NANG = "1583992";
    private static final String SURABAYA = "1625822";
    private static final String HUE = "1580240";

    private static String body(String title, String mentor, String partner) {
        return """
                { "title": "%s", "cities": [ { "cityId": "%s", "role": "MENTOR" }, { "cityId": "%s", "role": "PARTNER" } ],
                  "themes": ["SOLID_WASTE"], "sectors": ["14050"], "kind": "TECHNICAL_COOPERATION" }""".formatted(title, mentor, partner);
    }

    @Test
    void withoutAValidTokenEveryRequestIs401Problem() {
        for (String authorization : new String[] {TestTokens.NONE, "Bearer " + TestTokens.forgedAdmin(), "Bearer " + TestTokens.expiredAdmin()}) {
            given().header("Authorization", authorization).get("/v1/cities/" + KITAKYUSHU)
                    .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"citycoop\"");
            given().header("Authorization", authorization).contentType(ContentType.JSON).body(body("x", KITAKYUSHU, DA_NANG))
                    .post("/v1/twinnings").then().statusCode(401);
        }
    }

    @Test
    void aCityEditorProposesAndMovesArrangementsOfItsOwnCitiesOnly() {
        String kitakyushu = "Bearer " + TestTokens.cityEditor(KITAKYUSHU);
        String id = given().header("Authorization", kitakyushu).contentType(ContentType.JSON)
                .body(body("Kitakyushu and Da Nang", KITAKYUSHU, DA_NANG)).post("/v1/twinnings")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", "Bearer " + TestTokens.cityEditor(DA_NANG)).contentType(ContentType.JSON).body("{\"to\":\"AGREED\"}")
                .post("/v1/twinnings/" + id + "/transitions").then().statusCode(200).body("status", equalTo("AGREED"));

        String surabaya = "Bearer " + TestTokens.cityEditor(SURABAYA);
        given().header("Authorization", surabaya).contentType(ContentType.JSON).body("{\"to\":\"TERMINATED\"}")
                .post("/v1/twinnings/" + id + "/transitions").then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        given().header("Authorization", surabaya).contentType(ContentType.JSON).body(body("Not Surabaya's", HUE, DA_NANG))
                .post("/v1/twinnings").then().statusCode(403).body("errors[0].field", equalTo("cities"));
        given().get("/v1/twinnings/" + id).then().statusCode(200).body("status", equalTo("AGREED")).body("version", equalTo(2));

        // what the arrangement does and achieves, and the cities' own profiles: their editors only
        String activity = """
                { "type": "TRAINING", "title": "Composting training", "start": "2027-03", "end": "2027-03",
                  "participants": [], "description": null }""";
        given().header("Authorization", surabaya).contentType(ContentType.JSON).body(activity)
                .put("/v1/twinnings/" + id + "/activities/training").then().statusCode(403).body("errors[0].field", equalTo("id"));
        given().header("Authorization", surabaya).contentType(ContentType.JSON).body("{ \"summary\": \"x\", \"evaluatedOn\": \"2028\", \"sourceUrl\": null }")
                .put("/v1/twinnings/" + id + "/evaluation").then().statusCode(403);
        given().header("Authorization", kitakyushu).contentType(ContentType.JSON).body(activity)
                .put("/v1/twinnings/" + id + "/activities/training").then().statusCode(201);
        given().header("Authorization", surabaya).contentType(ContentType.JSON).body("{ \"names\": [ { \"name\": \"北九州市\", \"lang\": \"ja\" } ] }")
                .put("/v1/cities/" + KITAKYUSHU + "/names").then().statusCode(403).body("errors[0].field", equalTo("id"));
        given().header("Authorization", surabaya).contentType(ContentType.JSON).body("{ \"names\": 5 }") // 403 whatever the body
                .put("/v1/cities/" + KITAKYUSHU + "/names").then().statusCode(403).body("errors[0].field", equalTo("id"));
        given().header("Authorization", surabaya).contentType(ContentType.JSON).body("{ \"offers\": \"x\"")
                .put("/v1/cities/" + KITAKYUSHU + "/expertise").then().statusCode(403).body("errors[0].field", equalTo("id"));
        given().header("Authorization", kitakyushu).contentType(ContentType.JSON).body("""
                { "name": "Smallville", "country": "PH", "admin1Code": null, "population": 9000,
                  "latitude": 11.08, "longitude": 123.94, "alternateNames": [] }""")
                .post("/v1/cities").then().statusCode(403);
        given().header("Authorization", kitakyushu).post("/v1/twinnings/sister-city-import").then().statusCode(403);
        given().header("Authorization", "Bearer " + TestTokens.anonymous()).get("/v1/twinnings/" + id + "/outcomes").then().statusCode(200);
    }

    @Test
    void thePublicAndPartnerPortalsReadButChangeNothing() {
        String id = given().contentType(ContentType.JSON).body(body("Public read", KITAKYUSHU, SURABAYA)).post("/v1/twinnings")
                .then().statusCode(201).extract().path("id");
        String anonymous = TestTokens.anonymous();
        for (String token : new String[] {anonymous, TestTokens.partnerPortal("portal")}) {
            // the anonymous public has not said who it is: 401 asking for credentials; a portal that has is refused (403)
            int refused = token.equals(anonymous) ? 401 : 403;
            given().header("Authorization", "Bearer " + token).get("/v1/twinnings/" + id).then().statusCode(200);
            given().header("Authorization", "Bearer " + token).get("/v1/twinnings?city=" + KITAKYUSHU).then().statusCode(200);
            given().header("Authorization", "Bearer " + token).get("/v1/cities?q=kitakyu").then().statusCode(200);
            given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body("x", KITAKYUSHU, DA_NANG))
                    .post("/v1/twinnings").then().statusCode(refused).contentType("application/problem+json");
            given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("{\"to\":\"AGREED\"}")
                    .post("/v1/twinnings/" + id + "/transitions").then().statusCode(refused);
        }
        given().get("/v1/twinnings/" + id).then().statusCode(200).body("status", equalTo("PROPOSED"));
    }

    @Test
    void fieldsTheServerSetsAreRefusedNamingTheField() {
        for (String field : new String[] {"id", "status", "version", "history", "createdAt"}) {
            String body = body("Mass assignment", KITAKYUSHU, DA_NANG).replaceFirst("\\{", "{ \"" + field + "\": \"ACTIVE\",");
            given().contentType(ContentType.JSON).body(body).post("/v1/twinnings").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(field));
        }
    }
}
