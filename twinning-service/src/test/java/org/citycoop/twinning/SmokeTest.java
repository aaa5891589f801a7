package org.citycoop.twinning;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.citycoop.devstack.OpenApiCheck;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SmokeTest {

    @Test
    void unknownPathIsAProblem() {
        given().get("/v1/nothing").then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void healthy() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void readinessIsTheDatabaseAndKafkaIsInWellness() {
        // a service with Kafka unreachable still serves reads (its outbox keeps writes): Kafka is not part of readiness
        given().get("/q/health/ready").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsStringIgnoringCase("kafka")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("catalog-schemes")))
                .body("checks.name", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsStringIgnoringCase("database")));
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.data.brokers", equalTo(1));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/twinnings'.post", notNullValue())
                .body("paths.'/v1/cities'.get", notNullValue());
    }

    /** Valid, one ApiKey scheme, problem responses, integer limits (the rules of the gateway's merged document). */
    @Test
    void itsOpenApiDocumentKeepsTheSuiteConventions() {
        JsonNode document = OpenApiCheck.check(given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        JsonNode twinnings = document.at("/paths/~1v1~1twinnings");
        assertTrue(OpenApiCheck.isPublic(twinnings.path("get")));
        assertFalse(OpenApiCheck.isPublic(twinnings.path("post")));
        // no 403 where anyone may call; the shared responses by reference; particular ones keep their description
        assertTrue(twinnings.at("/get/responses/403").isMissingNode());
        assertEquals("#/components/responses/TooManyRequests", twinnings.at("/get/responses/429/$ref").asText());
        assertEquals("The Idempotency-Key was used with a different body", twinnings.at("/post/responses/409/description").asText());
    }
}
