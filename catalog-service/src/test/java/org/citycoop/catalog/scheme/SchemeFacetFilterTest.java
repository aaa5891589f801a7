package org.citycoop.catalog.scheme;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.citycoop.catalog.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The code filters are written twice on purpose: in SQL for the lists ({@code SchemeRepository}) and on the facet index's
 * own values for the counts ({@code SchemeFacetIndex}), which spares PostgreSQL visiting every matching row. This test
 * holds the two equal: on generated schemes of every kind of value (lists of several codes or none, countries, regions or
 * neither, applicants ANY, every status), for seeded random combinations of filters, the facets' total is the list's
 * length, and every value of every facet but country (which counts the countries listed, while the filter also finds
 * schemes open by region or everywhere) counts what the list with that value as the facet's own filter shows.
 */
@QuarkusTest
class SchemeFacetFilterTest {

    private static final List<String> AREAS = List.of("SOLID_WASTE", "WATER_AND_WASTEWATER", "AIR_QUALITY");
    private static final List<String> SUPPORT = List.of("FINANCIAL", "TECHNICAL", "TRAINING");
    private static final List<String> SECTORS = List.of("41010", "14050", "14020");
    private static final List<String> APPLICANTS = List.of("LOCAL_GOVERNMENT", "NGO", "ANY", "ACADEMIC");
    private static final List<String> COUNTRIES = List.of("ID", "VN", "JP", "PH", "FJ");
    private static final List<String> REGIONS = List.of("789", "798", "889");
    private static final List<String> WINDOWS = List.of(
            "{\"kind\": \"ROLLING\"}",
            "{\"kind\": \"FIXED\", \"deadline\": \"2020-01-15T17:00:00+09:00\"}",
            "{\"kind\": \"FIXED\", \"opens\": \"2040-01-10T09:00:00+09:00\", \"deadline\": \"2040-03-31T23:59:00+09:00\"}",
            "{\"kind\": \"FIXED\", \"opens\": \"2020-01-10T09:00:00+09:00\", \"deadline\": \"2040-03-31T23:59:00+09:00\"}");

    @Test
    void theCountsOfEveryCombinationOfCodeFiltersAreWhatTheListsShow() {
        Random random = new Random(20261208);
        List<String> agencies = List.of(Fixtures.createAgency("facet-filter-a"), Fixtures.createAgency("facet-filter-b"));
        for (int i = 0; i < 24; i++) {
            ObjectNode scheme = Fixtures.scheme();
            scheme.set("challengeAreas", some(random, AREAS, 1));
            scheme.set("supportTypes", some(random, SUPPORT, 1));
            scheme.set("sectors", some(random, SECTORS, 1));
            scheme.set("applicantTypes", some(random, APPLICANTS, 1));
            scheme.set("eligibleCountries", some(random, COUNTRIES, 0));
            scheme.set("eligibleRegions", some(random, REGIONS, 0));
            if (random.nextBoolean()) {
                scheme.remove("financeType");
            }
            if (random.nextBoolean()) {
                scheme.remove("aidType");
            }
            scheme.set("window", Fixtures.parse(WINDOWS.get(random.nextInt(WINDOWS.size()))));
            Fixtures.putScheme(agencies.get(i % 2), "F" + i, scheme).statusCode(201);
        }
        Map<String, List<String>> choices = new LinkedHashMap<>();
        choices.put("challenge", AREAS);
        choices.put("supportType", SUPPORT);
        choices.put("sector", SECTORS);
        choices.put("applicantType", List.of("LOCAL_GOVERNMENT", "NGO", "ACADEMIC", "PRIVATE"));
        choices.put("country", COUNTRIES);
        choices.put("status", List.of("OPEN", "CLOSED", "FORECASTED"));
        choices.put("financeType", List.of("110"));
        choices.put("aidType", List.of("D02"));
        List<String> names = new ArrayList<>(choices.keySet());
        for (int round = 0; round < 40; round++) {
            Map<String, List<String>> filter = new LinkedHashMap<>();
            filter.put("agency", round % 3 == 0 ? agencies : List.of(agencies.get(round % 2)));
            for (int k = random.nextInt(4); k > 0; k--) {
                String name = names.get(random.nextInt(names.size()));
                List<String> values = choices.get(name);
                // the country filter takes one value; the others one or two ("any of")
                filter.put(name, name.equals("country") ? List.of(values.get(random.nextInt(values.size()))) : pick(random, values));
            }
            // the path's colon as is (RestAssured would encode it); the values are plain codes
            StringBuilder url = new StringBuilder("/v1/schemes:facets?facets=" + String.join(",", names));
            filter.forEach((name, values) -> values.forEach(value -> url.append('&').append(name).append('=').append(value)));
            var facets = given().urlEncodingEnabled(false).get(url.toString()).then().statusCode(200).extract().jsonPath();
            assertEquals(listed(filter), facets.getInt("total"), "total of " + filter);
            // each value of a facet: what the list shows with that value as the facet's own filter
            for (String facet : names) {
                if (facet.equals("country")) {
                    continue; // counts the countries listed, while the filter also finds schemes open by region or everywhere
                }
                for (Map<String, Object> count : facets.<Map<String, Object>>getList("facets." + facet)) {
                    Map<String, List<String>> with = new LinkedHashMap<>(filter);
                    with.put(facet, List.of((String) count.get("value")));
                    assertEquals(listed(with), count.get("count"), facet + "=" + count.get("value") + " counted within " + filter);
                }
            }
        }
    }

    private static List<String> pick(Random random, List<String> values) {
        List<String> picked = new ArrayList<>(List.of(values.get(random.nextInt(values.size()))));
        if (random.nextBoolean()) {
            String other = values.get(random.nextInt(values.size()));
            if (!picked.contains(other)) {
                picked.add(other);
            }
        }
        return picked;
    }

    private static int listed(Map<String, List<String>> filter) {
        return query(filter).queryParam("limit", 100).get("/v1/schemes").then().statusCode(200).extract().jsonPath()
                .getList("items").size();
    }

    private static RequestSpecification query(Map<String, List<String>> filter) {
        RequestSpecification request = given();
        filter.forEach((name, values) -> values.forEach(value -> request.queryParam(name, value)));
        return request;
    }

    private static ArrayNode some(Random random, List<String> values, int atLeast) {
        ArrayNode array = Fixtures.parse("{\"a\": []}").withArray("a");
        for (String value : values) {
            if (random.nextInt(3) == 0) {
                array.add(value);
            }
        }
        while (array.size() < atLeast) {
            String value = values.get(random.nextInt(values.size()));
            boolean held = false;
            for (var node : array) {
                held |= node.asText().equals(value);
            }
            if (!held) {
                array.add(value);
            }
        }
        return array;
    }
}
