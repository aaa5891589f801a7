package org.citycoop.twinning;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

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
}
