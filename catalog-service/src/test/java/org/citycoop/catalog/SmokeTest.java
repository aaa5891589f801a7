package org.citycoop.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
}
