package org.citycoop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * Generates realistic catalogue schemes from a seeded {@link Random}: the same seed gives the same schemes.
 * Codes come from the catalogue's vocabularies (sectors as served by {@code GET /v1/vocabularies/sectors}) and
 * enums; names and descriptions in English and Japanese are built from word lists per challenge area; windows
 * mix fixed calls (past, open, future), rolling and yearly windows; amounts span 5,000 to 5,000,000 in USD,
 * EUR or JPY.
 */
final class SchemeGenerator {

    static final List<String> CHALLENGES = List.of("SOLID_WASTE", "WATER_AND_WASTEWATER", "AIR_QUALITY", "OTHER_PHYSICAL",
            "URBAN_PLANNING", "REGULATIONS", "INSTITUTIONS", "FINANCIAL_MECHANISMS", "APPROPRIATE_TECHNOLOGY");
    static final List<String> SUPPORT_TYPES = List.of("FINANCIAL", "LOAN", "TECHNICAL", "TRAINING", "INFORMATION");
    static final List<String> APPLICANT_TYPES = List.of("LOCAL_GOVERNMENT", "NATIONAL_GOVERNMENT", "NGO", "ACADEMIC", "PRIVATE");
    static final List<String> CHANNELS = List.of("DIRECT", "THROUGH_NATIONAL_GOVERNMENT", "THROUGH_AGENCY_STAFF");
    /** Asia-Pacific countries (ISO 3166-1 alpha-2), most frequent first. */
    static final List<String> COUNTRIES = List.of("VN", "ID", "PH", "TH", "KH", "LA", "MM", "MY", "MN", "CN", "IN", "BD",
            "LK", "NP", "PK", "FJ", "PG", "SB", "VU", "WS", "TO", "TL", "BT", "MV");
    /** IATI regions: Far East Asia, Oceania, South Asia, Asia. */
    static final List<String> REGIONS = List.of("789", "889", "679", "798");
    static final List<String> FINANCE_TYPES = List.of("110", "110", "421");
    static final List<String> AID_TYPES = List.of("C01", "D02", "D01", "B03");
    static final List<String> CURRENCIES = List.of("USD", "USD", "USD", "EUR", "JPY");

    /** English and Japanese topic words per challenge area (same order as {@link #CHALLENGES}). */
    static final String[][] TOPICS_EN = {
            {"composting", "waste collection", "recycling", "landfill closure"},
            {"water supply", "sewerage", "wastewater treatment", "drainage"},
            {"air quality monitoring", "clean air", "emission inventories", "vehicle emissions"},
            {"flood protection", "urban greening", "coastal resilience", "heat action"},
            {"urban planning", "land use", "transit-oriented development", "slum upgrading"},
            {"environmental regulation", "pollution standards", "enforcement", "permitting"},
            {"municipal capacity", "city networks", "institutional reform", "data systems"},
            {"municipal finance", "green bonds", "revolving funds", "public-private partnership"},
            {"low-cost technology", "appropriate technology", "pilot projects", "technology transfer"}};
    static final String[][] TOPICS_JA = {
            {"堆肥化", "ごみ収集", "リサイクル", "処分場閉鎖"},
            {"給水", "下水道", "排水処理", "雨水排水"},
            {"大気質モニタリング", "大気浄化", "排出インベントリ", "自動車排出ガス"},
            {"洪水対策", "都市緑化", "沿岸レジリエンス", "暑熱対策"},
            {"都市計画", "土地利用", "公共交通指向型開発", "スラム改善"},
            {"環境規制", "汚染基準", "法執行", "許認可"},
            {"自治体能力", "都市ネットワーク", "制度改革", "データシステム"},
            {"自治体財政", "グリーンボンド", "回転基金", "官民連携"},
            {"低コスト技術", "適正技術", "パイロット事業", "技術移転"}};
    static final String[] SUPPORT_EN = {"grants", "loans", "technical assistance", "training", "knowledge exchange"};
    static final String[] SUPPORT_JA = {"助成", "融資", "技術支援", "研修", "知見共有"};

    private final Random random;
    private final List<String> sectors;
    private final ObjectMapper json = new ObjectMapper();

    /** @param sectors the active DAC 5-digit sector codes */
    SchemeGenerator(long seed, List<String> sectors) {
        this.random = new Random(seed);
        this.sectors = sectors;
    }

