package org.citycoop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input through the gateway, driven by the merged OpenAPI document ({@code GET /q/openapi}): for every
 * operation a valid request, then invalid variants of each of its parameters and body members
 * ({@link BadInputCases}), and the HTTP layer's own cases (malformed request lines, headers and bodies,
 * sent over a plain socket, {@link RawHttp}). Every answer must be: no 5xx and no hang; a refusal a 4xx RFC
 * 9457 problem ({@code application/problem+json} with {@code type}, {@code title} and {@code status}) that
 * names the parameter or member at fault in a 400 or 422; no HTML; bad input not taken (a 2xx is a failure);
 * and nothing changed by a refused request (the catalogue's change feed and the resource's own GET are the
 * same before and after).
 *
 * <p>Against a suite that runs already instead of the one the end-to-end tests start:
 * {@code -Dbadinput.gateway=http://127.0.0.1:8080 -Dbadinput.adminKey=$ADMIN_API_KEY} (started with
 * {@code CITYCOOP_MATCHING_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true}: the fixtures subscribe a loopback webhook).
 *
 * <p>Seeded and bounded: {@code -Dbadinput.seed=} (printed) chooses the variants, {@code -Dbadinput.perField=}
 * how many at most per parameter or member, {@code -Dbadinput.operations=} (a regular expression over
 * {@code METHOD /path}) which operations. All failures are collected and printed grouped; the test fails
 * at the end with that summary (also written to {@code target/badinput-report.txt}).
 */
class BadInputIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern REMAINING = Pattern.compile("r=(\\d+)");

    private static String bootstrapAdmin;
    private static RawHttp http;
    private static JsonNode document;
    private static long seed;
    private static int perField;
    private static String suffix;
    private static final Map<String, String> ids = new LinkedHashMap<>();

    /** Admin keys made for this test, used in turn so that no one key reaches its rate limit. */
    private static final List<String> adminKeys = new ArrayList<>();
    private static int adminKey;
    private static int anonymousAddress = 2;
    private static int sentFromAddress;

    private final Map<String, Integer> sent = new TreeMap<>();
    private final Map<String, List<String>> failures = new TreeMap<>();
    private int retries;
    /** Valid requests that were refused: their variants may stop early, at the same check. */
    private final List<String> validRefused = new ArrayList<>();

    @BeforeAll
    static void startSuiteAndMakeFixtures() throws Exception {
        URI gateway;
        String attached = System.getProperty("badinput.gateway");
        if (attached == null) {
            RunningSuite running = RunningSuite.get();
            gateway = running.suite.gatewayUrl();
            bootstrapAdmin = running.credentials.admin();
        } else {
            // a suite that runs already (deploy/local up, with CITYCOOP_MATCHING_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true)
            gateway = URI.create(attached);
            bootstrapAdmin = System.getProperty("badinput.adminKey");
            io.restassured.RestAssured.baseURI = attached;
        }
        http = new RawHttp(gateway.getHost(), gateway.getPort(), 10_000);
        seed = Long.getLong("badinput.seed", 20261207L);
        perField = Integer.getInteger("badinput.perField", 5);
        suffix = Long.toString(Math.abs(seed % 100_000), 36) + Long.toString(System.nanoTime() % 10_000, 36);
        RawHttp.Response openapi = http.send(new RawHttp.Request("GET", "/q/openapi").header("Accept", "application/json"), null);
        assertTrue(openapi.status() == 200, "GET /q/openapi: " + openapi.status() + " " + openapi.text());
        document = MAPPER.readTree(openapi.body());
        makeFixtures("Bearer " + bootstrapAdmin);
    }

    /** The resources the valid requests name: made with the bootstrap admin key, away from what the other tests count. */
    private static void makeFixtures(String admin) {
        long started = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            adminKeys.add(given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body("{\"name\":\"fuzz-admin-" + i + "-" + suffix + "\",\"role\":\"SECRETARIAT_ADMIN\"}")
                    .post("/v1/clients").then().statusCode(201).extract().path("key"));
        }
        ids.put("client", newClient(admin, "a"));
        ids.put("clientToDelete", newClient(admin, "d"));
        ids.put("agency", "fuzz-" + suffix);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(body("PUT /v1/agencies/{agencyId}"))
                .put("/v1/agencies/" + ids.get("agency")).then().statusCode(201);
        ids.put("scheme", given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(body("PUT /v1/agencies/{agencyId}/schemes/{ref}")).put("/v1/agencies/" + ids.get("agency") + "/schemes/FUZZ-1")
                .then().statusCode(201).extract().path("id"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(body("PUT /v1/agencies/{agencyId}/schemes/{ref}"))
                .put("/v1/agencies/" + ids.get("agency") + "/schemes/FUZZ-DEL").then().statusCode(201);
        ids.put("seededScheme", given().queryParam("agency", "jica").queryParam("limit", 1).get("/v1/schemes")
                .then().statusCode(200).extract().path("items[0].id"));
        ids.put("city", given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(body("POST /v1/cities").replace("Fuzzville " + suffix + " valid", "Fuzzville " + suffix))
                .post("/v1/cities").then().statusCode(201).extract().path("id"));
        ids.put("need", given().header("Authorization", admin).contentType(ContentType.JSON).body(body("POST /v1/needs"))
                .post("/v1/needs").then().statusCode(201).extract().path("id"));
        ids.put("needToDelete", given().header("Authorization", admin).contentType(ContentType.JSON).body(body("POST /v1/needs"))
                .post("/v1/needs").then().statusCode(201).extract().path("id"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var answer = given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body(body("POST /v1/needs/{id}/applications")).post("/v1/needs/" + ids.get("need") + "/applications");
            if (answer.statusCode() == 201) {
                ids.put("plan", answer.path("id"));
                return true;
            }
            return false;
        });
        ids.put("subscription", given().header("Authorization", admin).contentType(ContentType.JSON).body(body("POST /v1/subscriptions"))
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id"));
        ids.put("subscriptionToDelete", given().header("Authorization", admin).contentType(ContentType.JSON).body(body("POST /v1/subscriptions"))
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id"));
        ids.put("twinning", given().header("Authorization", admin).contentType(ContentType.JSON).body(body("POST /v1/twinnings"))
                .post("/v1/twinnings").then().statusCode(201).extract().path("id"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(body("PUT /v1/twinnings/{id}/activities/{ref}"))
                .put("/v1/twinnings/" + ids.get("twinning") + "/activities/fuzz-act-del").then().statusCode(201);
        String etag = given().get("/v1/twinnings/" + ids.get("twinning")).then().statusCode(200).extract().header("ETag");
        given().header("Authorization", admin).header("If-Match", etag).contentType(ContentType.JSON)
                .body(body("PUT /v1/twinnings/{id}/outcomes/{ref}"))
                .put("/v1/twinnings/" + ids.get("twinning") + "/outcomes/fuzz-out-del").then().statusCode(201);
        System.out.println("Bad input: fixtures made in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + ids);
    }

    private static String newClient(String admin, String name) {
        return given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"name\":\"fuzz-client-" + name + "-" + suffix + "\",\"role\":\"PARTNER_PORTAL\"}")
                .post("/v1/clients").then().statusCode(201).extract().path("id");
    }

    /** Bodies the services take, per operation; the document's schemas say what to break in them. */
    private static String body(String operation) {
        String body = switch (operation) {
            case "POST /v1/clients" -> "{\"name\":\"fuzz-valid-${suffix}\",\"role\":\"CITY_EDITOR\",\"cityIds\":[\"1583992\"]}";
            case "PUT /v1/agencies/{agencyId}" -> """
                    {"name":"Fuzz agency","acronym":"FUZZ","organisationType":"40","country":"JP","iatiOrgId":"XM-FUZZ-1",
                     "website":"https://example.org/fuzz","contact":"fuzz@example.org","regionsServed":["798"]}""";
            case "PUT /v1/agencies/{agencyId}/schemes/{ref}" -> """
                    {"name":"Fuzz scheme","names":{"en":"Fuzz scheme","ja":"ファズ"},"description":"For the bad-input test.",
                     "descriptions":{"ja":"テスト"},"supportTypes":["TECHNICAL"],"challengeAreas":["SOCIAL_CAPITAL"],"sectors":["41010"],
                     "financeType":"110","aidType":"D02","applicantTypes":["LOCAL_GOVERNMENT"],"channel":"DIRECT",
                     "partnerCityRequired":{"country":"JP"},"eligibleCountries":["FJ"],"eligibleRegions":["789"],
                     "fundingRange":{"min":{"amount":"10000","currency":"USD"},"max":{"amount":"90000","currency":"USD"}},
                     "coFinancingShare":"0.25","processSteps":[{"title":"Concept note","actor":"CITY","typicalDays":14}],
                     "window":{"kind":"FIXED","opens":"2027-01-10T09:00:00+09:00","deadline":"2027-03-31T23:59:00+09:00"},
                     "sourceUrl":"https://example.org/fuzz","verifiedOn":"2026-11-29"}""";
            case "POST /v1/matches" -> NEEDS;
            case "POST /v1/needs", "PUT /v1/needs/{id}" -> "{\"name\":\"Fuzz need\"," + NEEDS.substring(1);
            case "POST /v1/needs/{id}/applications" -> "{\"schemeId\":\"${seededScheme}\"}";
            case "POST /v1/needs/{id}/applications/{planId}/steps/{n}" -> "{\"done\":true}";
            case "POST /v1/subscriptions" -> "{\"url\":\"http://127.0.0.1:9/fuzz\",\"needId\":\"${need}\",\"mode\":\"IMMEDIATE\"}";
            case "POST /v1/cities" -> """
                    {"name":"Fuzzville ${suffix} valid","country":"PH","admin1Code":"07","population":9000,"latitude":11.08,"longitude":123.94,
                     "alternateNames":[{"name":"Fuzzbayan","lang":"tl"}]}""";
            case "PUT /v1/cities/{id}/expertise" -> """
                    {"offers":[{"area":"AIR_QUALITY","sectors":["41010"],"evidence":[{"arrangementId":null,"url":"https://example.org/fuzz"}],
                     "note":"fuzz"}],"needs":[{"area":"SOLID_WASTE","sectors":[],"evidence":[],"note":null}]}""";
            case "PUT /v1/cities/{id}/names" -> "{\"names\":[{\"name\":\"ファズ\",\"lang\":\"ja\"}]}";
            case "POST /v1/twinnings" -> """
                    {"title":"Fuzzville and Da Nang, bad-input test","cities":[{"cityId":"${city}","role":"MENTOR"},
                     {"cityId":"1583992","role":"PARTNER"}],"themes":["AIR_QUALITY"],"sectors":["41010"],"kind":"TECHNICAL_COOPERATION",
                     "period":{"start":"2027","end":"2029-06"},"summary":"fuzz","sourceUrl":"https://example.org/fuzz"}""";
            case "PUT /v1/twinnings/{id}/activities/{ref}" -> """
                    {"type":"STUDY","title":"Fuzz study","start":"2027-03","end":"2027-04",
                     "participants":[{"cityId":"1583992","description":"engineers","count":3}],"description":"fuzz"}""";
            case "PUT /v1/twinnings/{id}/evaluation" -> "{\"summary\":\"On track.\",\"evaluatedOn\":\"2028\",\"sourceUrl\":\"https://example.org/eval\"}";
            case "POST /v1/twinnings/{id}/funding-links" -> "{\"schemeId\":\"${seededScheme}\",\"note\":\"2027-2029\"}";
            case "PUT /v1/twinnings/{id}/outcomes/{ref}" -> """
                    {"name":"Wastewater treated","unit":"%","baseline":20,"baselineDate":"2026","target":40,"targetDate":"2030",
                     "achieved":25,"achievedDate":"2027","note":"fuzz"}""";
            case "POST /v1/twinnings/{id}/transitions" -> "{\"to\":\"AGREED\"}";
            default -> null;
        };
        if (body == null) {
            return null;
        }
        body = body.replace("${suffix}", suffix);
        for (Map.Entry<String, String> id : ids.entrySet()) {
            body = body.replace("${" + id.getKey() + "}", id.getValue());
        }
        return body;
    }

    private static final String NEEDS = """
            {"cityId":"1583992","country":"VN","applicantType":"LOCAL_GOVERNMENT","challenges":[{"area":"SOCIAL_CAPITAL","priority":1}],
             "supportTypes":["TECHNICAL"],"budget":{"amount":"300000","currency":"USD"},"languages":["en"],"sectors":["41010"],
             "coFinancing":{"amount":"1000","currency":"USD"}}""";

    private static final BadInputCases.Fixtures FIXTURES = new BadInputCases.Fixtures() {
        @Override
        public String pathValue(String operation, String path, String name) {
            boolean delete = operation.startsWith("DELETE ");
            return switch (path.startsWith("/v1/clients") ? "client:" + name
                    : path.startsWith("/v1/agencies") ? "agency:" + name
                    : path.startsWith("/v1/schemes") ? "scheme:" + name
                    : path.startsWith("/v1/activities") ? "activity:" + name
                    : path.startsWith("/v1/vocabularies") ? "vocabulary:" + name
                    : path.startsWith("/v1/needs") ? "need:" + name
                    : path.startsWith("/v1/subscriptions") ? "subscription:" + name
                    : path.startsWith("/v1/cities") ? "city:" + name
                    : path.startsWith("/v1/twinnings") ? "twinning:" + name : name) {
                case "client:id" -> ids.get(delete ? "clientToDelete" : "client");
                case "agency:agencyId" -> ids.get("agency");
                case "agency:ref" -> delete ? "FUZZ-DEL" : "FUZZ-1";
                case "agency:importId" -> "00000000-0000-4000-8000-000000000002"; // no such import: a 404 to refuse around
                case "scheme:id" -> ids.get("scheme");
                case "activity:id" -> "00000000-0000-4000-8000-000000000001"; // the seed has no IATI activities: a 404 to refuse around
                case "vocabulary:name" -> "sectors";
                case "need:id" -> ids.get(delete ? "needToDelete" : "need");
                case "need:planId" -> ids.get("plan");
                case "need:n" -> "1";
                case "subscription:id" -> ids.get(delete ? "subscriptionToDelete" : "subscription");
                case "city:id" -> ids.get("city");
                case "twinning:id" -> ids.get("twinning");
                case "twinning:ref" -> path.contains("/activities/") ? (delete ? "fuzz-act-del" : "fuzz-act")
                        : (delete ? "fuzz-out-del" : "fuzz-out");
                default -> throw new IllegalStateException("no value for path parameter " + name + " of " + operation);
            };
        }

        @Override
        public String body(String operation) {
            return BadInputIT.body(operation);
        }

        @Override
        public List<String> extraWatch(String operation) {
            return switch (operation) {
                case "POST /v1/clients" -> List.of("/v1/clients?limit=100");
                case "POST /v1/needs" -> List.of("/v1/needs?limit=100");
                case "POST /v1/cities" -> List.of("/v1/cities?q=Fuzzville&limit=100");
                case "POST /v1/twinnings" -> List.of("/v1/twinnings?city=" + ids.get("city") + "&limit=100");
                default -> List.of();
            };
        }

        @Override
        public String etagSource(String operation) {
            // an arrangement's outcomes are changed with the arrangement's ETag, not the outcome list's
            return operation.contains("/v1/twinnings/{id}/outcomes/") ? "/v1/twinnings/" + ids.get("twinning") : null;
        }

        @Override
        public String skipReason(String operation) {
            return operation.equals("POST /v1/twinnings/sister-city-import")
                    ? "runs the whole sister-city import, which adds arrangements that the other end-to-end tests count" : null;
        }
    };

    // ------------------------------------------------------------------------------------------------ the tests

    @Test
    void everyOperationOfTheDocumentRefusesBadInputWithAProblemAndChangesNothing() throws Exception {
        long started = System.nanoTime();
        BadInputCases cases = new BadInputCases(document, MAPPER, seed, perField, FIXTURES);
        List<BadInputCases.Plan> plans = cases.plans();
        drainFeed();
        int operations = 0;
        Pattern only = Pattern.compile(System.getProperty("badinput.operations", ".*"));
        for (BadInputCases.Plan plan : plans) {
            if (!only.matcher(plan.operation).matches()) {
                continue;
            }
            if (!plan.method.equals("PATCH")) {
                operations++;
            }
            run(plan);
        }
        List<String> notes = new ArrayList<>(cases.notes);
        validRefused.forEach(refused -> notes.add("valid request refused: " + refused));
        report("operations of the document (" + operations + " operations)", started, notes);
    }

    @Test
    void theHttpLayerAnswersMalformedRequestsWithProblems() throws Exception {
        long started = System.nanoTime();
        String admin = "Authorization: Bearer " + bootstrapAdmin;
        String scheme = "/v1/agencies/" + ids.get("agency") + "/schemes/FUZZ-1";
        String json = body("PUT /v1/agencies/{agencyId}/schemes/{ref}");
        String big = "{\"name\":\"x\",\"description\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        List<Object[]> raw = new ArrayList<>();
        // {category, description, request text (ISO-8859-1 bytes), expect, allowed 5xx status or 0, or HTTP_LAYER}
        raw.add(rawCase("malformed-percent-encoding", "in the path", "GET /v1/sch%zzemes HTTP/1.1\r\n", "", 0));
        raw.add(rawCase("malformed-percent-encoding", "a lone % at the end of the path", "GET /v1/schemes% HTTP/1.1\r\n", "", 0));
        raw.add(rawCase("malformed-percent-encoding", "in the query", "GET /v1/schemes?q=%zz HTTP/1.1\r\n", "", 0));
        raw.add(rawCase("malformed-percent-encoding", "overlong UTF-8 in the query", "GET /v1/schemes?q=%C0%AF HTTP/1.1\r\n", "", 0));
        raw.add(rawCase("malformed-percent-encoding", "outside /v1", "GET /q/%zz HTTP/1.1\r\n", "", 0));
        raw.add(rawCase("long-request-line", "a 10,000-character query", "GET /v1/schemes?q=" + "a".repeat(10_000) + " HTTP/1.1\r\n", "", 0));
        raw.add(rawCase("long-request-line", "a 10,000-character path", "GET /v1/" + "a".repeat(10_000) + " HTTP/1.1\r\n", "", 0));
        raw.add(rawCase("huge-header", "one 20 KB header", "GET /v1/schemes HTTP/1.1\r\n", "X-Fuzz: " + "x".repeat(20_000) + "\r\n", 0));
        raw.add(rawCase("huge-header", "300 headers of 100 bytes", "GET /v1/schemes HTTP/1.1\r\n", manyHeaders(300), 0));
        raw.add(rawCase("huge-header", "a 30 KB header name", "GET /v1/schemes HTTP/1.1\r\n", "X" + "x".repeat(30_000) + ": 1\r\n", 0));
        raw.add(rawCase("huge-header", "a 30 KB Authorization", "GET /v1/schemes HTTP/1.1\r\n", "Authorization: Bearer " + "k".repeat(30_000) + "\r\n", 0));
        raw.add(rawCase("bad-authorization", "a 5 KB key", "GET /v1/schemes HTTP/1.1\r\n", "Authorization: Bearer " + "k".repeat(5_000) + "\r\n", 0));
        raw.add(rawCase("control-character", "NUL in a header value", "GET /v1/schemes HTTP/1.1\r\n", "X-Fuzz: a\u0000b\r\n", HTTP_LAYER));
        raw.add(rawCase("control-character", "\\x01 in a header value", "GET /v1/schemes HTTP/1.1\r\n", "X-Fuzz: a\u0001b\r\n", HTTP_LAYER));
        raw.add(rawCase("control-character", "a bare CR in a header value", "GET /v1/schemes HTTP/1.1\r\n", "X-Fuzz: a\rb\r\n", HTTP_LAYER));
        raw.add(rawCase("control-character", "\\x01 in the Authorization value", "GET /v1/schemes HTTP/1.1\r\n", "Authorization: Bearer a\u0001b\r\n", HTTP_LAYER));
        raw.add(rawCase("malformed-header", "space before the colon", "GET /v1/schemes HTTP/1.1\r\n", "X-Fuzz : 1\r\n", HTTP_LAYER));
        raw.add(rawCase("malformed-header", "a line without a colon", "GET /v1/schemes HTTP/1.1\r\n", "NoColonHere\r\n", HTTP_LAYER));
        raw.add(rawCase("malformed-header", "an empty header name", "GET /v1/schemes HTTP/1.1\r\n", ": x\r\n", 0));
        raw.add(rawCase("obsolete-folding", "a folded header line", "GET /v1/schemes HTTP/1.1\r\n", "X-Fuzz: a\r\n b\r\n", -1));
        raw.add(rawCase("missing-host", "HTTP/1.1 without Host", "GET /v1/schemes HTTP/1.1\r\n", "\u0000nohost", 0));
        // the HTTP layer keeps the first Host only; the gateway and the services see that one (README)
        raw.add(rawCase("duplicate-host", "two Host headers", "GET /v1/schemes HTTP/1.1\r\n", "Host: a.example\r\nHost: b.example\r\n", -1));
        raw.add(rawCase("bad-version", "HTTP/9.9", "GET /v1/schemes HTTP/9.9\r\n", "", HTTP_LAYER));
        raw.add(rawCase("bad-version", "HTTP/1.1x", "GET /v1/schemes HTTP/1.1x\r\n", "", HTTP_LAYER));
        raw.add(rawCase("bad-version", "HTTP/2.0 as text", "GET /v1/schemes HTTP/2.0\r\n", "", 505));
        raw.add(rawCase("bad-method", "an unknown method", "FUZZ /v1/schemes HTTP/1.1\r\n", "", 501));
        raw.add(rawCase("bad-target", "a target without the leading slash", "GET v1/schemes HTTP/1.1\r\n", "", 0));
        raw.add(rawCase("bad-target", "a raw space in the query", "GET /v1/schemes?q=a b HTTP/1.1\r\n", "", HTTP_LAYER));
        raw.add(rawCase("bad-target", "raw UTF-8 bytes in the path", "GET /v1/schemes/\u00c3\u00a9 HTTP/1.1\r\n", "", 0));
        raw.add(rawCase("bad-target", "a NUL byte in the path", "GET /v1/sch\u0000emes HTTP/1.1\r\n", "", HTTP_LAYER));
        raw.add(rawCase("bad-target", "absolute form to another host", "GET http://169.254.169.254/v1/schemes HTTP/1.1\r\n", "", -1));
        raw.add(rawCase("bad-target", "dot segments towards /q/dev", "GET /v1/../q/dev HTTP/1.1\r\n", "", -1));
        raw.add(rawCase("bad-target", "encoded dot segments", "GET /v1/%2e%2e/q/dev HTTP/1.1\r\n", "", -1));
        raw.add(rawCase("bad-target", "OPTIONS *", "OPTIONS * HTTP/1.1\r\n", "", -1));
        raw.add(rawCase("invalid-chunk-size", "chunk size zz", "PUT " + scheme + " HTTP/1.1\r\n",
                admin + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", HTTP_LAYER));
        raw.add(rawCase("invalid-chunk-size", "a chunk size of 20 hex digits", "PUT " + scheme + " HTTP/1.1\r\n",
                admin + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", HTTP_LAYER));
        raw.add(rawCase("invalid-chunk-size", "a negative chunk size", "PUT " + scheme + " HTTP/1.1\r\n",
                admin + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n-2\r\n{}\r\n0\r\n\r\n", HTTP_LAYER));
        raw.add(rawCase("bad-content-length", "Content-Length: abc", "PUT " + scheme + " HTTP/1.1\r\n",
                admin + "\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}", HTTP_LAYER));
        raw.add(rawCase("bad-content-length", "Content-Length: -1", "PUT " + scheme + " HTTP/1.1\r\n",
                admin + "\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n{}", HTTP_LAYER));
        raw.add(rawCase("bad-content-length", "two different Content-Lengths", "PUT " + scheme + " HTTP/1.1\r\n",
                admin + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", HTTP_LAYER));
        raw.add(rawCase("bad-content-length", "Content-Length and chunked", "PUT " + scheme + " HTTP/1.1\r\n",
                admin + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", HTTP_LAYER));
        raw.add(rawCase("bad-transfer-encoding", "Transfer-Encoding: fuzz", "PUT " + scheme + " HTTP/1.1\r\n",
                admin + "\r\nContent-Type: application/json\r\nTransfer-Encoding: fuzz\r\n\r\n{}", HTTP_LAYER));
        raw.add(rawCase("expect", "Expect: foo", "PUT " + scheme + " HTTP/1.1\r\n",
                admin + "\r\nContent-Type: application/json\r\nExpect: foo\r\nContent-Length: " + json.getBytes(StandardCharsets.UTF_8).length
                        + "\r\n\r\n" + new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), -1));
        raw.add(rawCase("too-large", "a 3 MB body with its Content-Length", "PUT " + scheme + " HTTP/1.1\r\n",
                admin + "\r\nContent-Type: application/json\r\nContent-Length: " + big.length() + "\r\n\r\n" + big, 0));
        raw.add(rawCase("too-large", "a 3 MB body, chunked", "PUT " + scheme + " HTTP/1.1\r\n",
                admin + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(big.length())
                        + "\r\n" + big + "\r\n0\r\n\r\n", 0));
        raw.add(rawCase("bad-authorization", "Bearer without a key", "GET /v1/schemes HTTP/1.1\r\n", "Authorization: Bearer\r\n", 0));
        raw.add(rawCase("bad-authorization", "Basic credentials", "GET /v1/schemes HTTP/1.1\r\n", "Authorization: Basic Zm9vOmJhcg==\r\n", 0));
        raw.add(rawCase("bad-authorization", "two words after Bearer", "GET /v1/schemes HTTP/1.1\r\n", "Authorization: Bearer a b\r\n", 0));
        raw.add(rawCase("bad-authorization", "two Authorization headers", "GET /v1/clients HTTP/1.1\r\n",
                admin + "\r\nAuthorization: Bearer cck_x\r\n", 0));
        raw.add(rawCase("accept-html", "Accept: text/html on an unknown path", "GET /v1/nowhere HTTP/1.1\r\n", "Accept: text/html\r\n", 0));
        raw.add(rawCase("accept-html", "Accept: text/html outside /v1", "GET /nowhere HTTP/1.1\r\n", "Accept: text/html\r\n", 0));
        raw.add(rawCase("accept-html", "Accept: text/html on a list", "GET /v1/schemes HTTP/1.1\r\n", "Accept: text/html\r\n", -1));
        raw.add(rawCase("cors", "a preflight from an origin not allowed", "OPTIONS /v1/schemes HTTP/1.1\r\n",
                "Origin: https://evil.example\r\nAccess-Control-Request-Method: DELETE\r\n", -1));
        raw.add(rawCase("cors", "a preflight for a method not allowed", "OPTIONS /v1/schemes HTTP/1.1\r\n",
                "Origin: https://citycoop.org\r\nAccess-Control-Request-Method: PATCH\r\n", -1));
        raw.add(rawCase("cors", "a preflight for a header not allowed", "OPTIONS /v1/schemes HTTP/1.1\r\n",
                "Origin: https://citycoop.org\r\nAccess-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: X-Evil\r\n", -1));
        raw.add(rawCase("cors", "a preflight with a malformed origin", "OPTIONS /v1/schemes HTTP/1.1\r\n",
                "Origin: ::::\r\nAccess-Control-Request-Method: GET\r\n", -1));
        raw.add(rawCase("bad-request-id", "a 1,000-character X-Request-Id", "GET /v1/nowhere HTTP/1.1\r\n", "X-Request-Id: " + "r".repeat(1000) + "\r\n", 0));
        raw.add(rawCase("bad-request-id", "a malformed traceparent", "GET /v1/nowhere HTTP/1.1\r\n", "traceparent: zz-\u00ff\r\n", 0));

        String feedBefore = feedHeadTarget();
        for (Object[] c : raw) {
            String category = (String) c[0];
            String description = (String) c[1];
            byte[] bytes = (byte[]) c[2];
            int allowed = (Integer) c[3];
            count(category);
            RawHttp.Response response = http.send(bytes, nextAnonymousAddress(), ((String) c[4]).startsWith("HEAD"));
            List<String> wrong = new ArrayList<>();
            if (allowed == HTTP_LAYER) {
                wrong.addAll(judgeHttpLayerRefusal(response));
            } else if (allowed == 0 || allowed > 0) {
                wrong.addAll(judge(response, null, BadInputCases.Expect.REFUSE, allowed));
            } else {
                wrong.addAll(judge(response, null, BadInputCases.Expect.ANY, 0));
            }
            String origin = response.header("Access-Control-Allow-Origin");
            if (category.equals("cors") && origin != null && (origin.contains("evil") || origin.equals("*") || origin.contains("::"))) {
                wrong.add("allowed the origin: Access-Control-Allow-Origin " + origin);
            }
            for (String w : wrong) {
                fail(w, "HTTP layer", category + ": " + description, response);
            }
        }
        if (!feedNews(feedBefore).equals("[]")) {
            fail("changed state while refusing", "HTTP layer", "malformed PUTs of " + scheme, null);
        }
        report("the HTTP layer", started, List.of());
    }

    // ------------------------------------------------------------------------------------------------ running a plan

    private void run(BadInputCases.Plan plan) {
        String etag = null;
        if (!plan.sendsAsAdmin && !plan.method.equals("PATCH")) {
            System.out.println("Bad input: " + plan.operation + " sent anonymously only: " + plan.skipReason);
        }
        if (plan.sendsAsAdmin && !plan.validLast() && plan.valid != null) {
            etag = etagOf(plan);
            sendValid(plan, etag);
        }
        Map<String, String> baseline = baseline(plan);
        etag = etagFrom(plan, baseline);
        List<BadInputCases.Case> refused = new ArrayList<>();
        for (BadInputCases.Case c : plan.cases) {
            RawHttp.Response response = send(c.request(), c.anonymous(), etag);
            count(c.category());
            for (String wrong : judge(response, c.field(), c.expect(), 0)) {
                fail(wrong, plan.operation, c.category() + ": " + c.variant() + (c.anonymous() ? " (anonymous)" : ""), response);
            }
            boolean accepted = !response.failed() && response.status() < 400 && response.status() != 304;
            if (accepted && plan.changesState()) {
                baseline = baseline(plan); // taken, rightly or not (then failed above): what it changed is no longer the question
                etag = etagFrom(plan, baseline);
                refused.clear();
            } else {
                refused.add(c);
            }
        }
        Map<String, String> after = snapshot(plan);
        if (!after.equals(baseline)) {
            pinpoint(plan, refused, baseline, after);
        }
        if (plan.sendsAsAdmin && plan.validLast() && plan.valid != null) {
            sendValid(plan, etagFrom(plan, after));
        }
    }

    private void sendValid(BadInputCases.Plan plan, String etag) {
        RawHttp.Response response = send(plan.valid, false, etag);
        count("valid");
        for (String wrong : judge(response, null, BadInputCases.Expect.ANY, 0)) {
            fail(wrong, plan.operation, "the valid request", response);
        }
        if (response.status() >= 400 || response.failed()) {
            validRefused.add(plan.operation + " -> " + response.status() + " " + BadInputCases.abbreviate(response.text()));
        }
    }

    /** Which refused variant changed what: each is sent again alone, between two snapshots. */
    private void pinpoint(BadInputCases.Plan plan, List<BadInputCases.Case> refused, Map<String, String> before, Map<String, String> after) {
        String difference = difference(before, after);
        Map<String, String> baseline = baseline(plan);
        int found = 0;
        for (BadInputCases.Case c : refused.subList(0, Math.min(refused.size(), 150))) {
            RawHttp.Response response = send(c.request(), c.anonymous(), etagFrom(plan, baseline));
            count("replayed to pinpoint a change");
            Map<String, String> now = snapshot(plan);
            if (!now.equals(baseline)) {
                if (response.status() >= 400 || response.failed()) {
                    fail("changed state while refusing", plan.operation, c.category() + ": " + c.variant() + "; " + difference(baseline, now), response);
                    found++;
                }
                baseline = baseline(plan);
            }
        }
        if (found == 0) {
            fail("changed state while refusing", plan.operation, "one of " + refused.size() + " refused variants (not reproduced alone); "
                    + difference, null);
        }
    }

    // ------------------------------------------------------------------------------------------------ judging an answer

    /**
     * What is wrong with an answer. {@code allowed5xx}: a 5xx that the RFCs name for this case (505 for an
     * HTTP version, 501 for an unknown method or transfer coding) and that is then accepted, as a problem.
     */
    /**
     * Requests the HTTP layer's decoder refuses before any route of the gateway runs (README, "What the edge
     * refuses"): Quarkus 3.33 offers no hook there, so the answer may be a bare status (4xx, or 501/505 for an
     * unknown version or transfer coding) or a closed connection. Never taken (2xx or 3xx), never another 5xx,
     * and when a body comes it is a problem document.
     */
    static final int HTTP_LAYER = -2;

    private static List<String> judgeHttpLayerRefusal(RawHttp.Response response) {
        if (response.failed()) {
            return response.millis() > 5000 ? List.of("no answer for " + response.millis() + " ms (a hang)") : List.of();
        }
        int status = response.status();
        if (status < 400) {
            return List.of("taken (" + status + ")");
        }
        if (status >= 500 && status != 501 && status != 505) {
            return List.of("5xx");
        }
        return response.body().length == 0 ? List.of() : judge(response, null, BadInputCases.Expect.REFUSE, status >= 500 ? status : 0);
    }

    private static List<String> judge(RawHttp.Response response, String field, BadInputCases.Expect expect, int allowed5xx) {
        List<String> wrong = new ArrayList<>();
        if (response.failed()) {
            wrong.add("no answer (hang or closed connection)");
            return wrong;
        }
        int status = response.status();
        String text = response.text();
        String type = response.header("Content-Type");
        if (text.toLowerCase(Locale.ROOT).contains("<html") || text.toLowerCase(Locale.ROOT).contains("<!doctype")
                || type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            wrong.add("HTML answer");
        }
        if (status >= 500 && status != allowed5xx) {
            wrong.add("5xx");
        }
        if (status >= 400) {
            if (response.body().length == 0) {
                wrong.add("empty " + (status >= 500 ? "5xx" : "4xx") + " body");
            } else if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                wrong.add((status >= 500 ? "5xx" : "4xx") + " not application/problem+json");
            } else {
                try {
                    JsonNode problem = MAPPER.readTree(text);
                    if (!problem.path("type").isTextual() || !problem.path("title").isTextual() || problem.path("status").asInt() != status) {
                        wrong.add("problem without type, title or the answer's status");
                    } else if (field != null && (status == 400 || status == 422) && !names(problem, field)) {
                        wrong.add("problem does not name the parameter or member");
                    }
                } catch (Exception e) {
                    wrong.add("problem+json that is not JSON");
                }
            }
        } else if (status < 100) {
            wrong.add("no HTTP status line");
        } else if (expect == BadInputCases.Expect.REFUSE && status != 304) {
            wrong.add("accepted bad input (" + status + ")");
        }
        return wrong;
    }

    private static boolean names(JsonNode problem, String field) {
        String wanted = field.toLowerCase(Locale.ROOT);
        if (problem.path("detail").asText("").toLowerCase(Locale.ROOT).contains(wanted)) {
            return true;
        }
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asText("").toLowerCase(Locale.ROOT).contains(wanted)
                    || error.path("detail").asText("").toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ sending

    private RawHttp.Response send(RawHttp.Request template, boolean anonymous, String etag) {
        RawHttp.Request request = template.copy();
        for (String[] header : List.copyOf(request.headers)) {
            if (header[1].equals(BadInputCases.CURRENT_ETAG)) {
                request.without(header[0]);
                if (etag != null) {
                    request.header(header[0], etag);
                }
            }
        }
        for (int attempt = 0; ; attempt++) {
            RawHttp.Request sent = request.copy();
            if (!anonymous && !sent.has("Authorization")) {
                sent.header("Authorization", "Bearer " + adminKeys.get(adminKey));
            }
            RawHttp.Response response = http.send(sent, anonymous ? nextAnonymousAddress() : null);
            String rate = response.header("RateLimit");
            Matcher remaining = rate == null ? null : REMAINING.matcher(rate);
            if (remaining != null && remaining.find() && Integer.parseInt(remaining.group(1)) < 20) {
                if (anonymous) {
                    sentFromAddress = 1000;
                } else {
                    adminKey = (adminKey + 1) % adminKeys.size();
                }
            }
            if (response.status() != 429 || attempt == 3) {
                return response;
            }
            retries++;
            if (anonymous) {
                sentFromAddress = 1000;
            } else {
                adminKey = (adminKey + 1) % adminKeys.size();
            }
        }
    }

    /** Anonymous calls are counted per address: they come from 127.0.0.2, .3, ... in turn, 100 from each. */
    private static String nextAnonymousAddress() {
        if (++sentFromAddress > 100) {
            sentFromAddress = 1;
            anonymousAddress = anonymousAddress >= 250 ? 2 : anonymousAddress + 1;
        }
        return "127.0.0." + anonymousAddress;
    }

    private RawHttp.Response get(String target) {
        return send(new RawHttp.Request("GET", target), false, null);
    }

    // ------------------------------------------------------------------------------------------------ state

    private static String feedHead;

    /** Follows the catalogue's change feed to its end: its last {@code next} is where new changes will show. */
    private void drainFeed() {
        String target = feedHead == null ? "/v1/changes?limit=100" : feedHead;
        for (int page = 0; page < 1000; page++) {
            RawHttp.Response response = get(target);
            if (response.status() != 200) {
                throw new IllegalStateException("GET " + target + ": " + response.status() + " " + response.text());
            }
            try {
                JsonNode json = MAPPER.readTree(response.body());
                String next = json.path("next").asText(target);
                if (json.path("items").size() == 0) {
                    feedHead = target;
                    return;
                }
                target = next;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private String feedHeadTarget() {
        drainFeed();
        return feedHead;
    }

    private String feedNews(String head) {
        RawHttp.Response response = get(head);
        try {
            return MAPPER.readTree(response.body()).path("items").toString();
        } catch (java.io.IOException e) {
            return "unreadable: " + response.status() + " " + response.text();
        }
    }

    /** A snapshot to compare later ones with: the change feed followed to its end first, so that it shows no change. */
    private Map<String, String> baseline(BadInputCases.Plan plan) {
        drainFeed();
        return snapshot(plan);
    }

    /** The catalogue's changes since the last baseline, and what each watched GET answers (status, ETag, body). */
    private Map<String, String> snapshot(BadInputCases.Plan plan) {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("changes feed", feedNews(feedHead));
        for (String target : plan.watch) {
            RawHttp.Response response = get(target);
            // a refusal carries its request's id: compared by status and problem type only
            state.put(target, response.status() + " " + response.header("ETag") + " "
                    + (response.status() < 300 ? response.text() : problemType(response)));
        }
        return state;
    }

    private static String problemType(RawHttp.Response response) {
        try {
            return MAPPER.readTree(response.body()).path("type").asText();
        } catch (java.io.IOException e) {
            return "(not JSON)";
        }
    }

    private static String etagFrom(BadInputCases.Plan plan, Map<String, String> snapshot) {
        if (plan.watch.isEmpty()) {
            return null;
        }
        String state = snapshot.get(plan.watch.get(0));
        String[] parts = state == null ? new String[0] : state.split(" ", 3);
        return parts.length >= 2 && parts[0].equals("200") && !parts[1].equals("null") ? parts[1] : null;
    }

    private String etagOf(BadInputCases.Plan plan) {
        if (plan.watch.isEmpty()) {
            return null;
        }
        RawHttp.Response response = get(plan.watch.get(0));
        return response.status() == 200 ? response.header("ETag") : null;
    }

    private static String difference(Map<String, String> before, Map<String, String> after) {
        StringBuilder out = new StringBuilder();
        for (String key : after.keySet()) {
            if (!after.get(key).equals(before.get(key))) {
                out.append(key).append(": before ").append(BadInputCases.abbreviate(String.valueOf(before.get(key))))
                        .append(", after ").append(BadInputCases.abbreviate(after.get(key))).append("; ");
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------ counting and reporting

    private void count(String category) {
        sent.merge(category, 1, Integer::sum);
    }

    private void fail(String what, String operation, String variant, RawHttp.Response response) {
        String answer = response == null ? "" : response.failed() ? " -> " + response.failure()
                : " -> " + response.status() + " " + String.valueOf(response.header("Content-Type")) + " "
                + BadInputCases.abbreviate(response.text().replaceAll("\\s+", " "));
        String category = variant.contains(":") ? variant.substring(0, variant.indexOf(':')) : variant;
        failures.computeIfAbsent(what + " | " + category, k -> new ArrayList<>()).add(operation + " | " + variant + answer);
    }

    private void report(String what, long started, List<String> notes) throws Exception {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        int total = sent.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder out = new StringBuilder();
        out.append("Bad input, ").append(what).append(": seed ").append(seed).append(" (-Dbadinput.seed=), at most ").append(perField)
                .append(" variants per parameter or member (-Dbadinput.perField=); ").append(total).append(" requests sent in ")
                .append(seconds).append(" s (").append(retries).append(" retried after a 429)\n  by category: ").append(sent).append('\n');
        for (String note : notes) {
            out.append("  note: ").append(note).append('\n');
        }
        Map<String, Integer> byKind = new TreeMap<>();
        failures.forEach((key, list) -> byKind.merge(key.substring(0, key.indexOf(" | ")), list.size(), Integer::sum));
        int failed = failures.values().stream().mapToInt(List::size).sum();
        out.append(failed).append(" failures").append(failed == 0 ? "" : ", by kind: " + byKind).append('\n');
        StringBuilder all = new StringBuilder(out);
        failures.forEach((key, list) -> {
            java.util.Set<String> operations = new java.util.TreeSet<>();
            list.forEach(item -> operations.add(item.substring(0, item.indexOf(" | "))));
            String heading = "- " + key + ": " + list.size() + " in " + operations.size() + " operation(s): " + String.join(", ", operations) + "\n";
            out.append(heading);
            all.append(heading);
            list.stream().limit(4).forEach(item -> out.append("    ").append(item).append('\n'));
            if (list.size() > 4) {
                out.append("    ... and ").append(list.size() - 4).append(" more (target/badinput-report.txt)\n");
            }
            list.forEach(item -> all.append("    ").append(item).append('\n'));
        });
        System.out.println(out);
        Path file = Path.of("target", "badinput-report.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, all + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        assertTrue(failures.isEmpty(), out.toString());
    }

    /** {category, description, request bytes, allowed 5xx (0 none; -1: the request may be taken), request head}. */
    private static Object[] rawCase(String category, String description, String requestLine, String headers, int allowed) {
        boolean noHost = headers.startsWith("\u0000nohost");
        String head = noHost ? "" : "Host: " + http.authority() + "\r\n";
        String rest = noHost ? "" : headers;
        String text;
        int bodyStart = rest.indexOf("\r\n\r\n");
        if (bodyStart >= 0) {
            text = requestLine + head + rest.substring(0, bodyStart + 2) + "Connection: close\r\n\r\n" + rest.substring(bodyStart + 4);
        } else {
            text = requestLine + head + rest + (rest.isEmpty() || rest.endsWith("\r\n") ? "" : "\r\n") + "Connection: close\r\n\r\n";
        }
        return new Object[] {category, description, text.getBytes(StandardCharsets.ISO_8859_1), allowed, requestLine};
    }

    private static String manyHeaders(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append("X-Fuzz-").append(i).append(": ").append("x".repeat(90)).append("\r\n");
        }
        return out.toString();
    }
}
