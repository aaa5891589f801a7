package org.citycoop.matching.match;

import org.citycoop.matching.readmodel.ReadModelConsumers;
import org.citycoop.devstack.ExampleEvents;
import org.citycoop.matching.ServiceJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.citycoop.matching.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From events to matches: schemes, agencies and twinning arrangements published on Kafka as the catalogue and
 * the twinning service publish them, then {@code POST /v1/matches} until the read model has caught up.
 */
@QuarkusTest
class MatchEndToEndTest {

    /**
     * How long to poll for the read model to catch up: normally a second or two, but the first events after start-up
     * wait for the consumer group's rebalance, which took up to 20 s on a busy 2-core machine.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(9));

    private EventPublisher events;

    @BeforeEach
    void openPublisher() {
        events = new EventPublisher();
    }

    @AfterEach
    void closePublisher() {
        events.close();
    }

    @Test
    void aPublishedSchemeIsMatchedWithItsExplanationAndAgency() {
        String agencyId = "agency-" + UUID.randomUUID();
        events.publish("catalog.agencies", ReadModelConsumers.AGENCY_UPDATED, agencyId,
                ExampleEvents.data(ReadModelConsumers.AGENCY_UPDATED).put("id", agencyId).put("name", "Test Agency").put("acronym", "TA").toString());
        String schemeId = UUID.randomUUID().toString();
        ObjectNode scheme = openScheme(schemeId, "SOLID_WASTE").put("agencyId", agencyId);
        scheme.putArray("supportTypes").add("TECHNICAL");
        scheme.putObject("fundingRange").<ObjectNode>set("min", money("10000")).set("max", money("3000000"));
        events.publish("catalog.schemes", ReadModelConsumers.SCHEME_CREATED, schemeId, scheme.toString());
        String city = newCityId();

        Map<String, Object> match = awaitMatch(profile(city, "[\"ja\"]"), "", schemeId, item -> "TA".equals(item.get("agencyAcronym")));

        assertEquals(0.733, ((Number) match.get("score")).doubleValue(), 1e-6,
                "challenges 2/3, support types 1/2, budget, sectors (none asked), co-financing (none required) and language met; "
                        + "no IATI activity of the agency known (track record 0.5)");
        assertEquals(true, match.get("eligible"));
        Map<String, Object> summary = scheme(match);
        assertEquals("都市の大気質モニタリング支援", summary.get("name"));
        assertEquals("Test Agency", summary.get("agencyName"));
        assertEquals(agencyId, summary.get("agencyId"));
        assertEquals("AQ-2027-01", summary.get("ref"));
        assertEquals("OPEN", summary.get("status"));
        assertEquals(List.of("SOLID_WASTE"), summary.get("challengeAreas"));
        assertEquals(Map.of("amount", "10000", "currency", "USD"), ((Map<?, ?>) summary.get("fundingRange")).get("min"));
        assertEquals("FIXED", ((Map<?, ?>) summary.get("window")).get("kind"));
        Map<String, Map<String, String>> explanation = explanation(match);
        assertEquals(List.of("relevance", "applicantType", "country", "status", "deadline", "partnerCity",
                "challenges", "supportTypes", "budget", "sectors", "coFinancing", "language", "trackRecord"), List.copyOf(explanation.keySet()));
        assertEquals(Map.of("result", "PARTLY_MET", "detail", "no IATI activities of TA are known to the catalogue"),
                explanation.get("trackRecord"));
        assertEquals(Map.of("result", "MET", "detail", "budget 300,000 USD is inside 10,000-3,000,000 USD"), explanation.get("budget"));
        assertEquals("MET", explanation.get("deadline").get("result"));
        assertEquals("PARTLY_MET", explanation.get("supportTypes").get("result"));

        // Without languages in the body, Accept-Language picks the name; English when the scheme lacks the language.
        Map<String, Object> inJapanese = scheme(awaitMatch(profile(city, "[]"), "ja, en;q=0.5", schemeId, item -> true));
        assertEquals("都市の大気質モニタリング支援", inJapanese.get("name"));
        assertEquals("ja", inJapanese.get("nameLanguage"), "the name says its language");
        Map<String, Object> inFrench = scheme(awaitMatch(profile(city, "[]"), "fr", schemeId, item -> true));
        assertEquals("Air quality monitoring support for cities", inFrench.get("name"));
        assertEquals("en", inFrench.get("nameLanguage"), "no French name: the English one, said to be English");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(org.citycoop.devstack.MetricsText.sum(metrics, "citycoop_matches_seconds_count") >= 3,
                "each match is timed");
    }

    @Test
    void aMatchSaysWhoMayApplyThroughWhichChannelAndWhatTheApplicantBrings() {
        String schemeId = UUID.randomUUID().toString();
        ObjectNode scheme = openScheme(schemeId, "SOLID_WASTE");
        scheme.put("channel", "THROUGH_NATIONAL_GOVERNMENT").put("coFinancingShare", "0.1");
        scheme.putObject("partnerCityRequired").put("country", "JP");
        events.publish("catalog.schemes", ReadModelConsumers.SCHEME_CREATED, schemeId, scheme.toString());

        // A partner city in Japan is required and the city has none: listed only with the ineligible ones.
        Map<String, Object> summary = scheme(awaitMatch(profile(newCityId(), "[]"), "", "?includeIneligible=true", schemeId));

        assertEquals(List.of("LOCAL_GOVERNMENT"), summary.get("applicantTypes"));
        assertEquals("THROUGH_NATIONAL_GOVERNMENT", summary.get("channel"));
        assertEquals(Map.of("country", "JP"), summary.get("partnerCityRequired"));
        assertEquals(java.util.Set.of("ID", "VN"), java.util.Set.copyOf((List<?>) summary.get("eligibleCountries")));
        assertEquals(List.of("789"), summary.get("eligibleRegions"));
        assertEquals("0.1", summary.get("coFinancingShare"));
    }

    @Test
    void theAgencysIatiActivitiesInTheCountryAndSectorRaiseItsSchemeAndAreCitedInTheExplanation() {
        String agencyId = "agency-" + UUID.randomUUID();
        events.publish("catalog.agencies", ReadModelConsumers.AGENCY_UPDATED, agencyId,
                ExampleEvents.data(ReadModelConsumers.AGENCY_UPDATED).put("id", agencyId).put("name", "Iati Agency").put("acronym", "IA").toString());
        String schemeId = UUID.randomUUID().toString();
        ObjectNode scheme = openScheme(schemeId, "SOLID_WASTE").put("agencyId", agencyId);
        scheme.putArray("sectors").add("14050");
        events.publish("catalog.schemes", ReadModelConsumers.SCHEME_CREATED, schemeId, scheme.toString());
        String city = newCityId();
        Map<String, Object> before = awaitMatch(profile(city, "[\"en\"]"), "", schemeId, item -> "IA".equals(item.get("agencyAcronym")));
        assertEquals("PARTLY_MET", explanation(before).get("trackRecord").get("result"));

        String activityId = UUID.randomUUID().toString();
        ObjectNode activity = ExampleEvents.data(ReadModelConsumers.ACTIVITY_CREATED).put("id", activityId).put("agencyId", agencyId);
        events.publish("catalog.activities", ReadModelConsumers.ACTIVITY_CREATED, activityId, activity.toString());

        Map<String, Object> after = await().atMost(PATIENCE).until(() -> items(profile(city, "[\"en\"]"), "?limit=100").stream()
                .filter(item -> schemeId.equals(scheme(item).get("id")) && "MET".equals(explanation(item).get("trackRecord").get("result")))
                .findFirst().orElse(null), Objects::nonNull);
        assertEquals("IA has 1 activity in Indonesia in sector 14050 since 2015 (IATI, last updated 2026-09-30)",
                explanation(after).get("trackRecord").get("detail"));
        assertEquals(((Number) before.get("score")).doubleValue() + 0.05, ((Number) after.get("score")).doubleValue(), 0.0011,
                "the track record's weight 0.10 times 1 instead of 0.5");
    }

    @Test
    void anActiveTwinningWithAJapaneseCityMakesASchemeNeedingAJapanesePartnerEligible() {
        String city = newCityId();
        String schemeId = UUID.randomUUID().toString();
        ObjectNode scheme = openScheme(schemeId, "INSTITUTIONS");
        scheme.putObject("partnerCityRequired").put("country", "JP");
        events.publish("catalog.schemes", ReadModelConsumers.SCHEME_CREATED, schemeId, scheme.toString());

        Map<String, Object> before = awaitMatch(profile(city, "[\"en\"]"), "", "?includeIneligible=true", schemeId);
        assertEquals(false, before.get("eligible"));
        assertEquals(Map.of("result", "FAILED", "detail", "needs a partner city in JP; city " + city + " has no twinning arrangement with one"),
                explanation(before).get("partnerCity"));
        assertFalse(matchIds(profile(city, "[\"en\"]"), "").contains(schemeId), "ineligible schemes are left out by default");

        String arrangementId = UUID.randomUUID().toString();
        ObjectNode arrangement = ExampleEvents.data(ReadModelConsumers.ARRANGEMENT_UPDATED).put("id", arrangementId).put("status", "ACTIVE");
        ArrayNode cities = arrangement.putArray("cities");
        cities.addObject().put("cityId", "1859307").put("name", "Kitakyushu").put("country", "JP").put("role", "MENTOR");
        cities.addObject().put("cityId", city).put("name", "Test City").put("country", "ID").put("role", "PARTNER");
        events.publish("twinning.arrangements", ReadModelConsumers.ARRANGEMENT_CREATED, arrangementId, arrangement.toString());

        Map<String, Object> after = awaitMatch(profile(city, "[\"en\"]"), "", schemeId, item -> true);
        assertEquals(true, after.get("eligible"));
        assertEquals("MET", explanation(after).get("partnerCity").get("result"));
        assertTrue(explanation(after).get("partnerCity").get("detail").contains("with Kitakyushu (1859307, JP)"));
        assertTrue(explanation(after).get("partnerCity").get("detail").contains(arrangementId));
    }

    /**
     * The index's pre-filter leaves out only schemes that fail a hard criterion: the eligible ones are the same with
     * and without it, whatever made the others ineligible.
     */
    @Test
    void thePreFilterDropsOnlyIneligibleSchemes() {
        String area = "SOCIAL_CAPITAL";
        Map<String, ObjectNode> schemes = new LinkedHashMap<>();
        schemes.put("open", openScheme(UUID.randomUUID().toString(), area));
        schemes.put("rolling", openScheme(UUID.randomUUID().toString(), area));
        schemes.get("rolling").putObject("window").put("kind", "ROLLING");
        schemes.put("regionsOnly", openScheme(UUID.randomUUID().toString(), area));
        schemes.get("regionsOnly").putArray("eligibleCountries");
        schemes.put("anyApplicant", openScheme(UUID.randomUUID().toString(), area));
        schemes.get("anyApplicant").putArray("applicantTypes").add("ANY");
        schemes.put("applicantsNotPublished", openScheme(UUID.randomUUID().toString(), area));
        schemes.get("applicantsNotPublished").remove("applicantTypes");
        schemes.put("noWindow", openScheme(UUID.randomUUID().toString(), area));
        schemes.get("noWindow").putNull("window");
        schemes.put("pastDeadline", openScheme(UUID.randomUUID().toString(), area));
        schemes.get("pastDeadline").putObject("window").put("kind", "FIXED").put("opens", NOW.minusDays(90).toString())
                .put("deadline", NOW.minusDays(1).toString());
        schemes.put("withdrawn", openScheme(UUID.randomUUID().toString(), area).put("status", "WITHDRAWN"));
        schemes.put("superseded", openScheme(UUID.randomUUID().toString(), area).put("supersededBy", "next-scheme"));
        schemes.put("otherCountry", openScheme(UUID.randomUUID().toString(), area));
        schemes.get("otherCountry").putArray("eligibleCountries").add("VN");
        schemes.put("ngoOnly", openScheme(UUID.randomUUID().toString(), area));
        schemes.get("ngoOnly").putArray("applicantTypes").add("NGO");
        schemes.put("tooLate", openScheme(UUID.randomUUID().toString(), area));
        schemes.get("tooLate").putObject("window").put("kind", "FIXED").put("opens", NOW.minusDays(9).toString())
                .put("deadline", NOW.plusDays(5).toString());
        schemes.values().forEach(data -> events.publish("catalog.schemes", ReadModelConsumers.SCHEME_UPDATED,
                data.get("id").asText(), data.toString()));
        Map<String, String> names = schemes.entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getValue().get("id").asText(), Map.Entry::getKey));
        String body = """
                { "country": "ID", "applicantType": "LOCAL_GOVERNMENT", "challenges": [ { "area": "SOCIAL_CAPITAL", "priority": 3 } ] }""";

        await().atMost(PATIENCE).until(() -> matchIds(body, "?includeIneligible=true&limit=100").containsAll(names.keySet()));
        List<Map<String, Object>> all = items(body, "?includeIneligible=true&limit=100");
        Set<String> eligibleInFullScan = all.stream().filter(item -> Boolean.TRUE.equals(item.get("eligible")))
                .map(item -> (String) scheme(item).get("id")).filter(names::containsKey).map(names::get).collect(Collectors.toSet());
        Set<String> eligibleWithPreFilter = matchIds(body, "?limit=100").stream().filter(names::containsKey).map(names::get)
                .collect(Collectors.toSet());
        assertEquals(Set.of("open", "rolling", "regionsOnly", "anyApplicant", "applicantsNotPublished", "noWindow"), eligibleInFullScan);
        assertEquals(eligibleInFullScan, eligibleWithPreFilter);
        int firstIneligible = 0;
        while (firstIneligible < all.size() && Boolean.TRUE.equals(all.get(firstIneligible).get("eligible"))) {
            firstIneligible++;
        }
        assertTrue(all.subList(firstIneligible, all.size()).stream().noneMatch(item -> Boolean.TRUE.equals(item.get("eligible"))),
                "eligible matches come first");
    }

    /** A scheme from the catalogue's example, open now with a deadline in 90 days, for local governments in ID and VN. */
    private static ObjectNode openScheme(String id, String area) {
        ObjectNode scheme = ExampleEvents.data(ReadModelConsumers.SCHEME_UPDATED).put("id", id).put("version", 1).put("status", "OPEN");
        scheme.putArray("challengeAreas").add(area);
        scheme.putObject("window").put("kind", "FIXED").put("opens", NOW.minusDays(1).toString())
                .put("deadline", NOW.plusDays(90).toString());
        return scheme;
    }

    private static ObjectNode money(String amount) {
        return ServiceJson.MAPPER.createObjectNode().put("amount", amount).put("currency", "USD");
    }

    /** A GeoNames-like id no other test uses. */
    private static String newCityId() {
        return "9" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private static String profile(String cityId, String languages) {
        return """
                { "cityId": "%s", "country": "ID", "applicantType": "LOCAL_GOVERNMENT",
                  "challenges": [ { "area": "SOLID_WASTE", "priority": 1 }, { "area": "INSTITUTIONS", "priority": 2 } ],
                  "supportTypes": ["TECHNICAL", "FINANCIAL"],
                  "budget": { "amount": "300000", "currency": "USD" }, "languages": %s }""".formatted(cityId, languages);
    }

    private Map<String, Object> awaitMatch(String body, String acceptLanguage, String schemeId,
                                           Predicate<Map<String, Object>> ready) {
        return awaitMatch(body, acceptLanguage, "?limit=100", schemeId, ready);
    }

    private Map<String, Object> awaitMatch(String body, String acceptLanguage, String query, String schemeId) {
        return awaitMatch(body, acceptLanguage, query + "&limit=100", schemeId, item -> true);
    }

    /** Posts the profile until the scheme is among the matches and {@code ready} holds for its summary. */
    private Map<String, Object> awaitMatch(String body, String acceptLanguage, String query, String schemeId,
                                           Predicate<Map<String, Object>> ready) {
        return await().atMost(PATIENCE).until(() -> items(body, query, acceptLanguage).stream()
                        .filter(item -> schemeId.equals(scheme(item).get("id")) && ready.test(scheme(item)))
                        .findFirst().orElse(null),
                Objects::nonNull);
    }

    private static List<Map<String, Object>> items(String body, String query) {
        return items(body, query, "");
    }

    private static List<Map<String, Object>> items(String body, String query, String acceptLanguage) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (!acceptLanguage.isEmpty()) {
            request.header("Accept-Language", acceptLanguage);
        }
        JsonPath json = request.post("/v1/matches" + query).then().statusCode(200).extract().jsonPath();
        return json.getList("items");
    }

    private static List<String> matchIds(String body, String query) {
        return items(body, query).stream().map(item -> (String) scheme(item).get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scheme(Map<String, Object> item) {
        return (Map<String, Object>) item.get("scheme");
    }

    /** The explanation by criterion, in order. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> explanation(Map<String, Object> item) {
        Map<String, Map<String, String>> byCriterion = new LinkedHashMap<>();
        for (Map<String, String> entry : (List<Map<String, String>>) item.get("explanation")) {
            byCriterion.put(entry.get("criterion"), Map.of("result", entry.get("result"), "detail", entry.get("detail")));
        }
        return byCriterion;
    }
}
