package org.citycoop.twinning.city;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Secretariat-added municipalities, names in other scripts, search near a point, expertise and needs. */
@QuarkusTest
class CityProfileApiTest {

    static final String KITAKYUSHU = "1859307";
    static final String SURABAYA = "1625822";
    static final String DA_NANG = "1583992";

    static String arrangement(String title, String mentor, String partner) {
        return given().contentType(ContentType.JSON).body("""
                { "title": "%s", "cities": [ { "cityId": "%s", "role": "MENTOR" }, { "cityId": "%s", "role": "PARTNER" } ],
                  "themes": ["SOLID_WASTE"], "kind": "TECHNICAL_COOPERATION" }""".formatted(title, mentor, partner))
                .post("/v1/twinnings").then().statusCode(201).extract().path("id");
    }

    @Test
    void theSecretariatAddsAMunicipalityWithAnIdThatCannotBeAGeoNamesId() {
        String city = """
                { "name": "San Remigio", "country": "PH", "admin1Code": null, "population": 9000,
                  "latitude": 11.08, "longitude": 123.94, "alternateNames": [ { "name": "Munisipyo sa San Remigio", "lang": "ceb" } ] }""";
        Response created = given().contentType(ContentType.JSON).body(city).post("/v1/cities").then().statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("id", startsWith("CC"))
                .body("source", equalTo("secretariat"))
                .body("alternateNames[0].lang", equalTo("ceb"))
                .extract().response();
        String id = created.path("id");
        given().get("/v1/cities/" + id).then().statusCode(200).body("name", equalTo("San Remigio")).body("population", equalTo(9000));
        given().queryParam("q", "munisipyo").get("/v1/cities").then().body("items.id", hasItem(id));
        given().contentType(ContentType.JSON).body(city.replace("11.08", "11.081")).post("/v1/cities").then().statusCode(409)
                .body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body(city.replace("\"PH\"", "\"ph\"")).post("/v1/cities").then().statusCode(422)
                .body("errors[0].field", equalTo("country"));
        given().contentType(ContentType.JSON).body(city.replace("\"PH\"", "\"ZZ\"")).post("/v1/cities").then().statusCode(422)
                .body("errors[0].field", equalTo("country"))
                .body("errors[0].detail", equalTo("'ZZ' is not an ISO 3166-1 alpha-2 country code (the list: GET /v1/vocabularies/countries)"));
        given().contentType(ContentType.JSON).body(city.replace("123.94", "223.94")).post("/v1/cities").then().statusCode(422)
                .body("errors[0].field", equalTo("longitude"));
    }

    @Test
    void namesInJapaneseAreSearchable() {
        given().contentType(ContentType.JSON).body("{ \"names\": [ { \"name\": \"北九州市\", \"lang\": \"ja\" } ] }")
                .put("/v1/cities/" + KITAKYUSHU + "/names").then().statusCode(200)
                .body("alternateNames.name", equalTo(List.of("北九州市")));
        given().queryParam("q", "北九州").get("/v1/cities").then().statusCode(200).body("items[0].id", equalTo(KITAKYUSHU));
        // The same names again change nothing; other names need If-Match.
        int version = given().get("/v1/cities/" + KITAKYUSHU).then().extract().path("version");
        given().contentType(ContentType.JSON).body("{ \"names\": [ { \"name\": \"北九州市\", \"lang\": \"ja\" } ] }")
                .put("/v1/cities/" + KITAKYUSHU + "/names").then().statusCode(200).body("version", equalTo(version));
        given().contentType(ContentType.JSON).body("{ \"names\": [ { \"name\": \"キタキュウシュウ\", \"lang\": \"ja\" } ] }")
                .put("/v1/cities/" + KITAKYUSHU + "/names").then().statusCode(428);
        given().contentType(ContentType.JSON).body("{ \"names\": [ { \"name\": \"北九州市\", \"lang\": \"日本語\" } ] }")
                .put("/v1/cities/" + KITAKYUSHU + "/names").then().statusCode(422).body("errors[0].field", equalTo("names[0].lang"));
    }

    @Test
    void searchNearAPointKeepsTheCitiesWithinTheRadius() {
        // Within 30 km of Kitakyushu: Kitakyushu itself and Shimonoseki (about 15 km), not Fukuoka (about 55 km).
        given().queryParam("lat", 33.85181).queryParam("lon", 130.85034).queryParam("radiusKm", 30).queryParam("limit", 100)
                .get("/v1/cities").then().statusCode(200)
                .body("items.id", hasItem(KITAKYUSHU))
                .body("items.name", hasItem("Shimonoseki"))
                .body("items.name", not(hasItem("Fukuoka")))
                .body("items.country", everyItem(equalTo("JP")));
        given().queryParam("lat", 33.8).queryParam("lon", 130.8).get("/v1/cities").then().statusCode(422)
                .body("errors[0].field", equalTo("radiusKm"));
        given().queryParam("lat", 95).queryParam("lon", 130.8).queryParam("radiusKm", 10).get("/v1/cities").then().statusCode(422)
                .body("errors[0].field", equalTo("lat"));
        given().queryParam("lat", 33.8).queryParam("lon", "east").queryParam("radiusKm", 10).get("/v1/cities").then().statusCode(400)
                .body("errors[0].field", equalTo("lon"));
    }

    @Test
    void expertiseNeedsEvidenceFromTheCitysOwnArrangements() {
        String ownArrangement = arrangement("Surabaya and Da Nang, expertise evidence", SURABAYA, DA_NANG);
        String otherArrangement = arrangement("Kitakyushu and Da Nang, not Surabaya's", KITAKYUSHU, DA_NANG);
        String offer = """
                { "offers": [ { "area": "SOLID_WASTE", "sectors": ["14050"], "evidence": [ { "arrangementId": "%s", "url": null } ], "note": "Takakura composting" } ],
                  "needs": [ { "area": "FINANCIAL_MECHANISMS", "sectors": [], "evidence": [], "note": null } ] }""";
        given().contentType(ContentType.JSON).body(offer.formatted(otherArrangement)).put("/v1/cities/" + SURABAYA + "/expertise")
                .then().statusCode(422).body("errors[0].field", equalTo("offers[0].evidence[0].arrangementId"));
        given().contentType(ContentType.JSON).body(offer.formatted(ownArrangement).replace("\"14050\"", "\"99999\""))
                .put("/v1/cities/" + SURABAYA + "/expertise").then().statusCode(422).body("errors[0].field", equalTo("offers[0].sectors[0]"));
        given().contentType(ContentType.JSON).body(offer.formatted(ownArrangement).replace("{ \"arrangementId\": \"" + ownArrangement + "\", \"url\": null }", ""))
                .put("/v1/cities/" + SURABAYA + "/expertise").then().statusCode(422).body("errors[0].field", equalTo("offers[0].evidence"));

        given().contentType(ContentType.JSON).body(offer.formatted(ownArrangement)).put("/v1/cities/" + SURABAYA + "/expertise")
                .then().statusCode(200)
                .body("offers[0].area", equalTo("SOLID_WASTE"))
                .body("offers[0].evidence[0].arrangementId", equalTo(ownArrangement))
                .body("needs[0].area", equalTo("FINANCIAL_MECHANISMS"));
        given().get("/v1/cities/" + SURABAYA).then().body("offers[0].note", equalTo("Takakura composting"));
        given().contentType(ContentType.JSON).body("{ \"offers\": [], \"needs\": [] }").put("/v1/cities/" + SURABAYA + "/expertise")
                .then().statusCode(428);
    }
}
