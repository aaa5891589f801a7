package org.citycoop.e2e;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An alert end to end, through the gateway: a saved needs profile, a webhook pointing at a receiver this test
 * runs on 127.0.0.1 (the suite's matching service allows private webhook addresses in tests), a scheme pushed
 * through the catalogue's PUT that matches the profile, and the signed delivery that arrives (verified with Standard
 * Webhooks' own Java library, as a receiver would).
 */
class AlertsIT {

    /** The admin (agency and scheme) and a partner portal that saves the profile and subscribes. */
    private static String admin;
    private static String portal;

    @BeforeAll
    static void startSuite() throws Exception {
        RunningSuite running = RunningSuite.get();
        admin = "Bearer " + running.credentials.admin();
        portal = "Bearer " + given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"name\":\"e2e-alerts-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"role\":\"PARTNER_PORTAL\"}")
                .post("/v1/clients").then().statusCode(201).extract().path("key");
    }

    private static RequestSpecification as(String authorization) {
        return given().header("Authorization", authorization);
    }

    @Test
    void aSchemePushedByAnAgencyReachesTheWebhookOfAMatchingSavedNeedSigned() throws Exception {
        LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, new HashMap<>(exchange.getRequestHeaders())));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            as(admin).contentType(ContentType.JSON).body("""
                    { "name": "End-to-end test agency", "acronym": "E2E", "organisationType": "40", "country": "JP",
                      "website": "https://example.org/e2e", "regionsServed": [] }""")
                    .put("/v1/agencies/e2e-alerts").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            String needId = as(portal).contentType(ContentType.JSON).body("""
                    { "name": "Dili composting", "cityId": "1645457", "country": "TL", "applicantType": "LOCAL_GOVERNMENT",
                      "challenges": [ { "area": "SOLID_WASTE", "priority": 1 } ],
                      "budget": { "amount": "200000", "currency": "USD" }, "languages": ["en"] }""")
                    .post("/v1/needs").then().statusCode(201).extract().path("id");
            JsonPath subscription = as(portal).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "needId", needId))
                    .post("/v1/subscriptions").then().statusCode(201).extract().jsonPath();
            String secret = subscription.getString("secret");

            String ref = "E2E-ALERT-" + UUID.randomUUID().toString().substring(0, 8);
            as(admin).contentType(ContentType.JSON).body("""
                    { "name": "Composting centres for Timorese cities",
                      "description": "Technical assistance to plan and run neighbourhood composting centres.",
                      "supportTypes": ["TECHNICAL"], "challengeAreas": ["SOLID_WASTE"], "sectors": ["14050"],
                      "applicantTypes": ["LOCAL_GOVERNMENT"], "channel": "DIRECT", "eligibleCountries": ["TL"],
                      "fundingRange": { "min": { "amount": "50000", "currency": "USD" }, "max": { "amount": "500000", "currency": "USD" } },
                      "processSteps": [ { "title": "Concept note", "actor": "CITY", "typicalDays": 10 } ],
                      "window": { "kind": "ROLLING" },
                      "sourceUrl": "https://example.org/compost-tl", "verifiedOn": "2026-11-29" }""")
                    .put("/v1/agencies/e2e-alerts/schemes/" + ref).then().statusCode(201);

            Received delivery = received.poll(90, TimeUnit.SECONDS);
            assertNotNull(delivery, "a delivery arrived within 90 s");
            String body = delivery.body();
            // what a receiver does with a Standard Webhooks library: it checks webhook-id, webhook-timestamp (within
            // 5 minutes of its clock) and webhook-signature against the raw body
            new Webhook(secret).verify(body, delivery.headers());
            assertEquals(JsonPath.from(body).getString("deliveryId"), delivery.header("webhook-id"));
            // the previous release's headers, kept for one release
            assertEquals(expectedSignature(secret, delivery.header("CityCoop-Timestamp"), body), delivery.header("CityCoop-Signature"),
                    "the previous release's signature verifies");
            JsonPath sent = JsonPath.from(body);
            assertEquals(needId, sent.getString("alerts[0].needId"));
            assertEquals(ref, sent.getString("alerts[0].scheme.ref"));
            assertEquals("NEW_MATCH", sent.getString("alerts[0].reason"));

            as(portal).get("/v1/needs/" + needId + "/alerts").then().statusCode(200)
                    .body("items[0].scheme.ref", equalTo(ref));
            List<String> matched = as(portal).get("/v1/needs/" + needId + "/matches").then().statusCode(200)
                    .extract().path("items.scheme.ref");
            assertTrue(matched.contains(ref));
        } finally {
            receiver.stop(0);
        }
    }

    /** A request the receiver got: its raw body and its headers. */
    private record Received(String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    /** What a receiver of the previous release computes: {@code sha256=} + hex HMAC-SHA256(secret, timestamp + "." + body). */
    private static String expectedSignature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return expected;
    }
}
