package org.citycoop.gateway;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** Behind a trusted proxy (here the test itself, on 127.0.0.1) the client is the one it names in X-Forwarded-For. */
@QuarkusTest
@QuarkusTestResource(OriginServer.class)
@TestProfile(TrustedProxyTest.BehindAProxy.class)
class TrustedProxyTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citycoop.gateway.trusted-proxies", "127.0.0.1",
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
    void eachForwardedClientHasItsOwnQuotaAndTheChainGoesOnToTheService() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("X-Forwarded-For", "203.0.113.7").get("/v1/schemes").then().statusCode(200)
                    .header("RateLimit", matchesPattern("\"anonymous\";r=" + remaining + ";t=\\d+"))
                    .body("headers.x-forwarded-for", equalTo("203.0.113.7, 127.0.0.1"));
        }
        given().header("X-Forwarded-For", "203.0.113.7").get("/v1/schemes").then().statusCode(429);
        // another client behind the same proxy, and the proxy's own requests, are counted apart
        given().header("X-Forwarded-For", "203.0.113.8").get("/v1/schemes").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"anonymous\";r=2;t=\\d+"));
        given().get("/v1/schemes").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"anonymous\";r=2;t=\\d+"))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"));
    }

    @Test
    void aKeyedProxyLikeTheFinderGetsAQuotaPerVisitorItForwards() {
        String key = "Bearer " + OriginServer.ADMIN_KEY;
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("Authorization", key).header("X-Forwarded-For", "198.51.100.1").get("/v1/schemes").then().statusCode(200)
                    .header("RateLimit", matchesPattern("\"client\";r=" + remaining + ";t=\\d+"));
        }
        given().header("Authorization", key).header("X-Forwarded-For", "198.51.100.1").get("/v1/schemes").then().statusCode(429);
        // another visitor of the same proxy, and the key's own calls, have their own quotas
        given().header("Authorization", key).header("X-Forwarded-For", "198.51.100.2").get("/v1/schemes").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"client\";r=2;t=\\d+"));
        given().header("Authorization", key).get("/v1/schemes").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"client\";r=2;t=\\d+"));
    }
}
