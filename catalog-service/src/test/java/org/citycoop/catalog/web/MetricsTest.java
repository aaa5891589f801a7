package org.citycoop.catalog.web;

import io.quarkus.test.junit.QuarkusTest;
import org.citycoop.catalog.Fixtures;
import org.citycoop.devstack.MetricsText;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /q/metrics}: HTTP server metrics by path template and the outbox's backlog, in the Prometheus text format. */
@QuarkusTest
class MetricsTest {

    @Test
    void requestsAreCountedByTemplateAndTheOutboxBacklogIsReported() {
        String agency = Fixtures.createAgency("metrics");
        double before = served(agency);
        given().get("/v1/agencies/" + agency).then().statusCode(200);
        given().get("/v1/agencies/" + agency).then().statusCode(200);
        assertEquals(before + 2, served(agency), "two more reads of one agency");
        String text = metrics();
        double waiting = MetricsText.sum(text, "citycoop_outbox_waiting");
        double age = MetricsText.sum(text, "citycoop_outbox_oldest_age_seconds");
        assertTrue(waiting >= 0 && age >= 0, "outbox waiting " + waiting + ", oldest " + age + " s");
    }

    private static double served(String agency) {
        double count = MetricsText.sum(metrics(), "http_server_requests_seconds_count", "method=\"GET\"", "uri=\"/v1/agencies/{agencyId}\"",
                "status=\"200\"");
        return Double.isNaN(count) ? 0 : count;
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
