package org.citycoop.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** Rate limits, with small limits and a long window so that the counts, not the clock, decide. */
@QuarkusTest
@QuarkusTestResource(OriginServer.class)
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citycoop.gateway.rate-limit.anonymous-limit", "3",
                    "citycoop.gateway.rate-limit.client-limit", "4",
                    "citycoop.gateway.rate-limit.window", "1h");
        }
    }

    @Test
    void anonymousCallsAreLimitedPerAddressAndKeysHaveTheirOwnQuota() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().get("/v1/schemes").then().statusCode(200)
                    .header("RateLimit-Policy", "\"anonymous\";q=3;w=3600")
                    .header("RateLimit", matchesPattern("\"anonymous\";r=" + remaining + ";t=\\d+"));
        }
        given().get("/v1/schemes").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .header("RateLimit", matchesPattern("\"anonymous\";r=0;t=\\d+"))
                .body("status", equalTo(429)).body("title", equalTo("Too many requests"));
        // guessing keys from the same address is counted there too
        given().header("Authorization", "Bearer cck_guess").get("/v1/schemes").then().statusCode(429);

        // the admin's key is counted on its own
        given().header("Authorization", "Bearer " + OriginServer.ADMIN_KEY).get("/v1/schemes").then().statusCode(200)
                .header("RateLimit-Policy", "\"client\";q=4;w=3600")
                .header("RateLimit", matchesPattern("\"client\";r=3;t=\\d+"));
    }
}
