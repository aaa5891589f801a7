package org.citycoop.gateway;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.citycoop.gateway.auth.Sessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * A client named in {@code forwarding-clients} (the scheme finder) states its visitors' addresses in X-Forwarded-For
 * wherever it runs (no trusted proxy here): each visitor has a quota of its own, so one visitor cannot use up the
 * finder's for everyone. An anonymous caller's X-Forwarded-For is still ignored.
 */
@QuarkusTest
@QuarkusTestResource(OriginServer.class)
@TestProfile(ForwardingClientTest.Forwarding.class)
class ForwardingClientTest {

    public static class Forwarding implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citycoop.gateway.forwarding-clients", Sessions.BOOTSTRAP_ADMIN,
                    "citycoop.gateway.rate-limit.anonymous-limit", "3",
                    "citycoop.gateway.rate-limit.client-limit", "3",
                    "citycoop.gateway.rate-limit.window", "1h");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void fullQuotas() throws SQLException {
        RateLimitTest.emptyBuckets(dataSource);
    }

    @Test
    void eachVisitorOfAForwardingClientHasItsOwnQuota() {
        String key = "Bearer " + OriginServer.ADMIN_KEY;
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("Authorization", key).header("X-Forwarded-For", "198.51.100.1").get("/v1/schemes").then().statusCode(200)
                    .header("RateLimit", matchesPattern("\"client\";r=" + remaining + ";t=\\d+"));
        }
        given().header("Authorization", key).header("X-Forwarded-For", "198.51.100.1").get("/v1/schemes").then().statusCode(429);
        given().header("Authorization", key).header("X-Forwarded-For", "198.51.100.2, 10.0.0.1").get("/v1/schemes").then()
                .statusCode(200).header("RateLimit", matchesPattern("\"client\";r=2;t=\\d+"));
        given().header("Authorization", key).get("/v1/schemes").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"client\";r=2;t=\\d+"));
    }

    @Test
    void anAnonymousCallersForwardedForIsIgnored() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i).get("/v1/schemes").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.99").get("/v1/schemes").then().statusCode(429);
    }
}
