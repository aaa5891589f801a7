package org.citycoop.catalog.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.citycoop.catalog.Fixtures;
import org.citycoop.devstack.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST .../iati-activities with Prefer: respond-async and GET .../iati-imports/{id}, against a real PostgreSQL and Kafka. */
@QuarkusTest
class ImportJobTest {

    /** Activities of the generated file: about 0.9 MB, under the tests' 1 MB limit. */
    static final int ACTIVITIES = 2_200;

    private static Response postAsync(String agency, byte[] file, String token) {
        return given().header("Authorization", "Bearer " + token).header("Prefer", "wait=10, respond-async")
                .contentType("application/xml; charset=utf-8").body(file).post("/v1/agencies/" + agency + "/iati-activities");
    }

    /** Reads the import until it ends, checking on the way that its counts only grow and stay within the file. */
    private static JsonPath untilDone(String location, String token) throws InterruptedException {
        List<String> states = new ArrayList<>();
        long read = 0;
        for (int i = 0; i < 1_200; i++) {
            JsonPath job = given().header("Authorization", "Bearer " + token).urlEncodingEnabled(false).get(location).then()
                    .statusCode(200).extract().jsonPath();
            String state = job.getString("state");
            states.add(state);
            assertTrue(job.getLong("bytesRead") >= read && job.getLong("bytesRead") <= job.getLong("bytesTotal"), job.prettify());
            read = job.getLong("bytesRead");
            if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not end; states seen: " + states);
    }

    @Test
    void aLargeFileIsImportedInTheBackgroundAndReportsItsProgressThenItsReport() throws Exception {
        String agency = Fixtures.createAgency("iati");
        byte[] file = IatiFiles.generated(agency, ACTIVITIES).getBytes(StandardCharsets.UTF_8);
        assertTrue(file.length > 800_000, "a large file for the test limit: " + file.length);
        String editor = TestTokens.agencyEditor(agency);
        Response accepted = postAsync(agency, file, editor);
        accepted.then().statusCode(202).header("Preference-Applied", equalTo("respond-async"))
                .body("agencyId", equalTo(agency)).body("state", equalTo("QUEUED")).body("bytesTotal", equalTo(file.length));
        String location = accepted.header("Location");
        assertTrue(location.contains("/v1/agencies/" + agency + "/iati-imports/" + accepted.path("id")), location);

        JsonPath done = untilDone(location, editor);
        assertEquals("SUCCEEDED", done.getString("state"), done.prettify());
        assertEquals(file.length, done.getLong("bytesRead"));
        assertEquals(ACTIVITIES, done.getInt("activities"));
        assertEquals(ACTIVITIES, done.getInt("created"));
        assertEquals(ACTIVITIES, done.getInt("report.created"));
        assertEquals(ACTIVITIES, done.getList("report.items").size());
        assertNull(done.get("problem"));
        given().urlEncodingEnabled(false).get("/v1/activities:facets?facets=agency&agency=" + agency).then().body("total", equalTo(ACTIVITIES));

        // idempotent: the same file again, in the background too, changes nothing
        JsonPath again = untilDone(postAsync(agency, file, editor).then().statusCode(202).extract().header("Location"), editor);
        assertEquals("SUCCEEDED", again.getString("state"));
        assertEquals(ACTIVITIES, again.getInt("unchanged"));
        assertEquals(0, again.getInt("created") + again.getInt("updated"));

        // another agency's editor does not see it; a made-up import is not there
        String other = Fixtures.createAgency("iati");
        given().header("Authorization", "Bearer " + TestTokens.agencyEditor(other)).urlEncodingEnabled(false).get(location).then()
                .statusCode(403).body("errors[0].field", equalTo("agencyId"));
        given().header("Authorization", "Bearer " + TestTokens.agencyEditor(other))
                .get("/v1/agencies/" + other + "/iati-imports/" + accepted.path("id")).then().statusCode(404);
        given().get("/v1/agencies/" + agency + "/iati-imports/not-a-uuid").then().statusCode(404);
    }

    @Test
    void aRefusedFileEndsFailedWithItsProblemAndStoresNothing() throws Exception {
        String agency = Fixtures.createAgency("iati");
        String file = IatiFiles.generated(agency, 300).replace("<reporting-org ref=\"XM-DAC-41116\" type=\"40\"/><title><narrative>Generated activity 250<",
                "<reporting-org ref=\"XM-DAC-99999\" type=\"40\"/><title><narrative>Generated activity 250<");
        String location = postAsync(agency, file.getBytes(StandardCharsets.UTF_8), TestTokens.admin()).then().statusCode(202)
                .extract().header("Location");
        JsonPath failed = untilDone(location, TestTokens.admin());
        assertEquals("FAILED", failed.getString("state"), failed.prettify());
        assertEquals(422, failed.getInt("problem.status"));
        assertEquals("iati-activity[251]/reporting-org/@ref", failed.getString("problem.errors[0].field"));
        assertNull(failed.get("report"));
        given().urlEncodingEnabled(false).get("/v1/activities:facets?facets=agency&agency=" + agency).then().body("total", equalTo(0));

        // refused before anything is received in the background: no agency, no iatiOrgId
        postAsync(Fixtures.newAgencyId("none"), file.getBytes(StandardCharsets.UTF_8), TestTokens.admin()).then().statusCode(404);
        given().header("Prefer", "respond-async; " + "x".repeat(300)).contentType("application/xml; charset=utf-8")
                .body(IatiFiles.generated(agency, 2)).post("/v1/agencies/" + agency + "/iati-activities").then().statusCode(400)
                .body("errors[0].field", equalTo("Prefer"));
        // without respond-async the answer is the report itself
        given().header("Prefer", "return=minimal").contentType("application/xml; charset=utf-8")
                .body(IatiFiles.generated(agency, 2)).post("/v1/agencies/" + agency + "/iati-activities").then().statusCode(200)
                .body("created", equalTo(2));
    }
}
