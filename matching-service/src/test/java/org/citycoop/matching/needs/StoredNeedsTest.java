package org.citycoop.matching.needs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A saved profile may hold a code that the rules refuse today (an earlier release checked only the form of sectors,
 * and a code can be withdrawn from the IATI Sector codelist after it was saved): sending the stored content again
 * still changes nothing, and a change is checked in full.
 */
@QuarkusTest
class StoredNeedsTest {

    private static final String BODY = """
            { "name": "Saved before the sector rule", "country": "ID", "applicantType": "LOCAL_GOVERNMENT",
              "challenges": [ { "area": "SOLID_WASTE", "priority": 1 } ], "languages": ["en"], "sectors": [%s] }""";

    @Inject
    EntityManager entityManager;

    @Test
    void theStoredContentCanBeSentAgainEvenWhenItNamesACodeRefusedToday() {
        String id = given().contentType(ContentType.JSON).body(BODY.formatted("\"14050\"")).post("/v1/needs")
                .then().statusCode(201).extract().path("id");
        // 11321 has the 5-digit form but was withdrawn from the codelist in 2019
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE need SET profile = jsonb_set(profile, '{sectors}', '[\"11321\"]') WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        given().get("/v1/needs/" + id).then().statusCode(200).body("profile.sectors[0]", equalTo("11321"));

        given().contentType(ContentType.JSON).body(BODY.formatted("\"11321\"")).put("/v1/needs/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(BODY.formatted("\"11321\", \"14050\""))
                .put("/v1/needs/" + id).then().statusCode(422).body("errors[0].field", equalTo("sectors[0]"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(BODY.formatted("\"14050\", \"14050\""))
                .put("/v1/needs/" + id).then().statusCode(422).body("errors[0].field", equalTo("sectors[1]"));
        given().get("/v1/needs/" + id).then().statusCode(200).body("version", equalTo(1)).body("profile.sectors[0]", equalTo("11321"));
    }
}
