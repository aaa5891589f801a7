package org.citycoop.twinning.arrangement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.citycoop.twinning.arrangement.TwinningApiTest.CEBU;
import static org.citycoop.twinning.arrangement.TwinningApiTest.KITAKYUSHU;
import static org.citycoop.twinning.arrangement.TwinningApiTest.SURABAYA;
import static org.citycoop.twinning.arrangement.TwinningApiTest.body;
import static org.citycoop.twinning.arrangement.TwinningApiTest.create;
import static org.citycoop.twinning.arrangement.TwinningApiTest.move;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Activities, outcome indicators, the evaluation, the audit's actor and the network summary, through HTTP. */
@QuarkusTest
class OutcomesApiTest {

    static final String ACTIVITY = """
            { "type": "PILOT_PROJECT", "title": "Household composting with the Takakura method",
              "start": "2004", "end": "2006-03",
              "participants": [ { "cityId": "1859307", "description": "experts of the City of Kitakyushu", "count": 4 } ],
              "description": "Composting baskets handed out to households." }
            """;
    static final String OUTCOME = """
            { "name": "Household waste to landfill", "unit": "tonnes/day",
              "baseline": 1000, "baselineDate": "2004", "target": 800, "targetDate": "2010",
              "achieved": 700, "achievedDate": "2009", "note": "illustrative figures of this test" }
            """;
    static final String EVALUATION = """
            { "summary": "Waste to landfill cut by 30%.", "evaluatedOn": "2009", "sourceUrl": null }
            """;

    static Response putActivity(String id, String ref, String body) {
        return given().contentType(ContentType.JSON).body(body).put("/v1/twinnings/" + id + "/activities/" + ref)
                .then().extract().response();
    }

    static Response putOutcome(String id, String ref, String body) {
        return given().contentType(ContentType.JSON).body(body).put("/v1/twinnings/" + id + "/outcomes/" + ref)
                .then().extract().response();
    }

    @Test
    void activitiesAndOutcomesAreRecordedOnceAndTheSameBodyAgainChangesNothing() {
        String id = create(body("Kitakyushu and Surabaya, activities", KITAKYUSHU, SURABAYA)).path("id");

        putActivity(id, "takakura", ACTIVITY).then().statusCode(201).header("ETag", equalTo("\"2\""))
                .body("activities[0].ref", equalTo("takakura"))
                .body("activities[0].type", equalTo("PILOT_PROJECT"))
                .body("activities[0].end", equalTo("2006-03"))
                .body("activities[0].participants[0].count", equalTo(4));
        putActivity(id, "takakura", ACTIVITY).then().statusCode(200).header("ETag", equalTo("\"2\""));

        // Another content under the same ref needs If-Match (428 without, 412 when stale).
        String changed = ACTIVITY.replace("\"count\": 4", "\"count\": 5");
        putActivity(id, "takakura", changed).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(changed)
                .put("/v1/twinnings/" + id + "/activities/takakura").then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(changed)
                .put("/v1/twinnings/" + id + "/activities/takakura").then().statusCode(200)
                .header("ETag", equalTo("\"3\"")).body("activities.size()", equalTo(1))
                .body("activities[0].participants[0].count", equalTo(5));

        putOutcome(id, "landfill", OUTCOME).then().statusCode(201).header("ETag", equalTo("\"4\""));
        given().get("/v1/twinnings/" + id + "/outcomes").then().statusCode(200)
                .body("arrangementId", equalTo(id))
                .body("themes", equalTo(List.of("SOLID_WASTE")))
                .body("indicators[0].indicator.unit", equalTo("tonnes/day"))
                .body("indicators[0].progress.measured", equalTo(true))
                .body("indicators[0].progress.change", equalTo(-300))
                .body("indicators[0].progress.progress", equalTo(1.5f))
                .body("indicators[0].progress.targetMet", equalTo(true))
                .body("evaluation", nullValue());

        given().contentType(ContentType.JSON).body(EVALUATION).put("/v1/twinnings/" + id + "/evaluation")
                .then().statusCode(201).body("evaluation.evaluatedOn", equalTo("2009"));
        given().get("/v1/twinnings/" + id + "/outcomes").then().body("evaluation.summary", equalTo("Waste to landfill cut by 30%."));

        given().delete("/v1/twinnings/" + id + "/activities/takakura").then().statusCode(200).body("activities.size()", equalTo(0));
        given().delete("/v1/twinnings/" + id + "/activities/takakura").then().statusCode(404);
    }