    /** The next scheme, as a batch item (with its ref). */
    ObjectNode next(String ref) {
        ObjectNode s = json.createObjectNode();
        s.put("ref", ref);
        int challenge = random.nextInt(CHALLENGES.size());
        int support = random.nextInt(SUPPORT_TYPES.size());
        String topicEn = pick(TOPICS_EN[challenge]);
        int topicIndex = List.of(TOPICS_EN[challenge]).indexOf(topicEn);
        String topicJa = TOPICS_JA[challenge][topicIndex];
        String country = pick(COUNTRIES);
        String nameEn = capitalise(topicEn) + " " + SUPPORT_EN[support] + " for cities (" + ref + ")";
        String nameJa = "都市の" + topicJa + "に対する" + SUPPORT_JA[support] + "（" + ref + "）";
        s.put("name", nameEn);
        s.set("names", json.createObjectNode().put("en", nameEn).put("ja", nameJa));
        String descriptionEn = "Supports local governments with " + SUPPORT_EN[support] + " on " + topicEn
                + ", with a focus on " + pick(TOPICS_EN[random.nextInt(CHALLENGES.size())]) + ".";
        s.put("description", descriptionEn);
        if (random.nextInt(4) > 0) {
            s.set("descriptions", json.createObjectNode().put("ja", "地方自治体の" + topicJa + "を" + SUPPORT_JA[support] + "で支援します。"));
        }
        s.set("supportTypes", distinct(SUPPORT_TYPES.get(support), SUPPORT_TYPES, random.nextInt(2)));
        s.set("challengeAreas", distinct(CHALLENGES.get(challenge), CHALLENGES, random.nextInt(3)));
        s.set("sectors", distinct(pick(sectors), sectors, random.nextInt(2)));
        s.put("financeType", pick(FINANCE_TYPES));
        s.put("aidType", pick(AID_TYPES));
        s.set("applicantTypes", distinct("LOCAL_GOVERNMENT", APPLICANT_TYPES, random.nextInt(3)));
        s.put("channel", pick(CHANNELS));
        int scope = random.nextInt(10);
        s.set("eligibleCountries", scope < 6 ? distinct(country, COUNTRIES, random.nextInt(4)) : json.createArrayNode());
        s.set("eligibleRegions", scope >= 6 && scope < 9 ? json.createArrayNode().add(pick(REGIONS)) : json.createArrayNode());
        if (random.nextInt(10) < 8) {
            String currency = pick(CURRENCIES);
            long scale = currency.equals("JPY") ? 100 : 1;
            long min = (5_000L + random.nextInt(200) * 5_000L) * scale;
            long max = min * (2 + random.nextInt(20));
            ObjectNode range = json.createObjectNode();
            range.set("min", json.createObjectNode().put("amount", Long.toString(min)).put("currency", currency));
            range.set("max", json.createObjectNode().put("amount", Long.toString(max)).put("currency", currency));
            s.set("fundingRange", range);
        }
        s.set("processSteps", json.createArrayNode().add(json.createObjectNode().put("title", "Concept note")
                .put("actor", "CITY").put("typicalDays", 14 + random.nextInt(60))));
        s.set("window", window());
        s.put("sourceUrl", "https://example.org/schemes/" + ref);
        return s;
    }

    private ObjectNode window() {
        int kind = random.nextInt(10);
        ZoneOffset offset = pick(List.of(ZoneOffset.ofHours(9), ZoneOffset.ofHours(7), ZoneOffset.UTC, ZoneOffset.ofHours(1)));
        OffsetDateTime base = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, offset).plusDays(random.nextInt(1000));
        if (kind < 6) {
            return json.createObjectNode().put("kind", "FIXED").put("opens", rfc3339(base))
                    .put("deadline", rfc3339(base.plusDays(30 + random.nextInt(120)).withHour(23).withMinute(59)));
        }
        if (kind < 8) {
            return json.createObjectNode().put("kind", "ROLLING");
        }
        return json.createObjectNode().put("kind", "ANNUAL").put("opens", rfc3339(base.minusYears(1)))
                .put("deadline", rfc3339(base.minusYears(1).plusDays(60)));
    }

    private ArrayNode distinct(String first, List<String> from, int more) {
        ArrayNode values = json.createArrayNode().add(first);
        for (int i = 0; i < more; i++) {
            String value = pick(from);
            if (!contains(values, value)) {
                values.add(value);
            }
        }
        return values;
    }

    private static boolean contains(ArrayNode values, String value) {
        for (var node : values) {
            if (node.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String rfc3339(OffsetDateTime time) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
