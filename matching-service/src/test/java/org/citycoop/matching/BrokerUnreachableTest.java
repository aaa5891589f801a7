package org.citycoop.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.citycoop.devstack.StackTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * With its broker unreachable (a closed loopback port) the service stays ready, since it still serves reads from
 * its own database; wellness reports Kafka DOWN; liveness stays UP (no channel has failed), so nothing restarts it.
 */
@QuarkusTest
@TestProfile(BrokerUnreachableTest.ClosedBroker.class)
class BrokerUnreachableTest {

    /** The suite's own stack (PostgreSQL, tokens), with the broker replaced by a closed loopback port. */
    public static class ClosedBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ClosedBrokerStack.class, Map.of("database", "matching")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    public static class ClosedBrokerStack extends StackTestResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                config.put("kafka.bootstrap.servers", "127.0.0.1:" + socket.getLocalPort()); // closed once the test runs
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return config;
        }
    }

    @Test
    void readyWithoutKafkaWhichWellnessReportsDown() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(not(containsStringIgnoringCase("kafka")))
                .body(not(containsString("catalog-schemes")));
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/v1/needs").then().statusCode(200); // reads are served
    }
}
