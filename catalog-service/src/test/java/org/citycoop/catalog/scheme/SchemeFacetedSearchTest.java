package org.citycoop.catalog.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.citycoop.catalog.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search filters added for issue 3, orders with cursors, facets, Accept-Language, conditional GET and export. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemeFacetedSearchTest {

    private String agency;

    @BeforeEach
    void createSchemes() {
        if (agency != null) {
            return;
        }
        agency = Fixtures.createAgency("facets");
        // The fixture: sector 41010, finance 110, aid D02, countries VN ID + region 789, USD 10,000-90,000,
        // deadline 2027-03-31, names in en and ja.
        create("aq", s -> { });
        create("water", s -> {
            s.put("name", "Water utility twinning loans").remove("names");
            s.put("description", "Loans for water utilities of small cities.").remove("descriptions");
            s.set("sectors", array("14020"));
            s.put("financeType", "421").put("aidType", "C01");
            s.set("eligibleCountries", array());
            s.set("eligibleRegions", array("889"));
            s.set("fundingRange", Fixtures.parse("{\"min\": {\"amount\": \"500000\", \"currency\": \"JPY\"}, \"max\": null}"));
            s.set("window", Fixtures.parse("{\"kind\": \"FIXED\", \"deadline\": \"2027-01-15T17:00:00+09:00\"}"));
        });
        create("waste", s -> {
            s.put("name", "Composting for cities");
            s.set("names", Fixtures.parse("{\"ja\": \"都市の堆肥化\"}"));
            s.put("description", "Municipal solid waste composting grants.").remove("descriptions");
            s.set("sectors", array("14050"));
            s.set("eligibleCountries", array("TH"));
            s.set("eligibleRegions", array());
            s.set("fundingRange", Fixtures.parse("{\"min\": {\"amount\": \"100000\", \"currency\": \"USD\"}, "
                    + "\"max\": {\"amount\": \"250000\", \"currency\": \"USD\"}}"));
            s.set("window", Fixtures.parse("{\"kind\": \"ROLLING\"}"));
        });
    }

    @Test
    void filtersOnCodesOfEveryMainField() {
        assertRefs(Map.of("sector", List.of("14020", "14050")), "water", "waste");
        assertRefs(Map.of("financeType", List.of("421")), "water");
        assertRefs(Map.of("aidType", List.of("D02")), "aq", "waste");
        assertRefs(Map.of("language", List.of("ja")), "aq", "waste");
        badParameter("sector", "99999");
        badParameter("financeType", "9999");
        badParameter("language", "not a tag");
    }

    @Test
    void countryFilterExpandsEligibleRegionsToTheirMembers() {
        // aq: VN, ID and region 789 (Far East Asia: KH, CN, ... PH ...); water: region 889 (Oceania); waste: TH.
        assertRefs(Map.of("country", List.of("PH")), "aq");
        assertRefs(Map.of("country", List.of("FJ")), "water");
        assertRefs(Map.of("country", List.of("TH")), "aq", "waste");
        assertRefs(Map.of("country", List.of("JP")));
    }

    @Test
    void deadlineAndAmountFilters() {
        assertRefs(Map.of("deadlineBefore", List.of("2027-02-01T00:00:00+09:00")), "water");
        assertRefs(Map.of("deadlineAfter", List.of("2027-02-01T00:00:00+09:00")), "aq");
        // Overlapping ranges in the scheme's currency, no conversion: 95,000-200,000 USD overlaps waste only.
        assertRefs(Map.of("amountMin", List.of("95000"), "amountMax", List.of("200000"), "currency", List.of("USD")), "waste");
        assertRefs(Map.of("amountMax", List.of("50000"), "currency", List.of("USD")), "aq");
        assertRefs(Map.of("amountMin", List.of("1000000"), "currency", List.of("JPY")), "water");
        badParameter("currency", null, Map.of("amountMin", "10"));
        badParameter("deadlineBefore", "2027-02-01");
        // a range nothing can fall in is refused, as an amount range upside down is
        badParameter("deadlineAfter", "2027-01-01T00:00:00+09:00", Map.of("deadlineBefore", "2026-01-01T00:00:00Z"));
        badParameter("amountMin", "20", Map.of("amountMax", "10", "currency", "USD"));
    }

    @Test
    void fullTextInEnglishStemsAndInJapaneseMatchesParts() {
        assertRefs(Map.of("q", List.of("monitor")), "aq");
        assertRefs(Map.of("q", List.of("utility loan")), "water");
        assertRefs(Map.of("q", List.of("大気質")), "aq");
        assertRefs(Map.of("q", List.of("堆肥")), "waste");
        List<String> ranked = given().queryParam("agency", agency).queryParam("q", "composting cities")
                .get("/v1/schemes").then().statusCode(200).extract().jsonPath().getList("items.ref");
        assertEquals("waste", ranked.get(0), "best match first: " + ranked);
    }

    @Test
    void everyOrderPagesWithItsCursor() {
        assertEquals(List.of("water", "aq", "waste"), pageThrough(Map.of("sort", "deadline")));
        List<String> updated = pageThrough(Map.of("sort", "updated"));
        assertEquals(List.of("waste", "water", "aq"), updated);
        assertEquals(3, new HashSet<>(pageThrough(Map.of("q", "cities"))).size());
        badParameter("sort", "relevance");
        given().queryParam("sort", "bogus").get("/v1/schemes").then().statusCode(400)
                .body("errors[0].detail", equalTo("unknown value 'bogus'; allowed: relevance, deadline, updated"));
        String cursor = given().queryParam("agency", agency).queryParam("limit", 1).queryParam("sort", "deadline")
                .get("/v1/schemes").then().extract().path("next");
        String deadlineCursor = cursor.replaceAll(".*cursor=([^&]*).*", "$1");
        given().urlEncodingEnabled(false).get("/v1/schemes?agency=" + agency + "&cursor=" + deadlineCursor)
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void facetsCountTheMatchingSchemes() {
        JsonPath facets = given().urlEncodingEnabled(false)
                .get("/v1/schemes:facets?agency=" + agency + "&facets=sector,financeType,country,status")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, facets.getInt("total"));
        assertEquals(List.of("14020", "14050", "41010"), sorted(facets.getList("facets.sector.value")));
        assertEquals(2, facets.getInt("facets.financeType.find { it.value == '110' }.count"));
        assertEquals(1, facets.getInt("facets.country.find { it.value == 'TH' }.count"));
        // aq opens in 2027 (forecasted); water (deadline only) and waste (rolling) are open.
        assertEquals(2, facets.getInt("facets.status.find { it.value == 'OPEN' }.count"));
        assertEquals(1, facets.getInt("facets.status.find { it.value == 'FORECASTED' }.count"));
        // a facet is counted without its own filter: the agency counts name other agencies' air-quality schemes too
        JsonPath byAgency = given().urlEncodingEnabled(false).get("/v1/schemes:facets?agency=" + agency
                + "&challenge=AIR_QUALITY&facets=agency").then().statusCode(200).extract().jsonPath();
        assertEquals(3, byAgency.getInt("total"));
        assertEquals(3, byAgency.getInt("facets.agency.find { it.value == '" + agency + "' }.count"));
        int airQualityAnywhere = given().queryParam("challenge", "AIR_QUALITY").queryParam("limit", 100).get("/v1/schemes")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
        assertEquals(airQualityAnywhere, byAgency.getList("facets.agency.count", Integer.class).stream().mapToInt(Integer::intValue).sum());
        given().urlEncodingEnabled(false).get("/v1/schemes:facets?facets=colour").then().statusCode(400)
                .body("errors.field", hasItem("facets"));
    }

    @Test
    void everyFacetCountsWhatTheListShows() {
        // Lists of different lengths (padded side by side in the count), values missing (no finance or aid type, no
        // country) and every status but withdrawn, in an agency of their own.
        String other = Fixtures.createAgency("facets-all");
        ObjectNode wide = Fixtures.scheme();
        wide.set("challengeAreas", array("AIR_QUALITY", "SOLID_WASTE", "INSTITUTIONS"));
        wide.set("supportTypes", array("TECHNICAL", "TRAINING"));
        wide.set("sectors", array("41010", "14050"));
        wide.remove("financeType");
        wide.remove("aidType");
        wide.set("applicantTypes", array("LOCAL_GOVERNMENT", "NGO", "ACADEMIC", "PRIVATE"));
        wide.set("eligibleCountries", array());
        wide.set("eligibleRegions", array("789", "889"));
        wide.set("window", Fixtures.parse("{\"kind\": \"ROLLING\"}"));
        Fixtures.putScheme(other, "wide", wide).statusCode(201);
        ObjectNode closed = Fixtures.scheme();
        closed.set("challengeAreas", array("SOLID_WASTE"));
        closed.set("eligibleCountries", array("TH", "VN", "ID", "PH"));
        closed.set("window", Fixtures.parse("{\"kind\": \"FIXED\", \"deadline\": \"2020-01-15T17:00:00+09:00\"}"));
        Fixtures.putScheme(other, "closed", closed).statusCode(201);
        Fixtures.putScheme(other, "plain", Fixtures.scheme()).statusCode(201);

        Map<String, String> fields = Map.of("challenge", "challengeAreas", "supportType", "supportTypes", "sector", "sectors",
                "financeType", "financeType", "aidType", "aidType", "applicantType", "applicantTypes", "country", "eligibleCountries",
                "region", "eligibleRegions", "agency", "agencyId", "status", "status");
        List<Map<String, Object>> items = given().queryParam("agency", other).get("/v1/schemes").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(3, items.size());
        JsonPath facets = given().urlEncodingEnabled(false).get("/v1/schemes:facets?agency=" + other
                + "&facets=challenge,supportType,sector,financeType,aidType,applicantType,country,region,agency,status")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, facets.getInt("total"));
        fields.forEach((facet, field) -> {
            if (facet.equals("agency")) { // counted without the agency filter: every agency's schemes
                assertEquals(3, facets.getInt("facets.agency.find { it.value == '" + other + "' }.count"));
                return;
            }
            Map<String, Integer> expected = new java.util.TreeMap<>();
            for (Map<String, Object> item : items) {
                Object value = item.get(field);
                List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
                values.forEach(v -> expected.merge(String.valueOf(v), 1, Integer::sum));
            }
            Map<String, Integer> counted = new java.util.TreeMap<>();
            List<Map<String, Object>> counts = facets.getList("facets." + facet);
            counts.forEach(c -> counted.put((String) c.get("value"), (Integer) c.get("count")));
            assertEquals(expected, counted, facet);
            // Most frequent first, then by value.
            assertEquals(counted.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList(),
                    counts.stream().map(c -> (String) c.get("value")).toList(), facet);
        });
        assertEquals(Map.of("OPEN", 1, "CLOSED", 1, "FORECASTED", 1), Map.of(
                "OPEN", facets.getInt("facets.status.find { it.value == 'OPEN' }.count"),
                "CLOSED", facets.getInt("facets.status.find { it.value == 'CLOSED' }.count"),
                "FORECASTED", facets.getInt("facets.status.find { it.value == 'FORECASTED' }.count")));
        // A narrower filter: only the schemes with SOLID_WASTE, and a facet list given twice and in another order.
        JsonPath narrow = given().urlEncodingEnabled(false).get("/v1/schemes:facets?agency=" + other
                + "&challenge=SOLID_WASTE&facets=status,challenge,status").then().statusCode(200).extract().jsonPath();
        assertEquals(2, narrow.getInt("total"));
        assertEquals(List.of("status", "challenge"), List.copyOf(narrow.getMap("facets").keySet()));
        assertEquals(2, narrow.getInt("facets.status.collect { it.count }.sum()"), "status: counted with the challenge filter");
        // challenge: counted without its own filter, among the agency's three schemes: what ticking another area adds
        assertEquals(2, narrow.getInt("facets.challenge.find { it.value == 'SOLID_WASTE' }.count"));
        assertEquals(2, narrow.getInt("facets.challenge.find { it.value == 'AIR_QUALITY' }.count"));
        assertEquals(1, narrow.getInt("facets.challenge.find { it.value == 'INSTITUTIONS' }.count"));
        int both = given().urlEncodingEnabled(false).get("/v1/schemes?agency=" + other + "&challenge=SOLID_WASTE&challenge=AIR_QUALITY")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
        assertEquals(3, both, "ticking AIR_QUALITY too adds the plain scheme, which the count of 2 (one shared) allowed for");
    }

    @Test
    void acceptLanguageChoosesNameAndDescriptionFallingBackToEnglish() {
        String id = idOf("aq");
        given().header("Accept-Language", "ja-JP, en;q=0.5").get("/v1/schemes/" + id).then().statusCode(200)
                .header("Content-Language", "ja").body("name", equalTo("都市の大気質モニタリング支援"))
                .body("names.en", equalTo("Air quality monitoring support for cities"));
        given().header("Accept-Language", "fr").get("/v1/schemes/" + id).then()
                .header("Content-Language", "en").body("name", equalTo("Air quality monitoring support for cities"));
        given().header("Accept-Language", "ja").get("/v1/agencies/" + agency + "/schemes/aq").then().statusCode(200)
                .header("Content-Language", "ja").header("Vary", "Accept-Language").body("name", equalTo("都市の大気質モニタリング支援"));
        given().header("Accept-Language", "ja").queryParam("agency", agency).queryParam("sort", "deadline").get("/v1/schemes")
                .then().header("Content-Language", "ja")
                .body("items.name", equalTo(List.of("Water utility twinning loans", "都市の大気質モニタリング支援", "都市の堆肥化")));
    }

    @Test
    void conditionalGetAnswers304WhileNothingChanged() {
        String id = idOf("waste");
        String etag = given().get("/v1/schemes/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/v1/schemes/" + id).then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", "\"999\"").get("/v1/schemes/" + id).then().statusCode(200);
        given().header("If-None-Match", etag).get("/v1/agencies/" + agency + "/schemes/waste").then().statusCode(304)
                .header("ETag", etag);

        String other = Fixtures.createAgency("etag");
        Fixtures.putScheme(other, "one", Fixtures.scheme()).statusCode(201);
        Response list = given().queryParam("agency", other).get("/v1/schemes");
        String listTag = list.then().statusCode(200).extract().header("ETag");
        assertTrue(listTag.startsWith("W/\""), listTag);
        given().queryParam("agency", other).header("If-None-Match", listTag).get("/v1/schemes").then().statusCode(304);
        Fixtures.putScheme(other, "two", Fixtures.scheme()).statusCode(201);
        String changed = given().queryParam("agency", other).header("If-None-Match", listTag).get("/v1/schemes")
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(listTag, changed);
    }

    @Test
    void exportStreamsEveryMatchingSchemeWithLabels() throws Exception {
        String ndjson = given().urlEncodingEnabled(false).get("/v1/schemes:export?format=ndjson&agency=" + agency + "&sector=41010")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        String[] lines = ndjson.strip().split("\n");
        assertEquals(1, lines.length);
        JsonNode line = Fixtures.JSON.readTree(lines[0]);
        assertEquals("aq", line.get("ref").asText());
        assertEquals("Environmental policy and administrative management", line.at("/labels/sectors/41010").asText());
        assertEquals("Viet Nam", line.at("/labels/eligibleCountries/VN").asText());

        String csv = given().urlEncodingEnabled(false).get("/v1/schemes:export?format=csv&agency=" + agency)
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String[] rows = csv.split("\r\n");
        assertEquals(4, rows.length, csv);
        assertTrue(rows[0].startsWith("id,agencyId,ref,name,nameJa,status"), rows[0]);
        assertTrue(csv.contains("\"Water utility twinning loans\"") || csv.contains(",Water utility twinning loans,"), csv);
        assertTrue(csv.contains("Environmental policy and administrative management"), csv);
        given().urlEncodingEnabled(false).get("/v1/schemes:export?format=xml").then().statusCode(400)
                .body("errors.field", hasItem("format"));
    }

    private List<String> pageThrough(Map<String, String> parameters) {
        List<String> refs = new ArrayList<>();
        var first = given().queryParam("agency", agency).queryParam("limit", 1);
        parameters.forEach(first::queryParam);
        JsonPath page = first.get("/v1/schemes").then().statusCode(200).extract().jsonPath();
        refs.addAll(page.getList("items.ref"));
        for (String next = page.getString("next"); next != null; next = page.getString("next")) {
            page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            refs.addAll(page.getList("items.ref"));
        }
        return refs;
    }

    private String idOf(String ref) {
        return given().get("/v1/agencies/" + agency + "/schemes/" + ref).then().statusCode(200).extract().path("id");
    }

    private void create(String ref, Consumer<ObjectNode> change) {
        ObjectNode body = Fixtures.scheme();
        change.accept(body);
        Fixtures.putScheme(agency, ref, body).statusCode(201);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode array(String... values) {
        com.fasterxml.jackson.databind.node.ArrayNode array = Fixtures.JSON.createArrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private void assertRefs(Map<String, List<String>> filters, String... expected) {
        var request = given().queryParam("agency", agency).queryParam("limit", 100);
        filters.forEach((name, values) -> request.queryParam(name, values));
        List<String> refs = request.get("/v1/schemes").then().statusCode(200).extract().jsonPath().getList("items.ref");
        assertEquals(new HashSet<>(List.of(expected)), new HashSet<>(refs), "filters " + filters);
        assertEquals(expected.length, refs.size(), "no duplicates for " + filters);
    }

    private void badParameter(String name, String value) {
        badParameter(name, value, Map.of());
    }

    private void badParameter(String name, String value, Map<String, String> others) {
        var request = given();
        if (value != null) {
            request.queryParam(name, value);
        }
        others.forEach(request::queryParam);
        request.get("/v1/schemes").then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(name));
    }
}
