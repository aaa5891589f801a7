package org.citycoop.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
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
}
