package org.citycoop.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge as an attacker or a broken client meets it: raw bytes on a socket, so that nothing between the
 * test and the gateway tidies the request up. Every refusal is a problem document naming what is wrong, and
 * nothing refused reaches the service ({@link OriginServer} lists what it received).
 */
@QuarkusTest
@QuarkusTestResource(OriginServer.class)
class EdgeTest {

    /** What came back on the socket: the status line's code, the headers and body as text; code 0 when the connection closed without an answer. */
    record Answer(int status, String head, String body, long millis) {
        JsonObject problem() {
            assertTrue(head.toLowerCase().contains("content-type: application/problem+json"), "a problem document: " + head + body);
            JsonObject problem = new JsonObject(body);
            assertEquals(status, problem.getInteger("status"), body);
            return problem;
        }
    }

    static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    /** Sends the bytes as they are and reads until the gateway closes or has sent the whole answer (or 5 s pass). */
    static Answer raw(String request) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    received.write(buffer, 0, n);
                    if (complete(received.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException hang) {
                throw new AssertionError("no answer within 5 s to " + request.lines().findFirst().orElse(""));
            } catch (java.net.SocketException reset) {
                // the gateway reset the connection: whatever arrived before counts
            }
            String text = received.toString(StandardCharsets.UTF_8);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (text.isEmpty()) {
                return new Answer(0, "", "", millis);
            }
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, body, millis);
        }
    }

    private static boolean complete(String text) {
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text.substring(0, split));
        return length.find() && text.length() - split - 4 >= Integer.parseInt(length.group(1));
    }

    private static List<String> receivedByTheService() {
        return given().get(OriginServer.RECEIVED).then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void callersThatGoAwayMidRequestNeverOpenTheCircuit() throws Exception {
        for (int i = 0; i < 16; i++) {
            try (Socket socket = new Socket("127.0.0.1", port())) {
                socket.getOutputStream().write("GET /v1/schemes/slow HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                Thread.sleep(50); // the request is at the service now
                socket.setSoLinger(true, 0); // close with a reset, as a load tool or an attacker does
            }
        }
        Thread.sleep(700); // the service's answers to the gone callers arrive
        for (int i = 0; i < 5; i++) {
            given().get("/v1/schemes").then().statusCode(200);
        }
    }

    @Test
    void anIdempotentRequestIsSentAgainWhenItsKeptConnectionClosesAndOthersAreNot() {
        // each request reuses the connection of the one before, which the service closes under it
        for (int i = 0; i < 4; i++) {
            given().body("{}").contentType("application/json").put("/v1/closing/put").then().statusCode(200);
            given().get("/v1/closing/get").then().statusCode(200);
        }
        given().body("{}").contentType("application/json").post("/v1/closing/post").then().statusCode(502)
                .contentType("application/problem+json").body("detail", matchesPattern(".*may or may not have been carried out.*"));
        List<String> received = receivedByTheService();
        assertEquals(8, received.stream().filter(r -> r.startsWith("PUT /v1/closing") || r.startsWith("GET /v1/closing")).count(),
                "each idempotent request reached the service once: " + received);
        assertFalse(received.contains("POST /v1/closing/post"), "a POST is never repeated: " + received);
    }

    @Test
    void requestsAreCountedByTheirApiPathTemplateWhateverPathsCallersSend() {
        for (int i = 0; i < 3; i++) {
            given().get("/v1/agencies/metrics-" + i).then().statusCode(200);
            given().get("/v1/schemes/unknown/deep/path-" + i).then().statusCode(200);
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(org.citycoop.devstack.MetricsText.sum(metrics, "http_server_requests_seconds_count", "uri=\"/v1/agencies/{agencyId}\"",
                "method=\"GET\"") >= 3, metrics);
        assertFalse(metrics.contains("metrics-0") || metrics.contains("path-0"), "no series per raw path");
        assertTrue(org.citycoop.devstack.MetricsText.sum(metrics, "http_server_requests_seconds_count", "uri=\"/v1/**\"") >= 3, metrics);
    }

    @Test
    void aValidTraceparentIsContinuedAnInvalidOneIgnoredAndAnswersVaryByOrigin() {
        String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        // The service gets the caller's trace, with the gateway's span as the parent.
        given().header("traceparent", valid).get("/v1/schemes").then().statusCode(200)
                .body("headers.traceparent", org.hamcrest.Matchers.matchesPattern("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-0[01]"))
                .body("headers.traceparent", org.hamcrest.Matchers.not(equalTo(valid)))
                .header("Vary", org.hamcrest.Matchers.containsString("Origin"));
        for (String forged : new String[] {"zz 127.0.0.1 \"DELETE /v1/agencies/jica\" 204", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"}) {
            // Never passed on: the service gets a new trace of the gateway's.
            given().header("traceparent", forged).header("tracestate", "forged=1").get("/v1/schemes").then().statusCode(200)
                    .body("headers.traceparent", org.hamcrest.Matchers.matchesPattern("00-(?!0{32})[0-9a-f]{32}-[0-9a-f]{16}-0[01]"))
                    .body("headers.tracestate", org.hamcrest.Matchers.nullValue());
        }
    }

    @Test
    void theServicesOwn503sCountForItsCircuit() {
        for (int i = 0; i < 3; i++) {
            given().get("/v1/flaky/unavailable").then().statusCode(503);
        }
        given().get("/v1/flaky/other").then().statusCode(503).contentType("application/problem+json")
                .body("detail", matchesPattern("The flaky service is failing.*Nothing was sent to it.*"));
        given().get("/v1/schemes").then().statusCode(200);
    }

    @Test
    void readinessIsTheGatewaysOwnAndTheServicesAreInformation() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", not(hasItem("services")));
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'services' }.data.catalog", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.matching", equalTo("DOWN"));
    }

    @Test
    void anUnknownHttpVersionIsNeverProcessed() throws IOException {
        String marker = "v" + UUID.randomUUID().toString().substring(0, 8);
        Answer answer = raw("PUT /v1/agencies/" + marker + " HTTP/9.9\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}");
        // Vert.x's HTTP layer answers 501 (empty) and closes before any route: see the README's security section
        assertTrue(answer.status() == 501 || answer.status() == 505, answer.head());
        assertFalse(receivedByTheService().stream().anyMatch(p -> p.contains(marker)), "never forwarded");
    }

    @Test
    void aSecondHostIsNeverSeenAndAnHttp2RequestLineOverHttp1IsRefused() throws IOException {
        Answer twoHosts = raw("GET /v1/schemes HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n");
        // refused, or only the first reaches the service: never two readings of one request
        assertTrue(twoHosts.status() == 400 || !twoHosts.body().contains("evil.example"), twoHosts.head() + twoHosts.body());
        String marker = "t" + UUID.randomUUID().toString().substring(0, 8);
        Answer fake2 = raw("GET /v1/agencies/" + marker + " HTTP/2.0\r\nHost: localhost\r\n\r\n");
        assertTrue(fake2.status() == 505 || fake2.status() == 501, fake2.head());
        assertFalse(receivedByTheService().stream().anyMatch(p -> p.contains(marker)), "never forwarded");
    }

    @Test
    void aRequestWithoutHostIsAProblemNamingHost() throws IOException {
        Answer answer = raw("GET /v1/schemes HTTP/1.1\r\n\r\n");
        assertEquals(400, answer.status(), answer.head());
        assertEquals("Host", answer.problem().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void brokenPercentEncodingAndControlCharactersNameTheParameter() throws IOException {
        Answer broken = raw("GET /v1/schemes?limit=%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals(400, broken.status(), broken.head());
        assertEquals("limit", broken.problem().getJsonArray("errors").getJsonObject(0).getString("field"));
        Answer nul = raw("GET /v1/schemes?q=a%00b HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals(400, nul.status());
        assertTrue(nul.problem().getString("detail").startsWith("q: control character U+0000"), nul.body());
        Answer notUtf8 = raw("GET /v1/schemes?q=%C3%28 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals(400, notUtf8.status());
        assertEquals("q", notUtf8.problem().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void pathsTheServicesWouldReadDifferentlyAreRefusedAndNeverForwarded() throws IOException {
        String marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        // the segment that stands for a path parameter of the services' documents is named by it (/v1/agencies/{agencyId})
        Map<String, String> fieldByPath = Map.of("/v1/agencies/" + marker + ";jsessionid=y", "agencyId",
                "/v1/agencies/" + marker + "%2Fschemes", "agencyId", "/v1/agencies/" + marker + "/../../clients", "path",
                "/v1/agencies/" + marker + "/%2e%2e/x", "path", "/v1/agencies/" + marker + "%00", "agencyId");
        long learning = System.nanoTime() + 10_000_000_000L; // the gateway reads the documents just after it starts
        for (Map.Entry<String, String> expected : fieldByPath.entrySet()) {
            String path = expected.getKey();
            Answer answer;
            String field;
            do {
                answer = raw("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
                assertEquals(400, answer.status(), path + ": " + answer.head());
                field = answer.problem().getJsonArray("errors").getJsonObject(0).getString("field");
            } while (!field.equals(expected.getValue()) && System.nanoTime() < learning && pause());
            assertEquals(expected.getValue(), field, path);
        }
        assertFalse(receivedByTheService().stream().anyMatch(p -> p.contains(marker)), "nothing refused reached the service");
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void anExpectationOtherThanContinueIs417() throws IOException {
        Answer answer = raw("GET /v1/schemes HTTP/1.1\r\nHost: localhost\r\nExpect: anything\r\n\r\n");
        assertEquals(417, answer.status(), answer.head());
        assertEquals("Expect", answer.problem().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void anOverlongRequestLineOrHeadersAreProblems() throws IOException {
        Answer line = raw("GET /v1/schemes?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals(414, line.status(), line.head());
        line.problem();
        Answer headers = raw("GET /v1/schemes HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        assertEquals(431, headers.status(), headers.head());
        headers.problem();
    }

    @Test
    void aRefusedCorsOriginIsAProblem() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .options("/v1/schemes").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403)).body("errors[0].field", equalTo("Origin"));
        given().header("Origin", "https://evil.example").get("/v1/schemes").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void brokenChunkFramingIsTheCallersFaultAndNothingReachesTheService() throws IOException {
        String marker = "c" + UUID.randomUUID().toString().substring(0, 8);
        Answer answer = raw("PUT /v1/agencies/" + marker + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        assertTrue(answer.millis() < 3000, "answered or closed at once, not after the service's timeout: " + answer.millis() + " ms");
        assertTrue(answer.status() == 0 || answer.status() == 400, answer.head());
        assertFalse(receivedByTheService().stream().anyMatch(p -> p.contains(marker)), "nothing of it reached the service");
        given().get("/v1/schemes").then().statusCode(200);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndNeverForwarded() throws IOException {
        String marker = "b" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder request = new StringBuilder("PUT /v1/agencies/" + marker + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < 40; i++) { // 2.5 MB, over the 2 MB limit
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        Answer answer = raw(request.toString());
        assertEquals(413, answer.status(), answer.head());
        answer.problem();
        assertFalse(receivedByTheService().stream().anyMatch(p -> p.contains(marker)), "nothing of it reached the service");
    }

    @Test
    void aControlCharacterInAHeaderIsRefusedAndNeverForwarded() throws IOException {
        String marker = "h" + UUID.randomUUID().toString().substring(0, 8);
        Answer answer = raw("GET /v1/agencies/" + marker + " HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\n\r\n");
        // refused by the HTTP layer's decoder before any route (an empty 400: see the README's security section)
        assertEquals(400, answer.status(), answer.head());
        assertFalse(receivedByTheService().stream().anyMatch(p -> p.contains(marker)), "never forwarded");
    }

    @Test
    void charactersAUrlMayNotHoldAreRefusedNamingWhere() throws IOException {
        Answer answer = raw("GET /v1/schemes?q=a|b HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals(400, answer.status(), answer.head());
        assertEquals("query", answer.problem().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void refusedRequestsListTheirOwnRequestId() throws IOException {
        List<String> ids = new ArrayList<>();
        Answer answer = raw("GET /v1/schemes?limit=%zz HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: edge-1\r\n\r\n");
        ids.add(answer.problem().getString("requestId"));
        assertEquals(List.of("edge-1"), ids);
    }
}
