package org.citycoop.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The edge of the packaged suite against callers that misbehave: what one of them does costs only its own
 * requests, never the service for everyone else.
 */
class EdgeIT {

    private static RunningSuite running;
    private static String admin;

    @BeforeAll
    static void startSuite() throws Exception {
        running = RunningSuite.get();
        admin = "Bearer " + running.credentials.admin();
    }

    @Test
    void anonymousCallersResettingTheirConnectionsMidRequestDoNotTakeTheCatalogueDown() throws Exception {
        URI gateway = running.suite.gatewayUrl();
        byte[] request = ("GET /v1/schemes?limit=100&q=waste HTTP/1.1\r\nHost: " + gateway.getHost() + ":" + gateway.getPort()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 16; i++) {
                try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(request);
                    out.flush();
                    Thread.sleep(i % 4); // some reset before the gateway forwards, most while the catalogue answers
                    socket.setSoLinger(true, 0); // a reset, as a load tool's or an attacker's close
                }
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(given().header("Authorization", admin).get("/v1/schemes?limit=1").statusCode());
        }
        assertEquals(List.of(200), statuses.stream().distinct().toList(), "every later caller is served: " + statuses);
    }
}
