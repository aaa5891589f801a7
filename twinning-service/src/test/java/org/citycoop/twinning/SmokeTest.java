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
    void servesItsOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/twinnings'.post", notNullValue())
                .body("paths.'/v1/cities'.get", notNullValue());
    }
}
