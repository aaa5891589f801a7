package org.citycoop.catalog.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.citycoop.catalog.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SchemeBatchTest {

    private static ObjectNode item(String ref) {
        ObjectNode item = Fixtures.scheme();
        item.put("ref", ref);
        return item;
    }

    private static JsonPath post(String agency, String contentType, String body, int status) {
        // The colon is sent as is (RestAssured would send %3A, which names another resource).
        // The body is UTF-8: no charset is added to Content-Type (RestAssured would add ISO-8859-1, which is refused).
        return given().urlEncodingEnabled(false).config(io.restassured.config.RestAssuredConfig.config().encoderConfig(
                        io.restassured.config.EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8)).post("/v1/agencies/" + agency + "/schemes:batch")
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void appliesEachItemAndRejectsBadOnesWithoutBlockingTheOthers() {
        String agency = Fixtures.createAgency("batch");
        ArrayNode items = Fixtures.JSON.createArrayNode();
        items.add(item("A-1"));
        items.add(item("A-2").put("financeType", "999"));
        items.add(Fixtures.scheme());
        items.add(item("A-3").put("name", 42));
        items.add(item("A-4"));
        JsonPath result = post(agency, "application/json", items.toString(), 200);
        assertEquals(2, result.getInt("created"));
        assertEquals(3, result.getInt("rejected"));
        assertEquals("CREATED", result.getString("items[0].outcome"));
        assertEquals(1, result.getInt("items[0].version"));
        assertEquals("REJECTED", result.getString("items[1].outcome"));
        assertEquals(422, result.getInt("items[1].problem.status"));
        assertEquals("financeType", result.getString("items[1].problem.errors[0].field"));
        assertEquals("ref", result.getString("items[2].problem.errors[0].field"));
        assertEquals(400, result.getInt("items[3].problem.status"));
        assertEquals("name", result.getString("items[3].problem.errors[0].field"));
        assertEquals("CREATED", result.getString("items[4].outcome"));
        given().get("/v1/schemes/" + result.getString("items[4].id")).then().statusCode(200).body("ref", equalTo("A-4"));
        given().get("/v1/agencies/" + agency + "/schemes/A-2").then().statusCode(404);
        given().queryParam("agency", agency).get("/v1/schemes").then().body("items.size()", equalTo(2));
    }

    @Test
    void updatesNeedIfMatchPerItemAsThePutDoes() {
        String agency = Fixtures.createAgency("batch");
        post(agency, "application/json", "[" + item("B-1") + "," + item("B-2") + "," + item("B-3") + "]", 200);
        ArrayNode items = Fixtures.JSON.createArrayNode();
        items.add(item("B-1"));
        items.add(item("B-2").put("description", "Changed without ifMatch"));
        items.add(item("B-3").put("description", "Changed with ifMatch").put("ifMatch", "\"1\""));
        items.add(item("B-1").put("description", "Changed with a stale ifMatch").put("ifMatch", "\"7\""));
        JsonPath result = post(agency, "application/json", items.toString(), 200);
        assertEquals("UNCHANGED", result.getString("items[0].outcome"));
        assertEquals(1, result.getInt("items[0].version"));
        assertEquals(428, result.getInt("items[1].problem.status"));
        assertEquals("ifMatch", result.getString("items[1].problem.errors[0].field"));
        assertEquals("UPDATED", result.getString("items[2].outcome"));
        assertEquals(2, result.getInt("items[2].version"));
        assertEquals(412, result.getInt("items[3].problem.status"));
        assertEquals("ifMatch", result.getString("items[3].problem.errors[0].field"));
        given().get("/v1/agencies/" + agency + "/schemes/B-3").then().header("ETag", "\"2\"")
                .body("description", equalTo("Changed with ifMatch"));
        given().get("/v1/agencies/" + agency + "/schemes/B-2").then().header("ETag", "\"1\"");
        given().get("/v1/schemes/" + result.getString("items[2].id") + "/history").then().statusCode(200)
                .body("items.version", hasItem(2));
    }

    @Test
    void appliesTheSameRefTwiceInOrderEachItemSeeingTheOnesBefore() {
        String agency = Fixtures.createAgency("batch");
        ArrayNode items = Fixtures.JSON.createArrayNode();
        items.add(item("D-1"));
        items.add(item("D-1").put("description", "Changed by the second item").put("ifMatch", "\"1\""));
        items.add(item("D-1").put("description", "Changed by the second item"));
        items.add(item("D-1").put("description", "Changed without ifMatch"));
        JsonPath result = post(agency, "application/json", items.toString(), 200);
        assertEquals("CREATED", result.getString("items[0].outcome"));
        assertEquals("UPDATED", result.getString("items[1].outcome"));
        assertEquals(2, result.getInt("items[1].version"));
        assertEquals("UNCHANGED", result.getString("items[2].outcome"));
        assertEquals(2, result.getInt("items[2].version"));
        assertEquals(428, result.getInt("items[3].problem.status"));
        String id = result.getString("items[0].id");
        assertEquals(id, result.getString("items[1].id"));
        given().get("/v1/schemes/" + id + "/history").then().statusCode(200)
                .body("items.version", equalTo(java.util.List.of(2, 1)))
                .body("items[0].differences.field", hasItem("description"));
        given().get("/v1/agencies/" + agency + "/schemes/D-1").then().header("ETag", "\"2\"")
                .body("description", equalTo("Changed by the second item"));
    }

    @Test
    void readsNdjsonRejectingAMalformedLineOnly() {
        String agency = Fixtures.createAgency("batch");
        String body = item("N-1") + "\n\n{ not json\n" + item("N-2") + "\n";
        JsonPath result = post(agency, "application/x-ndjson", body, 200);
        assertEquals(2, result.getInt("created"));
        assertEquals("REJECTED", result.getString("items[1].outcome"));
        assertEquals(400, result.getInt("items[1].problem.status"));
        assertEquals("N-2", result.getString("items[2].ref"));
    }

    @Test
    void refusesMoreThanAThousandItemsBeforeApplyingAny() {
        String agency = Fixtures.createAgency("batch");
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i <= SchemeBatch.MAX_ITEMS; i++) {
            body.append(i == 0 ? "" : ",").append("{\"ref\":\"R-").append(i)
                    .append("\",\"name\":\"n\",\"supportTypes\":[\"TECHNICAL\"],\"challengeAreas\":[\"AIR_QUALITY\"]}");
        }
        body.append(']');
        given().urlEncodingEnabled(false).contentType("application/json").body(body.toString()).post("/v1/agencies/" + agency + "/schemes:batch")
                .then().statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        given().queryParam("agency", agency).get("/v1/schemes").then().body("items.size()", equalTo(0));
    }

    @Test
    void refusesABodyThatIsNotAnArrayAndAnUnknownAgency() {
        String agency = Fixtures.createAgency("batch");
        post(agency, "application/json", item("X").toString(), 400);
        post(Fixtures.newAgencyId("none"), "application/json", "[" + item("X") + "]", 404);
    }
}
