package org.citycoop.catalog.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citycoop.catalog.Fixtures;
import org.citycoop.catalog.TopicReader;
import org.citycoop.devstack.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /v1/agencies/{agencyId}/iati-activities against a real PostgreSQL and Kafka. */
@QuarkusTest
class ActivityImportTest {

    static ValidatableResponse post(String agency, String xml) {
        return given().contentType("application/xml; charset=utf-8").body(xml.getBytes(StandardCharsets.UTF_8))
                .post("/v1/agencies/" + agency + "/iati-activities").then();
    }

    private static List<?> activitiesOf(String agency) {
        return given().queryParam("agency", agency).get("/v1/activities").then().statusCode(200).extract().path("items");
    }

    @Test
    void importsWhatItCanReportsTheRestAndKeepsWhatTheFileSays() {
        String agency = Fixtures.createAgency("iati");
        JsonPath report = post(agency, IatiFiles.forAgency("activities.xml", agency)).statusCode(200).extract().jsonPath();
        assertEquals("2.03", report.getString("version"));
        assertEquals(4, report.getInt("activities"));
        assertEquals(2, report.getInt("created"));
        assertEquals(2, report.getInt("rejected"));
        assertEquals(List.of("CREATED", "CREATED", "REJECTED", "REJECTED"), report.getList("items.outcome"));
        assertNull(report.get("items[0].warnings"), "T1 is clean");
        List<String> warnings = report.getList("items[1].warnings");
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("language assumed")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("sector[1]/@code: unknown DAC 5-digit sector code '99999'")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("default-finance-type/@code: unknown")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("recipient-country, recipient-region: the percentages add up to 80")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("budget[1]/value: no currency")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("activity-status: 1 (Pipeline/identification), but the actual start")), warnings.toString());
        assertEquals(List.of("iati-identifier: required"), report.getList("items[2].reasons"));
        assertTrue(report.getString("items[3].reasons[0]").startsWith("activity-date[1]/@iso-date: '2019-13-45'"));

        String id = report.getString("items[0].id");
        given().get("/v1/activities/" + id).then().statusCode(200)
                .body("agencyId", equalTo(agency))
                .body("iatiIdentifier", equalTo("XM-DAC-41116-" + agency + "-T1"))
                .body("titles.ja", equalTo("スラバヤの廃棄物管理"))
                .body("descriptions.en", equalTo("Composting and collection."))
                .body("descriptions.size()", equalTo(1))
                .body("dates.actualStart", equalTo("2015-06-15"))
                .body("sectors.code", equalTo(List.of("14050", "41010", "LOCAL-1")))
                .body("budgets[0].value.amount", equalTo("250000"))
                .body("committed", equalTo(List.of(java.util.Map.of("amount", "20000000", "currency", "JPY"),
                        java.util.Map.of("amount", "1500000", "currency", "USD"))))
                .body("participatingOrgs[1].names.en", equalTo("City of Surabaya"))
                .body("documentLinks[0].categories", equalTo(List.of("A02")))
                .body("version", equalTo(1));
        assertEquals(2, activitiesOf(agency).size());
    }

    @Test
    void theReadmesExampleFilesImportAsTheReadmeShows() throws Exception {
        String agency = Fixtures.newAgencyId("adb-example");
        Fixtures.putAgency(agency, Fixtures.agency().put("iatiOrgId", "XM-DAC-46004")).statusCode(201);
        String activities = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/examples/iati-activities-example.xml"))
                .replace("XM-DAC-46004-EXAMPLE-", "XM-DAC-46004-EXAMPLE-" + agency + "-"); // identifiers are unique across agencies
        post(agency, activities).statusCode(200)
                .body("activities", equalTo(3)).body("created", equalTo(2)).body("rejected", equalTo(1))
                .body("items[1].warnings", hasItem("sector: the percentages of vocabulary 1 add up to 90, not 100"))
                .body("items[2].reasons", hasItem("iati-identifier: required"));
        given().contentType("application/xml; charset=utf-8").body(java.nio.file.Files.readAllBytes(
                        java.nio.file.Path.of("../docs/examples/iati-organisation-example.xml")))
                .post("/v1/agencies/" + agency + "/iati-organisation").then().statusCode(200);
    }

    @Test
    void aTextOrCommentTooLongForMemoryRefusesTheFile() {
        String agency = Fixtures.createAgency("iati");
        String activity = IatiFiles.oneActivity("XM-DAC-41116-" + agency + "-LONG", "XM-DAC-41116", null, "Long");
        for (String tooLong : List.of(activity.replace(">Long<", ">" + "A".repeat(300_000) + "<"),
                activity.replace("<iati-activity ", "<!-- " + "x".repeat(300_000) + " --><iati-activity "))) {
            post(agency, tooLong).statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"))
                    .body("errors[0].detail", startsWith("the file holds more than one part of it may"))
                    .body("errors[0].detail", containsString("200000"));
        }
        assertTrue(activitiesOf(agency).isEmpty(), "nothing stored");
        post(agency, activity.replace("<iati-activity ", "<!-- " + "x".repeat(100_000) + " --><iati-activity "))
                .statusCode(200).body("created", equalTo(1));
    }

    @Test
    void anAgencyCannotTakeAnotherPublishersIdentifiers() {
        String jica = Fixtures.newAgencyId("jica-like");
        Fixtures.putAgency(jica, Fixtures.agency().put("iatiOrgId", "XM-DAC-701-8")).statusCode(201);
        post(jica, IatiFiles.oneActivity("XM-DAC-41116-" + jica + "-SQUAT", "XM-DAC-701-8", null, "Squatted"))
                .statusCode(200).body("created", equalTo(0)).body("rejected", equalTo(1))
                .body("items[0].reasons[0]", startsWith("iati-identifier: must begin with the reporting organisation's identifier"));
        post(jica, IatiFiles.oneActivity("JP-8-" + jica + "-OWN", "XM-DAC-701-8", null, "Own, in the older form"))
                .statusCode(200).body("created", equalTo(1));
    }

    @Test
    void theSameFileAgainChangesAndPublishesNothingAndTheFreshestCopyWins() {
        String agency = Fixtures.createAgency("iati");
        String identifier = "XM-DAC-41116-" + agency;
        String id = post(agency, IatiFiles.oneActivity(identifier, "XM-DAC-41116", "2026-09-30T00:00:00Z", "First"))
                .statusCode(200).body("created", equalTo(1)).extract().path("items[0].id");
        post(agency, IatiFiles.oneActivity(identifier, "XM-DAC-41116", "2026-09-30T00:00:00Z", "First"))
                .statusCode(200).body("unchanged", equalTo(1)).body("items[0].id", equalTo(id)).body("items[0].version", equalTo(1));
        post(agency, IatiFiles.oneActivity(identifier, "XM-DAC-41116", "2026-08-01T00:00:00Z", "Older"))
                .statusCode(200).body("unchanged", equalTo(1))
                .body("items[0].warnings[0]", startsWith("@last-updated-datetime: the catalogue holds a later copy"));
        post(agency, IatiFiles.oneActivity(identifier, "XM-DAC-41116", "2026-10-02T00:00:00+09:00", "Newer"))
                .statusCode(200).body("updated", equalTo(1)).body("items[0].version", equalTo(2));
        given().get("/v1/activities/" + id).then().body("titles.en", equalTo("Newer")).body("version", equalTo(2));

        try (TopicReader topic = new TopicReader(ActivityEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> events = topic.awaitRecords(id, 2);
            assertEquals(List.of(ActivityEvents.CREATED, ActivityEvents.UPDATED),
                    events.stream().map(e -> TopicReader.header(e, "ce_type")).toList(),
                    "the same file again and the older copy published nothing between the creation and the update");
        }
    }

    @Test
    void anActivityOfAnotherAgencyIsRejectedAndOneOfAnotherReporterRefusesTheWholeFile() {
        String first = Fixtures.createAgency("iati");
        String second = Fixtures.createAgency("iati");
        String identifier = "XM-DAC-41116-" + first;
        post(first, IatiFiles.oneActivity(identifier, "XM-DAC-41116", null, "Mine")).statusCode(200).body("created", equalTo(1));
        post(second, IatiFiles.oneActivity(identifier, "XM-DAC-41116", null, "Taken"))
                .statusCode(200).body("rejected", equalTo(1))
                .body("items[0].reasons[0]", equalTo("iati-identifier: this activity is held for agency '" + first + "'"));

        String mixed = IatiFiles.oneActivity("XM-DAC-41116-" + second + "-A", "XM-DAC-41116", null, "Fine")
                .replace("</iati-activities>", "")
                + IatiFiles.oneActivity("XM-DAC-46004-X", "XM-DAC-46004", null, "Not ours")
                .replace("<iati-activities version=\"2.03\">", "");
        post(second, mixed).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("iati-activity[2]/reporting-org/@ref"))
                .body("errors[0].detail", startsWith("'XM-DAC-46004' does not identify agency '" + second + "'"));
        assertEquals(0, activitiesOf(second).size(), "nothing of the refused file was stored");
    }

    @Test
    void filesThatAreNotIati2AreRefusedNamingTheBody() {
        String agency = Fixtures.createAgency("iati");
        post(agency, "<iati-activities version=\"2.03\">\n  <iati-activity>\n    <title></iati-activity>")
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"))
                .body("errors[0].detail", startsWith("not well-formed XML at line 3, column"));
        post(agency, "<iati-activities version=\"1.03\"/>").statusCode(422)
                .body("errors[0].detail", containsString("IATI 2.01 or later is needed"));
        post(agency, "<iati-activities/>").statusCode(422).body("errors[0].field", equalTo("body"));
        post(agency, "<iati-activities version=\"2.99\"/>").statusCode(422).body("errors[0].field", equalTo("body"));
        post(agency, "<iati-organisations version=\"2.03\"/>").statusCode(422)
                .body("errors[0].detail", equalTo("the root element is <iati-organisations>, an IATI activity file has <iati-activities>"));
        post(agency, "").statusCode(400).body("errors[0].field", equalTo("body"));
        given().contentType("application/json").body("{}").post("/v1/agencies/" + agency + "/iati-activities").then().statusCode(415);
    }

    @Test
    void doctypesAndEntitiesAreRefusedBeforeAnythingIsRead() {
        String agency = Fixtures.createAgency("iati");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<iati-activities version=\"2.03\"><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>";
        post(agency, xxe).statusCode(400).body("errors[0].field", equalTo("body"))
                .body("errors[0].detail", startsWith("a DOCTYPE is not allowed"));
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><iati-activities version=\"2.03\"><iati-activity><iati-identifier>&lol9;</iati-identifier></iati-activity></iati-activities>");
        post(agency, laughs.toString()).statusCode(400).body("errors[0].detail", startsWith("a DOCTYPE is not allowed"));
        post(agency, "<iati-activities version=\"2.03\"><iati-activity><iati-identifier>&undeclared;</iati-identifier></iati-activity></iati-activities>")
                .statusCode(400).body("errors[0].detail", startsWith("not well-formed XML at line 1"));
        assertEquals(0, activitiesOf(agency).size());
    }

    @Test
    void aFileOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() {
        String agency = Fixtures.createAgency("iati");
        // the test profile's limit is 1M (application.properties); this file is valid but larger
        StringBuilder big = new StringBuilder("<iati-activities version=\"2.03\">");
        int i = 0;
        while (big.length() < 1_100_000) {
            big.append(IatiFiles.oneActivity("XM-DAC-41116-" + agency + "-" + i++, "XM-DAC-41116", null, "x".repeat(500))
                    .replace("<iati-activities version=\"2.03\">", "").replace("</iati-activities>", ""));
        }
        big.append("</iati-activities>");
        byte[] bytes = big.toString().getBytes(StandardCharsets.UTF_8);
        post(agency, big.toString()).statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        given().contentType("application/xml; charset=utf-8").body(new ByteArrayInputStream(bytes)) // sent chunked, without Content-Length
                .post("/v1/agencies/" + agency + "/iati-activities").then().statusCode(413).body("errors[0].field", equalTo("body"));
        assertEquals(0, activitiesOf(agency).size(), "nothing of the refused file was stored");
    }

    @Test
    void onlyTheAgencysEditorOrTheSecretariatImportsAndTheAgencyNeedsAnIatiIdentifier() {
        String own = Fixtures.createAgency("iati");
        String other = Fixtures.createAgency("iati");
        String file = IatiFiles.oneActivity("XM-DAC-41116-" + own, "XM-DAC-41116", null, "Mine");
        given().header("Authorization", "Bearer " + TestTokens.agencyEditor(other)).contentType("application/xml; charset=utf-8").body(file)
                .post("/v1/agencies/" + own + "/iati-activities").then().statusCode(403).body("errors[0].field", equalTo("agencyId"));
        given().header("Authorization", "Bearer " + TestTokens.anonymous()).contentType("application/xml; charset=utf-8").body(file)
                .post("/v1/agencies/" + own + "/iati-activities").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.agencyEditor(own)).contentType("application/xml; charset=utf-8").body(file)
                .post("/v1/agencies/" + own + "/iati-activities").then().statusCode(200).body("created", equalTo(1));

        String unidentified = Fixtures.newAgencyId("iati");
        Fixtures.putAgency(unidentified, Fixtures.agency().putNull("iatiOrgId")).statusCode(201);
        post(unidentified, file).statusCode(422).body("errors[0].field", equalTo("iatiOrgId"));
        post(Fixtures.newAgencyId("none"), file).statusCode(404);
    }

    @Test
    void theActivityListFiltersAndPages() {
        String agency = Fixtures.createAgency("iati");
        post(agency, IatiFiles.forAgency("activities.xml", agency)).statusCode(200);
        given().queryParam("agency", agency).queryParam("country", "ID").get("/v1/activities").then().statusCode(200)
                .body("items.iatiIdentifier", equalTo(List.of("XM-DAC-41116-" + agency + "-T1")));
        given().queryParam("agency", agency).queryParam("region", "789").get("/v1/activities").then()
                .body("items.iatiIdentifier", equalTo(List.of("XM-DAC-41116-" + agency + "-T2")));
        given().queryParam("agency", agency).queryParam("sector", "41010").get("/v1/activities").then()
                .body("items.size()", equalTo(2));
        given().queryParam("agency", agency).queryParam("status", "1").get("/v1/activities").then()
                .body("items.iatiIdentifier", equalTo(List.of("XM-DAC-41116-" + agency + "-T2")));
        given().queryParam("agency", agency).queryParam("to", "2016-01-01").get("/v1/activities").then()
                .body("items.iatiIdentifier", equalTo(List.of("XM-DAC-41116-" + agency + "-T1")));
        String next = given().queryParam("agency", agency).queryParam("limit", "1").get("/v1/activities").then()
                .body("items.iatiIdentifier", equalTo(List.of("XM-DAC-41116-" + agency + "-T1"))).extract().path("next");
        given().urlEncodingEnabled(false).get(next).then().body("items.iatiIdentifier", equalTo(List.of("XM-DAC-41116-" + agency + "-T2")))
                .body("next", equalTo(null));

        given().queryParam("country", "XX").get("/v1/activities").then().statusCode(400).body("errors[0].field", equalTo("country"));
        given().queryParam("from", "2016-02-30").get("/v1/activities").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("cursor", "bm9wZQ").get("/v1/activities").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().get("/v1/activities/not-a-uuid").then().statusCode(404);
        given().get("/v1/activities/" + java.util.UUID.randomUUID()).then().statusCode(404);
        given().header("Authorization", "Bearer " + TestTokens.anonymous()).queryParam("agency", agency).get("/v1/activities")
                .then().statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void theTrackRecordCountsTheAgencysActivitiesInACountryAndSectors() {
        String agency = Fixtures.createAgency("iati");
        post(agency, IatiFiles.forAgency("activities.xml", agency)).statusCode(200);
        given().queryParam("country", "ID").queryParam("sector", "14050").get("/v1/agencies/" + agency + "/track-record")
                .then().statusCode(200)
                .body("activities", equalTo(1))
                .body("sectors", equalTo(List.of("14050")))
                .body("years", equalTo(List.of(2015)))
                .body("committed.currency", equalTo(List.of("JPY", "USD")))
                .body("committed.amount", equalTo(List.of("20000000", "1500000")))
                .body("lastUpdated", equalTo("2026-09-30T00:00:00Z"))
                .body("latest.iatiIdentifier", equalTo(List.of("XM-DAC-41116-" + agency + "-T1")));
        given().get("/v1/agencies/" + agency + "/track-record").then().body("activities", equalTo(2))
                .body("years", equalTo(List.of(2015, 2019)));
        given().queryParam("country", "TH").get("/v1/agencies/" + agency + "/track-record").then().body("activities", equalTo(0))
                .body("committed.size()", equalTo(0));
        // challenge: the DAC sectors of the agency's own schemes in that area (the fixture scheme: AIR_QUALITY, 41010)
        Fixtures.putScheme(agency, "AQ-1", Fixtures.scheme()).statusCode(201);
        given().queryParam("challenge", "AIR_QUALITY").get("/v1/agencies/" + agency + "/track-record").then()
                .body("sectors", equalTo(List.of("41010"))).body("activities", equalTo(2));
        given().queryParam("challenge", "SOLID_WASTE").get("/v1/agencies/" + agency + "/track-record").then()
                .body("sectors", equalTo(List.of())).body("activities", equalTo(0));
        given().queryParam("challenge", "NOPE").get("/v1/agencies/" + agency + "/track-record").then().statusCode(400)
                .body("errors[0].field", equalTo("challenge"));
        given().get("/v1/agencies/" + Fixtures.newAgencyId("none") + "/track-record").then().statusCode(404);
        assertTrue(given().get("/v1/vocabularies/activity-statuses").then().statusCode(200).extract().asString().contains("Pipeline"));
        given().get("/v1/vocabularies/organisation-roles").then().statusCode(200).body("items.code", hasItem("4"));
    }
}
