package org.citycoop.gateway;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Rate limits, with small limits and a long window so that the counts, not the clock, decide. The buckets
 * live in the gateway's database and outlive an application start: each test starts from an empty table.
 */
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

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void fullQuotas() throws SQLException {
        emptyBuckets(dataSource);
    }

    static void emptyBuckets(AgroalDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM rate_limit_bucket");
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
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(
                org.citycoop.devstack.MetricsText.sum(metrics, "citycoop_gateway_rate_limit_refusals_total", "policy=\"anonymous\"") >= 1, metrics);
        // a visitor of the finder's pages past the limit gets the finder's page saying so, in the address's language
        given().get("/finder/ja/").then().statusCode(429).contentType(containsString("text/html"))
                .header("Retry-After", matchesPattern("[1-9]\\d*")).body(containsString("lang=\"ja\"")).body(containsString("refused 429"));
        // guessing keys from the same address is counted there too
        given().header("Authorization", "Bearer cck_guess").get("/v1/schemes").then().statusCode(429);

        // the admin's key is counted on its own
        given().header("Authorization", "Bearer " + OriginServer.ADMIN_KEY).get("/v1/schemes").then().statusCode(200)
                .header("RateLimit-Policy", "\"client\";q=4;w=3600")
                .header("RateLimit", matchesPattern("\"client\";r=3;t=\\d+"));
    }

    @Test
    void aDatabaseThatStopsAnsweringCostsA503AfterSecondsNotAHang() throws Exception {
        given().get("/v1/schemes").then().statusCode(200); // the address's bucket row exists
        try (Connection holder = dataSource.getConnection(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.executeQuery("SELECT * FROM rate_limit_bucket FOR UPDATE").close(); // every bucket waits on this lock
            long start = System.nanoTime();
            given().get("/v1/schemes").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", equalTo("5")).body("detail", matchesPattern("Rate limits cannot be checked.*"));
            long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            org.junit.jupiter.api.Assertions.assertTrue(seconds < 15, "answered after " + seconds + " s");
            holder.rollback();
        }
        given().get("/v1/schemes").then().statusCode(200);
    }

    @Test
    void aForwardedForFromAnUntrustedPeerIsNeitherCountedNorPassedOn() {
        // the gateway trusts no proxy by default: each X-Forwarded-For below is the caller's own claim
        for (int i = 1; i <= 3; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i).get("/v1/schemes").then().statusCode(200)
                    .header("RateLimit", matchesPattern("\"anonymous\";r=" + (3 - i) + ";t=\\d+"))
                    .body("headers.x-forwarded-for", equalTo("127.0.0.1"));
        }
        given().header("X-Forwarded-For", "203.0.113.4").get("/v1/schemes").then().statusCode(429);
        given().header("X-Forwarded-For", "203.0.113.5, 198.51.100.9").get("/v1/schemes").then().statusCode(429);
    }
}
