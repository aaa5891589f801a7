package org.citycoop.matching.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.citycoop.devstack.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/**
 * Who may ask for matches (org.citycoop.platform.security): partner portals, city editors and the
 * secretariat, with a valid gateway token; not the anonymous public.
 */
@QuarkusTest
class AccessTest {

    private static final String NEEDS = """
            { "cityId": "1625822", "country": "ID", "applicantType": "LOCAL_GOVERNMENT",
              "challenges": [ { "area": "SOLID_WASTE", "priority": 1 } ] }""";

    @Test
    void withoutAValidTokenMatchingIs401Problem() {
        for (String authorization : new String[] {TestTokens.NONE, "Bearer " + TestTokens.forgedAdmin(), "Bearer " + TestTokens.expiredAdmin()}) {
            given().header("Authorization", authorization).contentType(ContentType.JSON).body(NEEDS).post("/v1/matches")
                    .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        }
    }

    @Test
    void partnerPortalsAndCityEditorsMatchButThePublicMayNot() {
        given().header("Authorization", "Bearer " + TestTokens.partnerPortal("portal")).contentType(ContentType.JSON).body(NEEDS)
                .post("/v1/matches").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.cityEditor("1625822")).contentType(ContentType.JSON).body(NEEDS)
                .post("/v1/matches").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.anonymous()).contentType(ContentType.JSON).body(NEEDS)
                .post("/v1/matches").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.agencyEditor("jica")).contentType(ContentType.JSON).body(NEEDS)
                .post("/v1/matches").then().statusCode(403);
    }
}
