package org.citycoop.catalog.vocabulary;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class VocabularyResourceTest {

    @Test
    void theIndexListsEveryVocabularyWithWhereItsCodesAre() {
        java.util.List<String> hrefs = given().get("/v1/vocabularies").then().statusCode(200)
                .body("find { it.name == 'sectors' }.iatiCodelist", equalTo("Sector"))
                .body("find { it.name == 'currencies' }.href", equalTo("/v1/vocabularies/currencies"))
                .extract().jsonPath().getList("href");
        org.junit.jupiter.api.Assertions.assertEquals(Vocabulary.values().length, hrefs.size());
        hrefs.forEach(href -> given().get(href).then().statusCode(200));
    }

    @Test
    void sectorsListsTheActiveDacCodesWithEnglishAndFrenchNames() {
        given().get("/v1/vocabularies/sectors").then().statusCode(200)
                .body("name", equalTo("sectors"))
                .body("source", containsString("IATI Standard (http://iatistandard.org/)"))
                .body("items", hasSize(295))
                .body("items.find { it.code == '41010' }.name", equalTo("Environmental policy and administrative management"))
                .body("items.find { it.code == '41010' }.names.fr", containsString("environnement"))
                .body("items.find { it.code == '41010' }.category", equalTo("410"))
                .body("items.code", not(hasItem("15120")));
    }

    @Test
    void countriesAndCurrenciesAreIsoCodes() {
        given().get("/v1/vocabularies/countries").then().statusCode(200)
                .body("items.code", hasItem("VN"))
                .body("items.code", not(hasItem("AN")))
                .body("items.find { it.code == 'JP' }.names.en", equalTo("Japan"));
        given().get("/v1/vocabularies/currencies").then().statusCode(200)
                .body("items.code", hasItem("USD"))
                .body("items.code", not(hasItem("EEK")));
    }

    @Test
    void everyVocabularyIsServed() {
        for (Vocabulary vocabulary : Vocabulary.values()) {
            given().get(vocabulary.allowedListUrl()).then().statusCode(200).body("name", equalTo(vocabulary.pathName()));
        }
    }

    @Test
    void unknownVocabularyIs404NamingTheKnownOnes() {
        given().get("/v1/vocabularies/colours").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("sectors"));
    }
}
