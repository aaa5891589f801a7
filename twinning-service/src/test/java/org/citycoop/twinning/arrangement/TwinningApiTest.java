package org.citycoop.twinning.arrangement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class TwinningApiTest {

    static final String KITAKYUSHU = "1859307";
    static final String SURABAYA = "1625822";
    static final String DA_NANG = "1583992";
    static final String HUE = "1580240";
    static final String YOKOHAMA = "1848354";
    static final String BANGKOK = "1609350";
    static final String CEBU = "1717512";

    @Inject
    TwinningRepository repository;

    static String body(String title, String mentor, String partner) {
        return """
                { "title": "%s",
                  "cities": [ { "cityId": "%s", "role": "MENTOR" }, { "cityId": "%s", "role": "PARTNER" } ],
                  "themes": ["SOLID_WASTE"], "sectors": ["14050"], "kind": "TECHNICAL_COOPERATION",
                  "period": { "start": "2004", "end": null },
                  "summary": "Household composting (Takakura method).", "sourceUrl": "https://example.org/takakura" }
                """.formatted(title, mentor, partner);
    }

    static Response create(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/twinnings")
                .then().statusCode(201).extract().response();
    }

    static Response move(String id, String to) {
        return given().contentType(ContentType.JSON).body("{ \"to\": \"" + to + "\" }").post("/v1/twinnings/" + id + "/transitions")
                .then().extract().response();
    }

    @Test
    void aNewArrangementIsProposedWithTheRegistrysNamesAndItsHistory() {
        Response created = create(body("Kitakyushu and Surabaya composting cooperation", KITAKYUSHU, SURABAYA));
        String id = created.path("id");
        created.then()
                .header("Location", endsWith("/v1/twinnings/" + id))
                .header("ETag", equalTo("\"1\""))
                .header("Idempotent-Replayed", equalTo("false"))
                .body("title", equalTo("Kitakyushu and Surabaya composting cooperation"))
                .body("kind", equalTo("TECHNICAL_COOPERATION"))
                .body("cities[0].cityId", equalTo(KITAKYUSHU))
                .body("cities[0].name", equalTo("Kitakyushu"))
                .body("cities[0].country", equalTo("JP"))
                .body("cities[0].role", equalTo("MENTOR"))
                .body("cities[1].name", equalTo("Surabaya"))
                .body("cities[1].country", equalTo("ID"))
                .body("cities[1].role", equalTo("PARTNER"))
                .body("themes", equalTo(List.of("SOLID_WASTE")))
                .body("sectors", equalTo(List.of("14050")))
                .body("status", equalTo("PROPOSED"))
                .body("period.start", equalTo("2004"))
                .body("period.end", nullValue())
                .body("summary", equalTo("Household composting (Takakura method)."))
                .body("sourceUrl", equalTo("https://example.org/takakura"))
                .body("version", equalTo(1))
                .body("createdAt", notNullValue())
                .body("history.size()", equalTo(1))
                .body("history[0].from", nullValue())
                .body("history[0].to", equalTo("PROPOSED"));

        given().get("/v1/twinnings/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("id", equalTo(id))
                .body("cities[1].name", equalTo("Surabaya"))
                .body("history[0].to", equalTo("PROPOSED"));
        given().header("If-None-Match", "\"1\"").get("/v1/twinnings/" + id).then().statusCode(304);
    }

    @Test
    void theLifecycleRecordsEveryTransitionAndRefusesInvalidOnes() {
        String id = create(body("Da Nang and Yokohama", YOKOHAMA, DA_NANG)).path("id");

        move(id, "COMPLETED").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("PROPOSED"))
                .body("detail", containsString("AGREED, TERMINATED"))
                .body("errors[0].field", equalTo("to"));

        move(id, "AGREED").then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("status", equalTo("AGREED")).body("version", equalTo(2));
        move(id, "ACTIVE").then().statusCode(200).body("version", equalTo(3));
        move(id, "SUSPENDED").then().statusCode(200);
        move(id, "ACTIVE").then().statusCode(200);
        move(id, "AGREED").then().statusCode(409)
                .body("detail", containsString("is ACTIVE"))
                .body("detail", containsString("COMPLETED, SUSPENDED, TERMINATED"));
        move(id, "COMPLETED").then().statusCode(200).body("version", equalTo(6));
        move(id, "TERMINATED").then().statusCode(409).body("detail", containsString("COMPLETED is final"));

        given().get("/v1/twinnings/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"6\""))
                .body("status", equalTo("COMPLETED"))
                .body("history.from", equalTo(java.util.Arrays.asList(null, "PROPOSED", "AGREED", "ACTIVE", "SUSPENDED", "ACTIVE")))
                .body("history.to", equalTo(List.of("PROPOSED", "AGREED", "ACTIVE", "SUSPENDED", "ACTIVE", "COMPLETED")))
                .body("history.at", not(hasItem(nullValue())));
    }

    @Test
    void aTransitionNeedsAKnownStatus() {
        String id = create(body("Hue and Kitakyushu", KITAKYUSHU, HUE)).path("id");
        move(id, "DONE").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].detail", containsString("TERMINATED"));
        given().contentType(ContentType.JSON).body("{}").post("/v1/twinnings/" + id + "/transitions")
                .then().statusCode(422).body("errors[0].field", equalTo("to"));
        given().get("/v1/twinnings/" + id).then().body("version", equalTo(1)).body("history.size()", equalTo(1));
        move(UUID.randomUUID().toString(), "AGREED").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aStaleIfMatchOnATransitionIs412AndChangesNothing() {
        String id = create(body("Hue and Kitakyushu, stale tag", KITAKYUSHU, HUE)).path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{ \"to\": \"AGREED\" }")
                .post("/v1/twinnings/" + id + "/transitions").then().statusCode(200).header("ETag", equalTo("\"2\""));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{ \"to\": \"TERMINATED\" }")
                .post("/v1/twinnings/" + id + "/transitions").then().statusCode(412).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        given().get("/v1/twinnings/" + id).then().body("status", equalTo("AGREED")).body("version", equalTo(2));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        given().get("/v1/twinnings/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/twinnings/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstArrangementAndADifferentBodyConflicts() {
        String key = UUID.randomUUID().toString();
        String body = body("Bangkok and Yokohama", YOKOHAMA, BANGKOK);
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/v1/twinnings").then().statusCode(201).extract().path("id");
        long count = repository.count();
        // The same body with other whitespace is the same request.
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body.replace("\n", " "))
                .post("/v1/twinnings").then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", endsWith("/v1/twinnings/" + first))
                .body("id", equalTo(first));
        assertEquals(count, repository.count());

        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body("Another title", YOKOHAMA, BANGKOK))
                .post("/v1/twinnings").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(count, repository.count());

        String other = given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON).body(body)
                .post("/v1/twinnings").then().statusCode(201).extract().path("id");
        assertNotEquals(first, other);

        given().header("Idempotency-Key", "has spaces in it").contentType(ContentType.JSON).body(body)
                .post("/v1/twinnings").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        long count = repository.count();
        String good = body("Cebu and Kitakyushu", KITAKYUSHU, CEBU);

        assertProblem(good.replace(CEBU, "999999999"), 422, "cities[1].cityId");
        assertProblem(good.replace(CEBU, KITAKYUSHU), 422, "cities[1].cityId");
        assertProblem(good.replace("\"SOLID_WASTE\"", "\"GARBAGE\""), 400, "themes[0]");
        assertProblem(good.replace("\"TECHNICAL_COOPERATION\"", "\"TWINNING\""), 400, "kind");
        assertProblem(good.replace("\"MENTOR\"", "\"LEADER\""), 400, "cities[0].role");
        assertProblem(good.replace(", { \"cityId\": \"" + CEBU + "\", \"role\": \"PARTNER\" }", ""), 422, "cities");
        assertProblem(good.replace("\"14050\"", "\"99999\""), 422, "sectors[0]");
        assertProblem(good.replace("\"end\": null", "\"end\": \"2003-12\""), 422, "period.end");
        assertProblem(good.replace("\"start\": \"2004\"", "\"start\": \"2004-13\""), 422, "period.start");
        assertProblem(good.replace("\"start\": \"2004\", ", ""), 422, "period.start");
        assertProblem(good.replace("\"title\": \"Cebu and Kitakyushu\"", "\"title\": \" \""), 422, "title");
        assertProblem(good.replace("https://example.org/takakura", "ftp://example.org"), 422, "sourceUrl");
        assertProblem(good.replace("\"kind\"", "\"colour\": \"red\", \"kind\""), 400, "colour");
        assertProblem(good.replace("\"kind\":", "\"kind\""), 400, "body");
        assertProblem("{ \"title\": ", 400, "body");

        assertEquals(count, repository.count());
    }

    private static void assertProblem(String body, int status, String field) {
        given().contentType(ContentType.JSON).body(body).post("/v1/twinnings").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
    }

    @Test
    void listsFilterByCityAndStatusAndPageStably() {
        String cityA = "1850147"; // Tokyo
        List<String> created = new ArrayList<>();
        for (String partner : List.of(SURABAYA, DA_NANG, HUE)) {
            created.add(0, create(body("Tokyo twinning", cityA, partner)).path("id"));
        }
        move(created.get(0), "AGREED").then().statusCode(200);

        List<String> seen = new ArrayList<>();
        String next = "/v1/twinnings?city=" + cityA + "&limit=2";
        while (next != null) {
            Response page = given().get(next).then().statusCode(200).body("items.history", everyItem(nullValue())).extract().response();
            seen.addAll(page.path("items.id"));
            next = page.path("next");
        }
        assertEquals(created, seen, "newest first, each once");

        given().get("/v1/twinnings?city=" + cityA + "&status=AGREED").then().statusCode(200)
                .body("items.id", equalTo(List.of(created.get(0))))
                .body("items[0].cities.cityId", hasItem(cityA));
        given().get("/v1/twinnings?status=AGREED&limit=100").then().statusCode(200)
                .body("items.status", not(hasItem("PROPOSED")));
        given().get("/v1/twinnings?status=DONE").then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().get("/v1/twinnings?cursor=xyz").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().get("/v1/twinnings?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        // a city that is no city id is said to be one, not answered with an empty list
        given().get("/v1/twinnings?city=abc").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("city"));
        given().get("/v1/twinnings?city=CC42").then().statusCode(200).body("items", empty()); // a secretariat's city id
    }
}
