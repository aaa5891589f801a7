package org.citycoop.twinning.city;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CityRegistryTest {

    @Inject
    EntityManager entityManager;

    @Inject
    CityImporter importer;

    @Test
    void theStartUpImportHoldsEveryGoodRowOfTheShippedFile() throws IOException {
        long dataRows;
        try (InputStream file = getClass().getClassLoader().getResourceAsStream(CityImporter.RESOURCE)) {
            dataRows = new String(file.readAllBytes(), StandardCharsets.UTF_8).lines().count() - 1; // minus the header
        }
        Object[] imported = (Object[]) entityManager.createNativeQuery(
                        "SELECT rows_read, rows_skipped FROM city_import WHERE source = ?1")
                .setParameter(1, CityImporter.SOURCE).getSingleResult();
        long read = ((Number) imported[0]).longValue();
        long skipped = ((Number) imported[1]).longValue();
        assertEquals(dataRows, read);
        assertEquals(dataRows - skipped, count());
        assertTrue(count() > 24_000, "the registry holds the file's cities");
    }

    @Test
    void importingAgainChangesNothing() {
        long before = count();
        CityImporter.Report again = importer.importShippedFile();
        assertFalse(again.alreadyHeld());
        assertEquals(0, again.rowsChanged());
        assertEquals(before, count());
        assertTrue(importer.importIfNeeded().alreadyHeld(), "the registry records that it holds this file");
    }

    @Test
    void kitakyushuAndSurabayaAreInTheRegistry() {
        given().get("/v1/cities/1859307").then().statusCode(200)
                .body("id", equalTo("1859307"))
                .body("name", equalTo("Kitakyushu"))
                .body("asciiName", equalTo("Kitakyushu"))
                .body("country", equalTo("JP"))
                .body("admin1Code", equalTo("07"))
                .body("population", equalTo(997536))
                .body("latitude", equalTo(33.85181f))
                .body("longitude", equalTo(130.85034f));
        given().get("/v1/cities/1625822").then().statusCode(200)
                .body("name", equalTo("Surabaya")).body("country", equalTo("ID"));
    }

    @Test
    void anUnknownCityIsANotFoundProblem() {
        given().get("/v1/cities/999999999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("No city with id '999999999' in the registry."));
    }

    @Test
    void searchIgnoresCaseAndAccentsInBothDirections() {
        // The file names Huế with its accents and Da Nang without them.
        assertFirstMatch("hue", "1580240", "Huế");
        assertFirstMatch("HUẾ", "1580240", "Huế");
        assertFirstMatch("Đà Nẵng", "1583992", "Da Nang");
        assertFirstMatch("sao paulo", "3448439", "São Paulo");
        assertFirstMatch("ão pau", "3448439", "São Paulo");
        assertFirstMatch("kitakyu", "1859307", "Kitakyushu");
    }

    private static void assertFirstMatch(String q, String id, String name) {
        given().queryParam("q", q).get("/v1/cities").then().statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].name", equalTo(name));
    }

    @Test
    void likeWildcardsInTheQueryAreTakenLiterally() {
        given().queryParam("q", "%").get("/v1/cities").then().statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("q", "\uFF05").get("/v1/cities").then().statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("q", "s\uFF3Fi").get("/v1/cities").then().statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("q", "_").get("/v1/cities").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void pagesWalkEveryCityOfACountryOnceByPopulation() {
        long inVietnam = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM city WHERE country = 'VN'")
                .getSingleResult()).longValue();
        List<String> ids = new ArrayList<>();
        List<Integer> populations = new ArrayList<>();
        String next = "/v1/cities?country=VN&limit=7";
        int pages = 0;
        while (next != null) {
            Response page = given().get(next).then().statusCode(200).extract().response();
            ids.addAll(page.path("items.id"));
            populations.addAll(page.path("items.population"));
            next = page.path("next");
            pages++;
        }
        assertEquals(inVietnam, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no city twice");
        assertEquals((inVietnam + 6) / 7, pages);
        for (int i = 1; i < populations.size(); i++) {
            assertTrue(populations.get(i - 1) >= populations.get(i), "sorted by population, descending");
        }
        List<String> onePage = given().get("/v1/cities?country=VN&limit=100").then().statusCode(200)
                .body("next", nullValue()).extract().path("items.id");
        assertEquals(onePage, ids, "paging gives the same order as one page");
    }

    @Test
    void theCountryFilterKeepsOnlyThatCountry() {
        given().queryParam("q", "george town").queryParam("country", "MY").get("/v1/cities").then().statusCode(200)
                .body("items.id", hasItem("1735106"))
                .body("items.country", not(hasItem("KY")));
        List<String> withoutFilter = given().queryParam("q", "george town").queryParam("limit", 100).get("/v1/cities")
                .then().statusCode(200).extract().path("items.country");
        assertTrue(withoutFilter.contains("KY") && withoutFilter.contains("MY"));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        given().queryParam("country", "jp").get("/v1/cities").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("country"));
        given().queryParam("country", "JPN").get("/v1/cities").then().statusCode(422).body("errors[0].field", equalTo("country"));
        given().queryParam("limit", 0).get("/v1/cities").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 101).get("/v1/cities").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", "many").get("/v1/cities").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("q", "x".repeat(101)).get("/v1/cities").then().statusCode(422).body("errors[0].field", equalTo("q"));
        given().queryParam("cursor", "not-a-cursor").get("/v1/cities").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }


    /** The GeoNames cities (the secretariat may have added others). */
    private long count() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM city WHERE source = 'geonames:cities_pop15k'").getSingleResult()).longValue();
    }
}
