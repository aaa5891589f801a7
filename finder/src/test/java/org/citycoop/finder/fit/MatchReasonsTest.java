package org.citycoop.finder.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.citycoop.finder.i18n.Texts;
import org.citycoop.finder.web.Lang;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reasons of a match and of a partner suggestion in words, in English and Japanese, from the structured values the
 * APIs return (answers shaped as {@code POST /v1/matches} and {@code GET /v1/cities/{id}/partner-suggestions} give them).
 * A {@code @QuarkusTest}: the message bundles are the application's.
 */
@QuarkusTest
class MatchReasonsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    /** A match as the matching service answers it, its English details left as it writes them. */
    private static final String MATCH = """
            { "scheme": { "id": "s1", "name": "Waste pilots", "status": "OPEN",
                          "challengeAreas": ["SOLID_WASTE", "URBAN_PLANNING"], "supportTypes": ["TECHNICAL"],
                          "fundingRange": { "min": { "amount": "10000", "currency": "USD" }, "max": { "amount": "200000", "currency": "USD" } },
                          "window": { "kind": "FIXED", "opens": "2026-06-01T00:00:00+09:00", "deadline": "2027-03-31T23:59:00+09:00" } },
              "score": 0.7, "eligible": true,
              "explanation": [
                { "criterion": "relevance", "result": "MET", "detail": "addresses SOLID_WASTE" },
                { "criterion": "applicantType", "result": "MET", "detail": "open to LOCAL_GOVERNMENT; apply directly to the agency" },
                { "criterion": "country", "result": "MET", "detail": "ID is among the eligible countries" },
                { "criterion": "status", "result": "MET", "detail": "open" },
                { "criterion": "deadline", "result": "MET", "detail": "the deadline 2027-03-31T23:59+09:00 is 89 days away and ..." },
                { "criterion": "partnerCity", "result": "MET", "detail": "no partner city required" },
                { "criterion": "challenges", "result": "PARTLY_MET", "detail": "addresses SOLID_WASTE (priority 1): 67% of the weighted priorities" },
                { "criterion": "supportTypes", "result": "PARTLY_MET", "detail": "offers TECHNICAL of TECHNICAL, FINANCIAL" },
                { "criterion": "budget", "result": "PARTLY_MET", "detail": "budget 300,000 USD is above the maximum 200,000 USD, which covers 67% of it" },
                { "criterion": "sectors", "result": "MET", "detail": "no DAC sector asked for" },
                { "criterion": "coFinancing", "result": "MET", "detail": "no co-financing required" },
                { "criterion": "language", "result": "PARTLY_MET", "detail": "not available in ja; shown in English" },
                { "criterion": "trackRecord", "result": "PARTLY_MET", "detail": "no IATI activities of IGES are known to the catalogue" },
                { "criterion": "carbonFootprint", "result": "MET", "detail": "a criterion the finder has never heard of" } ] }""";

    private static FitForm form() {
        var params = new MultivaluedHashMap<String, String>();
        params.add("city", "Surabaya, ID");
        params.add("p.SOLID_WASTE", "1");
        params.add("p.INSTITUTIONS", "2");
        params.add("supportType", "TECHNICAL");
        params.add("supportType", "FINANCIAL");
        params.add("budget", "300000");
        return new FitForm(params);
    }

    /** The match of {@link #MATCH} on a page in {@code lang}: the scheme has English texts only, as the service finds. */
    private static Map<String, MatchReasons.Reason> reasons(Lang lang) throws Exception {
        String match = lang == Lang.EN ? MATCH.replace("\"language\", \"result\": \"PARTLY_MET\"", "\"language\", \"result\": \"MET\"") : MATCH;
        List<MatchReasons.Reason> reasons = new MatchReasons(Texts.of(lang), lang, form(), "ID", NOW).of(JSON.readTree(match), "FUNDING");
        assertEquals(14, reasons.size(), "one reason per criterion, the unknown one too");
        return reasons.stream().collect(Collectors.toMap(MatchReasons.Reason::criterion, r -> r, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void aClosedSchemeWithARollingWindowIsNotSaidToTakeApplications() throws Exception {
        String closed = MATCH.replace("\"status\": \"OPEN\"", "\"status\": \"CLOSED\"")
                .replace("\"window\": { \"kind\": \"FIXED\", \"opens\": \"2026-06-01T00:00:00+09:00\", \"deadline\": \"2027-03-31T23:59:00+09:00\" }",
                        "\"window\": { \"kind\": \"ROLLING\" }");
        assertTrue(closed.contains("ROLLING") && closed.contains("CLOSED"));
        for (Lang lang : Lang.values()) {
            MatchReasons.Reason deadline = new MatchReasons(Texts.of(lang), lang, form(), "ID", NOW).of(JSON.readTree(closed), "FUNDING")
                    .stream().filter(r -> r.criterion().equals(Texts.of(lang).criterion("deadline"))).findFirst().orElseThrow();
            assertEquals(Texts.of(lang).why_deadline_rolling_ended(), deadline.text(), lang.code());
        }
        String open = MATCH.replace("\"window\": { \"kind\": \"FIXED\", \"opens\": \"2026-06-01T00:00:00+09:00\", \"deadline\": \"2027-03-31T23:59:00+09:00\" }",
                "\"window\": { \"kind\": \"ROLLING\" }");
        assertTrue(new MatchReasons(Texts.of(Lang.EN), Lang.EN, form(), "ID", NOW).of(JSON.readTree(open), "FUNDING").stream()
                .anyMatch(r -> r.text().equals("Applications are taken at any time.")), "an open rolling scheme does");
    }

    @Test
    void eachCriterionIsLabelledAndExplainedInEnglishFromTheValuesCompared() throws Exception {
        Map<String, MatchReasons.Reason> en = reasons(Lang.EN);
        assertEquals("It addresses Solid waste.", en.get("Relevance").text());
        assertEquals("Local government may apply.", en.get("Applicant").text());
        assertEquals("Applicants from Indonesia are eligible.", en.get("Country").text());
        assertEquals("The deadline, Mar 31, 2027, is 89 days away: time enough for the steps on your side.", en.get("Deadline").text());
        assertEquals("It addresses Solid waste (priority 1): 67% of your challenges, weighted by priority.", en.get("Challenges").text());
        assertEquals("It offers Technical assistance of what you asked for (Technical assistance, Grant).", en.get("Support types").text());
        assertEquals("Your budget of USD 300,000 is above its maximum of USD 200,000, which covers 67% of it.", en.get("Budget").text());
        assertEquals("partly met", en.get("Budget").result());
        assertEquals("It is described in English.", en.get("Language").text());
        assertEquals("No IATI activities of the agency are known to the catalogue.", en.get("Track record").text());
        en.values().stream().filter(r -> !r.criterion().equals("carbonFootprint"))
                .forEach(r -> assertFalse(r.inEnglish(), r + " is the finder's own wording"));
    }

    @Test
    void japanesePagesGetJapaneseReasonsWithoutCodesOrTheServicesEnglish() throws Exception {
        Map<String, MatchReasons.Reason> ja = reasons(Lang.JA);
        assertEquals("固形廃棄物に取り組むスキームです。", ja.get("関連性").text());
        assertEquals("地方自治体が申請できます。", ja.get("申請者").text());
        assertEquals("インドネシアの申請者が対象です。", ja.get("国").text());
        assertEquals("締切（2027/03/31）まであと 89 日あり、申請側の手順に間に合います。", ja.get("締切").text());
        assertEquals("予算 300,000 USD は上限 200,000 USD を超えています（上限で予算の 67% をまかなえます）。", ja.get("予算").text());
        assertEquals("一部満たす", ja.get("予算").result());
        assertEquals("日本語の説明はなく、英語で表示します。", ja.get("言語").text());
        assertEquals("この機関のIATI活動はカタログにありません。", ja.get("実績").text());
        for (MatchReasons.Reason reason : ja.values()) {
            if (reason.criterion().equals("carbonFootprint")) {
                continue;
            }
            assertFalse(reason.inEnglish(), reason.toString());
            assertFalse(reason.text().matches(".*[A-Z]{2,}_[A-Z]+.*"), "no code in " + reason);
            assertFalse(reason.text().matches(".*[a-z]{4,}.*"), "no English in " + reason);
        }
    }

    @Test
    void aTrackRecordThatIsMetSaysWhatWasCountedAndClaimsSectorsOnlyWhenCompared() throws Exception {
        String withSectors = MATCH.replace("{ \"criterion\": \"trackRecord\", \"result\": \"PARTLY_MET\", \"detail\": \"no IATI activities of IGES are known to the catalogue\" }",
                "{ \"criterion\": \"trackRecord\", \"result\": \"MET\", \"detail\": \"ADB has 14 activities in Indonesia in sectors 14050 and 14022 since 2015 (IATI, last updated 2026-09-30)\" }");
        String withoutSectors = withSectors.replace("14 activities in Indonesia in sectors 14050 and 14022 since 2015", "1 activity in Indonesia since 2016");
        assertEquals("The agency has published 14 IATI activities in Indonesia in sectors 14050 and 14022 since 2015.",
                trackRecord(withSectors, Lang.EN));
        assertEquals("The agency has published 1 IATI activity in Indonesia since 2016.", trackRecord(withoutSectors, Lang.EN));
        assertEquals("この機関は2016年以降、インドネシアで1件のIATI活動を公表しています。", trackRecord(withoutSectors, Lang.JA));
        assertEquals("The agency has published IATI activities in Indonesia.",
                trackRecord(withSectors.replace("ADB has 14 activities", "ADB reported work"), Lang.EN), "an unforeseen wording claims nothing more");
    }

    private static String trackRecord(String match, Lang lang) throws Exception {
        return new MatchReasons(Texts.of(lang), lang, form(), "ID", NOW).of(JSON.readTree(match), "FUNDING").stream()
                .filter(reason -> reason.criterion().equals(lang == Lang.EN ? "Track record" : "実績")).findFirst().orElseThrow().text();
    }

    @Test
    void anUnknownCriterionKeepsTheServicesEnglishTextMarkedAsSuch() throws Exception {
        MatchReasons.Reason unknown = reasons(Lang.JA).get("carbonFootprint");
        assertTrue(unknown.inEnglish());
        assertEquals("a criterion the finder has never heard of", unknown.text());
    }

    @Test
    void aSchemeLeftOutSaysWhatFailedInWords() throws Exception {
        JsonNode closed = JSON.readTree("""
                { "scheme": { "id": "s2", "status": "CLOSED", "challengeAreas": ["AIR_QUALITY"], "supportTypes": ["FINANCIAL"],
                              "window": { "kind": "FIXED", "deadline": "2026-09-30T17:00:00Z" } },
                  "eligible": false, "explanation": [
                    { "criterion": "relevance", "result": "FAILED", "detail": "addresses none of the city's challenges (it addresses AIR_QUALITY)" },
                    { "criterion": "applicantType", "result": "FAILED", "detail": "open to NATIONAL_GOVERNMENT only" },
                    { "criterion": "country", "result": "PARTLY_MET", "detail": "open to regions 798; region membership not checked" },
                    { "criterion": "status", "result": "FAILED", "detail": "closed: the deadline 2026-09-30T17:00Z has passed" },
                    { "criterion": "deadline", "result": "FAILED", "detail": "the deadline 2026-09-30T17:00Z has passed" },
                    { "criterion": "partnerCity", "result": "FAILED", "detail": "needs a partner city in JP; city 1625822 has no twinning arrangement with one" },
                    { "criterion": "budget", "result": "PARTLY_MET", "detail": "funding range unknown" } ] }""");
        List<String> en = new MatchReasons(Texts.of(Lang.EN), Lang.EN, form(), "ID", NOW).of(closed, "not stated").stream()
                .map(MatchReasons.Reason::text).toList();
        assertEquals(List.of("It addresses none of your challenges (it is about Air quality).", "Local government may not apply.",
                "It is open to certain world regions; ask the agency whether Indonesia is one of them.",
                "It is closed: its deadline, Sep 30, 2026, has passed.", "The deadline, Sep 30, 2026, has passed.",
                "It needs a partner city with which your city has an agreed or active twinning arrangement; the registry has none that fits.",
                "Its funding range is not published."), en);
    }

    @Test
    void partnerSuggestionsAreExplainedInWordsFromTheTwoCities() throws Exception {
        JsonNode surabaya = JSON.readTree("""
                { "id": "1625822", "name": "Surabaya", "country": "ID", "population": 2374658, "latitude": -7.24917, "longitude": 112.75083 }""");
        JsonNode suggestion = JSON.readTree("""
                { "city": { "id": "1859307", "name": "Kitakyushu", "country": "JP", "population": 997536, "latitude": 33.85181, "longitude": 130.85034 },
                  "score": 0.55, "explanation": [
                    { "criterion": "EXPERTISE", "result": "MET", "weight": 0.3, "points": 0.3, "detail": "offers SOLID_WASTE" },
                    { "criterion": "TRACK_RECORD", "result": "PARTLY_MET", "weight": 0.3, "points": 0.15, "detail": "1 active or completed arrangement(s) in SOLID_WASTE, 0 mentored with achieved outcomes" },
                    { "criterion": "EXISTING_TIES", "result": "MET", "weight": 0.1, "points": 0.1, "detail": "1 arrangement(s) tie the two cities: ..." },
                    { "criterion": "DISTANCE", "result": "FAILED", "weight": 0.1, "points": 0, "detail": "4937 km apart (MET up to 1500, PARTLY_MET up to 4000)" },
                    { "criterion": "LANGUAGE", "result": "FAILED", "weight": 0.1, "points": 0, "detail": "ID [id], JP [ja]: none shared" },
                    { "criterion": "SIZE", "result": "PARTLY_MET", "weight": 0.1, "points": 0.05, "detail": "populations 2374658 and 997536, ratio 0.42 (MET from 0.5, PARTLY_MET from 0.2)" } ] }""");
        List<String> en = new PartnerReasons(Texts.of(Lang.EN), Lang.EN, surabaya, "Solid waste").of(suggestion).stream()
                .map(r -> r.criterion() + ": " + r.result() + ": " + r.text()).toList();
        assertEquals(List.of("Expertise: met: It offers expertise in Solid waste.",
                "Track record: partly met: It has twinning work in Solid waste, but none that it led has results recorded yet.",
                "Existing ties: met: It already has a twinning arrangement with Surabaya.",
                "Distance: not met: 4,952 km from Surabaya.",
                "Language: not met: Its country has no language in common with yours.",
                "Size: partly met: 997,536 inhabitants (Surabaya: 2,374,658)."), en);
        List<MatchReasons.Reason> ja = new PartnerReasons(Texts.of(Lang.JA), Lang.JA, surabaya, "固形廃棄物").of(suggestion);
        assertEquals("距離", ja.get(3).criterion());
        assertEquals("Surabayaから 4,952 km。", ja.get(3).text());
        assertEquals("固形廃棄物の専門知識を提供しています。", ja.get(0).text());
        ja.forEach(r -> assertFalse(r.inEnglish() || r.text().matches(".*(MET|PARTLY|SOLID_WASTE|\\[).*"), r.toString()));
    }

    @Test
    void twinningStatusesAreWords() {
        assertEquals("agreed", Texts.of(Lang.EN).twinning_status("AGREED"));
        assertEquals("実施中", Texts.of(Lang.JA).twinning_status("ACTIVE"));
        assertEquals("途中で終了", Texts.of(Lang.JA).twinning_status("TERMINATED"));
    }
}
