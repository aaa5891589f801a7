package org.citycoop.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.citycoop.devstack.OpenApiCheck;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SmokeTest {

    @Test
    void unknownPathIsProblem() {
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
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/v1/agencies/{agencyId}/schemes/{ref}"))
                .body(containsString("/v1/vocabularies/{name}"))
                .body(containsString("THROUGH_PARTNER_LOCAL_GOVERNMENT"));
    }

    /** Valid, one ApiKey scheme, problem responses, integer limits (the rules of the gateway's merged document). */
    @Test
    void itsOpenApiDocumentKeepsTheSuiteConventions() {
        JsonNode document = OpenApiCheck.check(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        assertTrue(OpenApiCheck.isPublic(document.at("/paths/~1v1~1schemes/get")));
        assertEquals("SECRETARIAT_ADMIN", document.at("/paths/~1v1~1agencies~1{agencyId}~1schemes~1{ref}/put/security/0/ApiKey/0").asText());
        // a description particular to the operation stays, with the problem content
        assertEquals("The scheme exists, the content differs, and If-Match is missing",
                document.at("/paths/~1v1~1agencies~1{agencyId}~1schemes~1{ref}/put/responses/428/description").asText());
    }
}
