package org.citycoop.catalog.security;

import io.quarkus.test.junit.QuarkusTest;
import org.citycoop.catalog.Fixtures;
import org.citycoop.devstack.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may call the catalogue (org.citycoop.platform.security): a valid gateway token for everything
 * under /v1; public reads for anyone with one; schemes changed by the secretariat or by the editor of
 * their own agency only; fields the server sets refused.
 */
@QuarkusTest
class AccessTest {

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void withoutAValidTokenEveryRequestIs401Problem() {
        for (String authorization : new String[] {TestTokens.NONE, bearer(TestTokens.forgedAdmin()), bearer(TestTokens.expiredAdmin()),
                "Bearer not.a.token", "Basic YWRtaW46YWRtaW4="}) {
            given().header("Authorization", authorization).get("/v1/schemes")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer realm=\"citycoop\"")
                    .body("status", equalTo(401)).body("title", equalTo("Unauthorized"))
                    .body("errors[0].field", equalTo("Authorization"));
        }
        given().header("Authorization", TestTokens.NONE).get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", TestTokens.NONE).get("/q/openapi").then().statusCode(200);
    }

    @Test
    void thePublicReadsButChangesNothing() {
        String agency = Fixtures.createAgency("pub");
        Fixtures.putScheme(agency, "P-1", Fixtures.scheme()).statusCode(201);
        String anonymous = bearer(TestTokens.anonymous());
        given().header("Authorization", anonymous).get("/v1/schemes?agency=" + agency).then().statusCode(200).body("items.size()", equalTo(1));
        given().header("Authorization", anonymous).get("/v1/agencies/" + agency).then().statusCode(200);
        given().header("Authorization", anonymous).get("/v1/agencies/" + agency + "/schemes/P-1").then().statusCode(200);
        given().header("Authorization", anonymous).get("/v1/vocabularies/countries").then().statusCode(200);
        given().header("Authorization", anonymous).get("/v1/changes").then().statusCode(200);
        given().urlEncodingEnabled(false).header("Authorization", anonymous).get("/v1/schemes:facets?agency=" + agency).then().statusCode(200);
        given().urlEncodingEnabled(false).header("Authorization", anonymous).get("/v1/schemes:export?format=ndjson&agency=" + agency).then().statusCode(200);
        given().urlEncodingEnabled(false).header("Authorization", anonymous).contentType("application/json")
                .body("[" + Fixtures.scheme().put("ref", "P-3") + "]")
                .post("/v1/agencies/" + agency + "/schemes:batch").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"citycoop\"");
        // the anonymous public has not said who it is: 401 asking for credentials, not 403 (RFC 9110, section 15.5.2)
        given().header("Authorization", anonymous).contentType("application/json").body(Fixtures.scheme().toString())
                .put("/v1/agencies/" + agency + "/schemes/P-2").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"citycoop\"").body("status", equalTo(401));
        given().header("Authorization", anonymous).contentType("application/json").body(Fixtures.agency().toString())
                .put("/v1/agencies/" + Fixtures.newAgencyId("pub")).then().statusCode(401);
        given().header("Authorization", bearer(TestTokens.partnerPortal("portal"))).header("If-Match", "\"1\"")
                .delete("/v1/agencies/" + agency + "/schemes/P-1").then().statusCode(403);
        given().get("/v1/agencies/" + agency + "/schemes/P-2").then().statusCode(404);
    }

    @Test
    void anAgencyEditorChangesItsOwnAgencysSchemesOnly() {
        String own = Fixtures.createAgency("own");
        String other = Fixtures.createAgency("other");
        Fixtures.putScheme(other, "O-1", Fixtures.scheme()).statusCode(201);
        String editor = bearer(TestTokens.agencyEditor(own));

        given().header("Authorization", editor).contentType("application/json").body(Fixtures.scheme().toString())
                .put("/v1/agencies/" + own + "/schemes/E-1").then().statusCode(201);
        given().header("Authorization", editor).header("If-Match", "\"1\"").delete("/v1/agencies/" + own + "/schemes/E-1")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        given().header("Authorization", editor).contentType("application/json").body(Fixtures.scheme().put("name", "Hijacked").toString())
                .header("If-Match", "\"1\"").put("/v1/agencies/" + other + "/schemes/O-1")
                .then().statusCode(403).contentType("application/problem+json").body("errors[0].field", equalTo("agencyId"));
        given().header("Authorization", editor).header("If-Match", "\"1\"").delete("/v1/agencies/" + other + "/schemes/O-1")
                .then().statusCode(403);
        given().urlEncodingEnabled(false).header("Authorization", editor).contentType("application/json")
                .body("[" + Fixtures.scheme().put("ref", "O-2") + "]").post("/v1/agencies/" + other + "/schemes:batch")
                .then().statusCode(403).body("errors[0].field", equalTo("agencyId"));
        given().urlEncodingEnabled(false).header("Authorization", editor).contentType("application/json")
                .body("[" + Fixtures.scheme().put("ref", "E-2") + "]").post("/v1/agencies/" + own + "/schemes:batch")
                .then().statusCode(200).body("items[0].outcome", equalTo("CREATED"));
        given().get("/v1/agencies/" + other + "/schemes/O-2").then().statusCode(404);
        given().header("Authorization", editor).contentType("application/json").body(Fixtures.agency().toString())
                .header("If-Match", "\"1\"").put("/v1/agencies/" + other).then().statusCode(403);
        given().get("/v1/agencies/" + other + "/schemes/O-1").then().statusCode(200)
                .body("name", equalTo("Air quality monitoring support for cities")).body("version", equalTo(1));
        // another agency's editor learns nothing from the body's checks: 403 whatever it sends
        for (String body : new String[] {"{\"name\": 5}", "{not json", "{}"}) {
            given().header("Authorization", editor).contentType("application/json").body(body)
                    .put("/v1/agencies/" + other + "/schemes/O-3").then().statusCode(403).body("errors[0].field", equalTo("agencyId"));
            given().header("Authorization", editor).contentType("application/json").body(body)
                    .put("/v1/agencies/" + other).then().statusCode(403).body("errors[0].field", equalTo("agencyId"));
        }
    }

    @Test
    void fieldsTheServerSetsAreRefusedNamingTheField() {
        String agency = Fixtures.createAgency("mass");
        for (String field : new String[] {"id", "agencyId", "ref", "version", "status", "createdAt", "updatedAt"}) {
            Fixtures.putScheme(agency, "M-1", Fixtures.scheme().put(field, "x")).statusCode(400)
                    .body("errors[0].field", equalTo(field));
        }
        Fixtures.putAgency(Fixtures.newAgencyId("mass"), Fixtures.agency().put("version", 7)).statusCode(400)
                .body("errors[0].field", equalTo("version"));
        given().get("/v1/agencies/" + agency + "/schemes/M-1").then().statusCode(404);
    }
}
