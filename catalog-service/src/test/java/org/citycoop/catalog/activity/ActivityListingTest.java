package org.citycoop.catalog.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import org.citycoop.catalog.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /v1/activities:facets and GET /v1/activities:export against a real PostgreSQL. */
@QuarkusTest
class ActivityListingTest {

    /** More than two of the export's batches of 500. */
    static final int GENERATED = 1_100;

    @Test
    void facetsCountTheFilteredActivitiesPerValue() {
        String agency = Fixtures.createAgency("iati");
        ActivityImportTest.post(agency, IatiFiles.forAgency("activities.xml", agency)).statusCode(200);
        given().urlEncodingEnabled(false).queryParam("agency", agency).get("/v1/activities:facets").then().statusCode(200)
                .body("total", equalTo(2))
                .body("facets.keySet()", equalTo(java.util.Set.of("agency", "country", "region", "sector", "status")))
                // counted without its own filter: every agency's activities, this one's two among them
                .body("facets.agency.find { it.value == '" + agency + "' }.count", equalTo(2))
                .body("facets.country.value", equalTo(List.of("ID", "VN")))
                .body("facets.region", equalTo(List.of(Map.of("value", "789", "count", 1))))
                // 41010 in both; the unknown 99999 was a warning, kept as published; LOCAL-1 is not vocabulary 1
                .body("facets.sector.value", equalTo(List.of("41010", "14050", "99999")))
                .body("facets.sector.count", equalTo(List.of(2, 1, 1)))
                .body("facets.status.value", equalTo(List.of("1", "2")));
        given().urlEncodingEnabled(false).queryParam("agency", agency).queryParam("country", "ID").queryParam("facets", "sector,status,sector")
                .get("/v1/activities:facets").then().statusCode(200)
                .body("total", equalTo(1))
                .body("facets.keySet()", equalTo(java.util.Set.of("sector", "status")))
                .body("facets.sector.value", equalTo(List.of("14050", "41010")))
                .body("facets.status", equalTo(List.of(Map.of("value", "2", "count", 1))));
        // the country facet, counted without the country filter, names the other country the agency's activities reach
        given().urlEncodingEnabled(false).queryParam("agency", agency).queryParam("country", "ID").queryParam("facets", "country")
                .get("/v1/activities:facets").then().statusCode(200)
                .body("total", equalTo(1))
                .body("facets.country", equalTo(List.of(Map.of("value", "ID", "count", 1), Map.of("value", "VN", "count", 1))));
        given().urlEncodingEnabled(false).queryParam("agency", Fixtures.newAgencyId("none")).get("/v1/activities:facets").then().statusCode(200)
                .body("total", equalTo(0)).body("facets.country", equalTo(List.of()));
        given().urlEncodingEnabled(false).queryParam("facets", "country,nope").get("/v1/activities:facets").then().statusCode(400)
                .body("errors[0].field", equalTo("facets"));
        given().urlEncodingEnabled(false).queryParam("sector", "1").get("/v1/activities:facets").then().statusCode(400)
                .body("errors[0].field", equalTo("sector"));
    }

    @Test
    void theExportStreamsEveryFilteredActivityWithTheNamesOfItsCodes() throws Exception {
        String agency = Fixtures.createAgency("iati");
        ActivityImportTest.post(agency, IatiFiles.generated(agency, GENERATED)).statusCode(200).body("created", equalTo(GENERATED));
        ActivityImportTest.post(agency, IatiFiles.oneActivity("XM-DAC-41116-" + agency + "-QUOTED", "XM-DAC-41116", null,
                "Roads, &quot;bridges&quot;\nand water")).statusCode(200).body("created", equalTo(1));
        ActivityImportTest.post(agency, IatiFiles.forAgency("activities.xml", agency)).statusCode(200);

        String csv = given().urlEncodingEnabled(false).queryParam("agency", agency).queryParam("format", "csv").get("/v1/activities:export").then()
                .statusCode(200).contentType(startsWith("text/csv")).header("Content-Disposition", equalTo("attachment; filename=\"activities.csv\""))
                .extract().asString();
        assertTrue(csv.startsWith("id,agencyId,iatiIdentifier,reportingOrg,title,titleLanguage,status,statusLabel,"), csv.substring(0, 200));
        assertTrue(csv.endsWith("\r\n"));
        List<Map<String, String>> rows = readCsv(csv);
        assertEquals(GENERATED + 3, rows.size(), "every activity of the agency, not a page of them");
        assertEquals(GENERATED + 3, rows.stream().map(row -> row.get("iatiIdentifier")).distinct().count());
        Map<String, String> t1 = row(rows, "XM-DAC-41116-" + agency + "-T1");
        assertEquals("2", t1.get("status"));
        assertEquals("Implementation", t1.get("statusLabel"));
        assertEquals("14050; 41010", t1.get("sectors"));
        assertEquals("Waste management/disposal | Environmental policy and administrative management", t1.get("sectorLabels"));
        assertEquals("ID", t1.get("recipientCountries"));
        assertEquals("Indonesia", t1.get("recipientCountryLabels"));
        assertEquals("Standard grant", t1.get("financeTypeLabel"));
        assertEquals("ODA", t1.get("flowTypeLabel"));
        assertEquals("Project-type interventions", t1.get("aidTypeLabels"));
        assertEquals("20000000 JPY; 1500000 USD", t1.get("committed"));
        assertEquals("Solid waste management in Surabaya", t1.get("title"));
        // RFC 4180: the comma, quotes and line break of a title come back as published
        assertEquals("Roads, \"bridges\"\nand water", row(rows, "XM-DAC-41116-" + agency + "-QUOTED").get("title"));

        String ndjson = given().urlEncodingEnabled(false).queryParam("agency", agency).queryParam("country", "ID").get("/v1/activities:export").then()
                .statusCode(200).contentType(startsWith("application/x-ndjson")).extract().asString();
        String[] lines = ndjson.split("\n");
        assertEquals(GENERATED + 2, lines.length, "the country filter leaves out T2 (VN)");
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals(agency, first.path("agencyId").asText());
        assertEquals("Implementation", first.path("labels").path("status").path("2").asText());
        assertEquals("Waste management/disposal", first.path("labels").path("sectors").path("14050").asText());
        assertTrue(!ndjson.contains("-T2\""), "T2 is in Viet Nam");

        given().urlEncodingEnabled(false).queryParam("format", "xml").get("/v1/activities:export").then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().urlEncodingEnabled(false).queryParam("status", "9").get("/v1/activities:export").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String identifier) {
        return rows.stream().filter(row -> identifier.equals(row.get("iatiIdentifier"))).findFirst().orElseThrow();
    }

    private static List<Map<String, String>> readCsv(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
