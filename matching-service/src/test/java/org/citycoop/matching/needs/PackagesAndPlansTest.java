package org.citycoop.matching.needs;

import org.citycoop.matching.readmodel.ReadModelConsumers;
import org.citycoop.devstack.ExampleEvents;
import org.citycoop.matching.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.citycoop.matching.EventPublisher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Funding packages and application plans of a saved need, over HTTP, from schemes published as events. */
@QuarkusTest
class PackagesAndPlansTest {

    private static final OffsetDateTime DEADLINE = OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(90).withNano(0);

    @Test
    void twoAgenciesMakeACompletePackageAndAChosenSchemeBecomesAPlan() {
        String waste = UUID.randomUUID().toString();
        String institutions = UUID.randomUUID().toString();
        try (EventPublisher events = new EventPublisher()) {
            events.publish("catalog.schemes", ReadModelConsumers.SCHEME_CREATED, waste,
                    scheme(waste, "agency-" + UUID.randomUUID(), "SOLID_WASTE", "300000").toString());
            events.publish("catalog.schemes", ReadModelConsumers.SCHEME_CREATED, institutions,
                    scheme(institutions, "agency-" + UUID.randomUUID(), "INSTITUTIONS", "200000").toString());
        }
        String needId = given().contentType(ContentType.JSON).body("""
                { "name": "Thimphu", "country": "BT", "applicantType": "LOCAL_GOVERNMENT",
                  "challenges": [ { "area": "SOLID_WASTE", "priority": 1 }, { "area": "INSTITUTIONS", "priority": 2 } ],
                  "budget": { "amount": "400000", "currency": "USD" }, "languages": ["en"] }""")
                .post("/v1/needs").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/v1/needs/" + needId + "/matches").then().statusCode(200)
                .extract().jsonPath().getList("items.scheme.id").containsAll(List.of(waste, institutions)));

        JsonPath packages = given().get("/v1/needs/" + needId + "/packages").then().statusCode(200).extract().jsonPath();
        assertEquals(true, packages.getBoolean("items[0].complete"));
        assertEquals(Set.of(waste, institutions), Set.copyOf(packages.getList("items[0].schemes.id")));
        assertEquals(List.of(), packages.getList("items[0].uncovered"));
        assertEquals(Map.of("amount", "500000", "currency", "USD"), packages.getMap("items[0].budget.covered"));
        assertEquals("0", packages.getString("items[0].budget.remaining.amount"));

        JsonPath plan = given().contentType(ContentType.JSON).body(Map.of("schemeId", waste))
                .post("/v1/needs/" + needId + "/applications").then().statusCode(201).extract().jsonPath();
        String planId = plan.getString("id");
        assertEquals(true, plan.getBoolean("reachable"));
        assertEquals(List.of("CITY", "AGENCY"), plan.getList("steps.actor"));
        assertEquals(List.of(DEADLINE.toLocalDate().toString(), DEADLINE.toLocalDate().plusDays(30).toString()),
                plan.getList("steps.targetDate"));
        assertEquals(DEADLINE.toLocalDate().minusDays(14).toString(), plan.getString("startBy"));

        given().contentType(ContentType.JSON).body(Map.of("done", true))
                .post("/v1/needs/" + needId + "/applications/" + planId + "/steps/1")
                .then().statusCode(200).body("steps[0].done", equalTo(true)).body("steps[1].done", equalTo(false))
                .body("version", equalTo(2));
        given().get("/v1/needs/" + needId + "/applications/" + planId).then().statusCode(200).body("steps[0].done", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("done", true))
                .post("/v1/needs/" + needId + "/applications/" + planId + "/steps/9").then().statusCode(404);
        // a number is not a boolean, a fullwidth digit is not a step number: refused naming the field, nothing changes
        given().contentType(ContentType.JSON).body("{\"done\": 12345}")
                .post("/v1/needs/" + needId + "/applications/" + planId + "/steps/2").then().statusCode(400)
                .body("errors[0].field", equalTo("done"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(Map.of("done", true))
                .post("/v1/needs/" + needId + "/applications/" + planId + "/steps/%EF%BC%92").then().statusCode(400)
                .body("errors[0].field", equalTo("n"));
        given().get("/v1/needs/" + needId + "/applications/" + planId).then().statusCode(200)
                .body("steps[1].done", equalTo(false)).body("version", equalTo(2));
        given().contentType(ContentType.JSON).body(Map.of("schemeId", "no-such-scheme"))
                .post("/v1/needs/" + needId + "/applications").then().statusCode(422).body("errors[0].field", equalTo("schemeId"));
        assertTrue(given().get("/v1/needs/" + UUID.randomUUID() + "/packages").then().extract().statusCode() == 404);
    }

    private static ObjectNode scheme(String id, String agencyId, String area, String max) {
        ObjectNode scheme = ExampleEvents.data(ReadModelConsumers.SCHEME_UPDATED).put("id", id).put("agencyId", agencyId).put("version", 1)
                .put("status", "OPEN");
        scheme.putArray("challengeAreas").add(area);
        scheme.putArray("eligibleCountries").add("BT");
        scheme.putObject("fundingRange").<ObjectNode>set("min", money("10000")).set("max", money(max));
        scheme.putObject("window").put("kind", "FIXED").put("opens", DEADLINE.minusDays(100).toString())
                .put("deadline", DEADLINE.toString());
        return scheme;
    }

    private static ObjectNode money(String amount) {
        return ServiceJson.MAPPER.createObjectNode().put("amount", amount).put("currency", "USD");
    }
}