    @Test
    void badActivitiesAndOutcomesAreProblemsNamingTheFieldAndChangeNothing() {
        String id = create(body("Kitakyushu and Cebu, bad input", KITAKYUSHU, CEBU)).path("id");
        assertField(putActivity(id, "a", ACTIVITY.replace("\"end\": \"2006-03\"", "\"end\": \"2003\"")), 422, "end");
        assertField(putActivity(id, "a", ACTIVITY.replace("1859307", SURABAYA)), 422, "participants[0].cityId");
        assertField(putActivity(id, "a", ACTIVITY.replace("PILOT_PROJECT", "PARTY")), 400, "type");
        assertField(putActivity(id, "a", ACTIVITY.replace("\"count\": 4", "\"count\": 0")), 422, "participants[0].count");
        assertField(putActivity(id, "not ok", ACTIVITY), 422, "ref");
        assertField(putOutcome(id, "o", OUTCOME.replace("\"2009\"", "\"2009-13\"")), 422, "achievedDate");
        assertField(putOutcome(id, "o", OUTCOME.replace("\"unit\": \"tonnes/day\",", "")), 422, "unit");
        assertField(putOutcome(id, "o", OUTCOME.replace("700", "\"lots\"")), 400, "achieved");
        // values beyond any indicator: 1e400, 2^64, -1e400, a fraction finer than a millionth
        assertField(putOutcome(id, "o", OUTCOME.replace("700", "1e400")), 422, "achieved");
        assertField(putOutcome(id, "o", OUTCOME.replace("1000", "18446744073709551616")), 422, "baseline");
        assertField(putOutcome(id, "o", OUTCOME.replace("800", "-1e400")), 422, "target");
        assertField(putOutcome(id, "o", OUTCOME.replace("700", "1e-400")), 422, "achieved");
        // lax text: an enum with a space around it, a date with a five-digit year, an empty Idempotency-Key
        assertField(putActivity(id, "a", ACTIVITY.replace("\"PILOT_PROJECT\"", "\" PILOT_PROJECT\"")), 400, "type");
        assertField(given().contentType(ContentType.JSON).header("Idempotency-Key", "").body(body("Empty key", KITAKYUSHU, CEBU))
                .post("/v1/twinnings").then().extract().response(), 400, "Idempotency-Key");
        assertField(given().urlEncodingEnabled(false).get("/v1/twinnings?limit=%EF%BC%91%EF%BC%90").then().extract().response(), 400, "limit");
        given().get("/v1/twinnings/" + id).then().body("version", equalTo(1))
                .body("activities.size()", equalTo(0)).body("outcomes.size()", equalTo(0));
        putActivity(java.util.UUID.randomUUID().toString(), "a", ACTIVITY).then().statusCode(404);
    }

    @Test
    void theHistorySaysWhoMovedTheArrangement() {
        String id = create(body("Kitakyushu and Cebu, audit", KITAKYUSHU, CEBU)).path("id");
        move(id, "AGREED").then().statusCode(200)
                .body("history.by", equalTo(List.of("test-admin", "test-admin"))) // the subject of the gateway token
                .body("history[1].at", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theSummaryCountsArrangementsIndicatorsAndTargetsMetByTheme() {
        Response before = given().queryParam("theme", "SOLID_WASTE").get("/v1/twinnings/outcome-summary")
                .then().statusCode(200).extract().response();
        int arrangements = before.path("items[0].arrangements");
        int met = before.path("items[0].targetsMet");

        String id = create(body("Kitakyushu and Surabaya, summary", KITAKYUSHU, SURABAYA)).path("id");
        putOutcome(id, "landfill", OUTCOME).then().statusCode(201);
        putOutcome(id, "recycling", OUTCOME.replace("\"achieved\": 700", "\"achieved\": null")).then().statusCode(201);

        given().queryParam("theme", "SOLID_WASTE").get("/v1/twinnings/outcome-summary").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].theme", equalTo("SOLID_WASTE"))
                .body("items[0].arrangements", equalTo(arrangements + 1))
                .body("items[0].targetsMet", equalTo(met + 1))
                .body("items[0].byStatus.PROPOSED", greaterThanOrEqualTo(1))
                .body("items[0].measured.arrangementId", hasItem(id));
        Response all = given().get("/v1/twinnings/outcome-summary").then().statusCode(200).extract().response();
        assertEquals(10, all.<List<?>>path("items").size());
        given().queryParam("theme", "GARBAGE").get("/v1/twinnings/outcome-summary").then().statusCode(400)
                .body("errors[0].field", equalTo("theme"));
    }

    private static void assertField(Response response, int status, String field) {
        response.then().statusCode(status).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
