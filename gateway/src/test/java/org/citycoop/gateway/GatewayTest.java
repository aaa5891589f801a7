package org.citycoop.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.citycoop.devstack.OpenApiCheck;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(OriginServer.class)
class GatewayTest {

    /** The claims of the token the origin received, decoded (the signature is the services' to check). */
    static io.vertx.core.json.JsonObject forwardedClaims(io.restassured.response.Response echoed) {
        String authorization = echoed.path("headers.authorization");
        org.junit.jupiter.api.Assertions.assertTrue(authorization.startsWith("Bearer ey"), authorization);
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return new io.vertx.core.json.JsonObject(new String(java.util.Base64.getUrlDecoder().decode(payload),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void anAnonymousCallIsForwardedWithAPublicTokenAndRateLimitHeaders() {
        io.restassured.response.Response response = given().get("/v1/schemes");
        response.then().statusCode(200)
                .header("RateLimit-Policy", matchesPattern("\"anonymous\";q=\\d+;w=60"))
                .header("RateLimit", matchesPattern("\"anonymous\";r=\\d+;t=\\d+"));
        io.vertx.core.json.JsonObject claims = forwardedClaims(response);
        org.junit.jupiter.api.Assertions.assertEquals("anonymous", claims.getString("sub"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("PUBLIC"), claims.getJsonArray("groups").getList());
        org.junit.jupiter.api.Assertions.assertEquals("citycoop-gateway", claims.getString("iss"));
        long lifetime = claims.getLong("exp") - claims.getLong("iat");
        org.junit.jupiter.api.Assertions.assertEquals(300, lifetime, "five minutes");
    }

    @Test
    void aServiceOfSeveralInstancesIsServedByTheOneThatRunsWhileTheOtherIsDown() {
        // the first instance listens nowhere: every request, a POST too (nothing of it reached the dead one), is answered
        // by the second, before and after the dead one's circuit opens (3 failures)
        for (int i = 0; i < 8; i++) {
            given().contentType(ContentType.JSON).body("{\"n\":" + i + "}").post("/v1/replicated/" + i).then().statusCode(200)
                    .body("method", equalTo("POST")).body("uri", equalTo("/v1/replicated/" + i))
                    .body("body", equalTo("{\"n\":" + i + "}"));
            given().get("/v1/replicated/" + i).then().statusCode(200).body("uri", equalTo("/v1/replicated/" + i));
        }
    }

    @Test
    void theFindersPagesAreServedUnderFinderWithoutTheCallersCredentials() {
        io.restassured.response.Response page = given().header("Authorization", "Bearer " + OriginServer.ADMIN_KEY)
                .header("Cookie", "session=1").get("/finder/en/?challenge=SOLID_WASTE");
        page.then().statusCode(200)
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/finder/en/?challenge=SOLID_WASTE"))
                .body("headers.authorization", nullValue())
                .body("headers.cookie", nullValue())
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .header("RateLimit", org.hamcrest.Matchers.startsWith("\"anonymous\";")); // a page counts per address
        given().get("/finder/assets/app.0123456789.css").then().statusCode(200).header("RateLimit", nullValue());
        given().get("/finder").then().statusCode(200).body("uri", equalTo("/finder"));
        given().contentType(ContentType.JSON).body("{}").post("/finder/en/").then().statusCode(405)
                .contentType("application/problem+json").header("Allow", "GET, HEAD");
        given().get("/finderx").then().statusCode(404).contentType("application/problem+json");
        // an address of the finder that the edge refuses: the finder's page for it, in the address's language, not cached
        given().urlEncodingEnabled(false).get("/finder/ja/?q=%FF").then().statusCode(400).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store").header("Content-Security-Policy", "default-src 'self'")
                .body(containsString("lang=\"ja\"")).body(containsString("refused 400"));
        given().urlEncodingEnabled(false).get("/finder/en/schemes/a;b").then().statusCode(400).body(containsString("lang=\"en\""));
        given().urlEncodingEnabled(false).get("/v1/schemes?q=%FF").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aKeyThatIsNotValidIs401ProblemAndNeverForwarded() {
        given().header("Authorization", "Bearer cck_not-a-key-anyone-has").get("/v1/schemes")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"citycoop\"")
                .body("title", equalTo("Unauthorized")).body("body", nullValue()).body("errors[0].field", equalTo("Authorization"));
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/v1/schemes")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", matchesPattern(".*Bearer.*"));
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndAnswers503AtOnceWhileOthersStayReachable() {
        for (int i = 0; i < 3; i++) {
            given().get("/v1/outage/" + i).then().statusCode(503).body("detail", matchesPattern(".*cannot be reached.*"));
        }
        given().contentType(ContentType.JSON).body("{}").post("/v1/outage/x").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", matchesPattern("The outage service is failing; the gateway will try it again in \\d+ s\\. Nothing was sent to it\\..*"));
        given().get("/v1/schemes").then().statusCode(200);
    }

    @Test
    void browsersMayCallFromTheSecretariatsSiteOnly() {
        given().header("Origin", "https://citycoop.org").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/v1/schemes").then()
                .header("Access-Control-Allow-Origin", "https://citycoop.org");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .options("/v1/schemes").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://citycoop.org").get("/v1/schemes").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://citycoop.org")
                .header("Access-Control-Expose-Headers", matchesPattern(".*RateLimit.*"));
    }

    @Test
    void routesByPrefixAndForwardsHeaders() {
        given().header("X-Forwarded-Port", "6666").header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .get("/v1/schemes?challenge=SOLID_WASTE&limit=5")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/v1/schemes?challenge=SOLID_WASTE&limit=5"))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", notNullValue())
                .body("headers.x-forwarded-port", nullValue())
                .body("headers.authorization", matchesPattern("Bearer ey[A-Za-z0-9_.-]+"))
                .body("headers.x-request-id", matchesPattern("[0-9a-f-]{36}"))
                .body("headers.traceparent", matchesPattern("00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-0[01]"));
    }

    @Test
    void keepsAWellFormedRequestIdAndReplacesAMalformedOne() {
        io.restassured.response.Response response = given().header("X-Request-Id", "portal-42").get("/v1/agencies");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("portal-42"), response.headers().getValues("X-Request-Id"),
                "one X-Request-Id on the response");
        response.then().statusCode(200)
                .body("headers.x-request-id", equalTo("portal-42"));
        given().header("X-Request-Id", "bad id with spaces").get("/v1/agencies")
                .then().statusCode(200).body("headers.x-request-id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void passesBodiesAndCustomMethodPaths() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .put("/v1/agencies/unep-ietc/schemes/AQ-1")
                .then().statusCode(200).body("method", equalTo("PUT")).body("body", equalTo("{\"name\":\"x\"}"));
        given().urlEncodingEnabled(false).get("/v1/schemes:export?format=csv").then().statusCode(200).body("uri", equalTo("/v1/schemes:export?format=csv"));
        given().get("/v1/cities/1859307").then().statusCode(200).body("uri", equalTo("/v1/cities/1859307"));
    }

    @Test
    void aBodyOverTheLimitIs413ProblemAndNeverForwarded() {
        given().contentType(ContentType.JSON).body("{\"description\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .put("/v1/agencies/unep-ietc/schemes/BIG-1")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void anIatiFileImportHasTheLargerImportLimit() {
        // 17 MB: over the batch limit (16M) and the HTTP layer's default (10M), under the import limit (60M)
        String file = "<iati-activities version=\"2.03\"><!--" + "x".repeat(17 * 1024 * 1024) + "--></iati-activities>";
        given().contentType("application/xml").body(file).post("/v1/agencies/unep-ietc/iati-activities")
                .then().statusCode(200).body("method", equalTo("POST"));
        given().contentType("application/xml").body(file).post("/v1/agencies/unep-ietc/schemes:batch")
                .then().statusCode(413).contentType("application/problem+json");
        // the batch limit is for the documented batch operation only; a made-up one has the ordinary limit
        String threeMegabytes = "[\"" + "x".repeat(3 * 1024 * 1024) + "\"]";
        given().contentType(ContentType.JSON).body(threeMegabytes).post("/v1/agencies/unep-ietc/schemes:batch")
                .then().statusCode(200).body("method", equalTo("POST"));
        given().contentType(ContentType.JSON).body(threeMegabytes).post("/v1/schemes/x:batch")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void unknownRouteIsAProblem() {
        given().get("/v1/schemesXYZ").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("instance", equalTo("/v1/schemesXYZ"));
        given().get("/v1/nothing/here").then().statusCode(404).contentType("application/problem+json");
        given().get("/nope").then().statusCode(404).contentType("application/problem+json").body("instance", equalTo("/nope"));
    }

    @Test
    void serviceDownIs503ProblemAndOthersStayReachable() {
        given().contentType(ContentType.JSON).body("{}").post("/v1/matches")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("X-Request-Id", notNullValue())
                .body("title", equalTo("Service unavailable"))
                .body("detail", matchesPattern(".*matching.*"));
        given().get("/v1/schemes").then().statusCode(200);
    }

    @Test
    void aServiceThatDoesNotAnswerIs504ProblemAfterTheResponseTimeout() {
        given().get("/v1/cities/hang").then().statusCode(504)
                .contentType("application/problem+json")
                .body("title", equalTo("Gateway timeout"))
                .body("detail", matchesPattern(".*twinning.*2 s.*"));
        given().get("/v1/cities/1859307").then().statusCode(200);
    }

    @Test
    void servesMergedOpenApiNamingUnavailableServices() {
        String json = given().get("/q/openapi").then().statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("paths.'/v1/schemes'.get", notNullValue())
                .body("components.schemas.Page.type", equalTo("object"))
                .body("components.schemas.CatalogPage", nullValue())
                .body("x-citycoop-unavailable", hasItem("matching"))
                .body("paths.'/v1/clients'.post.responses.'201'", notNullValue())
                .extract().asString();
        // valid (swagger-parser), one ApiKey scheme, problem responses, unique operation ids: catalog and twinning serve the same one here
        OpenApiCheck.check(json);
    }

    @Test
    void healthReportsEachService() {
        given().get("/q/health").then().statusCode(503)
                .body("checks.find { it.name == 'services' }.data.catalog", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.twinning", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.matching", equalTo("DOWN"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/q/openapi"));
    }
}
