package org.citycoop.matching.subscriptions;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A webhook POST goes to the address that was checked, not to whatever the host resolves to when the HTTP client
 * connects (DNS rebinding). The host names here end in {@code .test} (reserved, RFC 6761): the system resolver
 * cannot resolve them, so a request reaches the receiver only through the pinned address.
 */
class WebhookCallTest {

    /** A request the receiver got. */
    private record Request(String host, String path, String signature, String body) {
    }

    private Vertx vertx;
    private HttpServer receiver;
    private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void theRequestGoesToTheCheckedAddressWithTheUrlsHostHeaderAndTheHostIsResolvedOnce() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        // the first answer is the receiver's; a second lookup would get an address nothing listens on
        WebhookAddresses.Resolver rebinding = host -> List.of(InetAddress.getByName(
                lookups.incrementAndGet() == 1 ? "127.0.0.1" : "127.0.0.2"));
        int port = receiver.getAddress().getPort();
        try (WebhookCall call = new WebhookCall(vertx, Duration.ofSeconds(5), true, rebinding)) {
            WebhookCall.Outcome outcome = call.post("http://hooks.rebinding.test:" + port + "/hooks/citycoop?city=1",
                    Map.of(WebhookSignature.SIGNATURE_HEADER, "v1,c2lnbmF0dXJl"), "{\"alerts\":[]}").get(20, TimeUnit.SECONDS);
            assertEquals(new WebhookCall.Outcome(204, null), outcome);
        }
        Request request = requests.poll(5, TimeUnit.SECONDS);
        assertNotNull(request, "the receiver at the checked address got the request");
        assertEquals("hooks.rebinding.test:" + port, request.host(), "the Host header names the URL's host");
        assertEquals("/hooks/citycoop?city=1", request.path());
        assertEquals("v1,c2lnbmF0dXJl", request.signature());
        assertEquals("{\"alerts\":[]}", request.body());
        assertEquals(1, lookups.get(), "the host was resolved once, for the check");
    }

    @Test
    void aHostThatResolvesToAPrivateAddressIsNotCalledUnlessAllowed() throws Exception {
        WebhookAddresses.Resolver loopback = host -> List.of(InetAddress.getByName("127.0.0.1"));
        try (WebhookCall call = new WebhookCall(vertx, Duration.ofSeconds(5), false, loopback)) {
            WebhookCall.Outcome outcome = call.post("http://hooks.rebinding.test:" + receiver.getAddress().getPort() + "/",
                    Map.of(), "{}").get(20, TimeUnit.SECONDS);
            assertNull(outcome.status());
            assertTrue(outcome.error().startsWith("not sent: host 'hooks.rebinding.test' resolves to 127.0.0.1"), outcome.error());
        }
        assertNull(requests.poll(500, TimeUnit.MILLISECONDS), "nothing was sent");
    }

    @Test
    void anAnswerOtherThanA2xxOrNoAnswerIsAFailureWithItsReason() throws Exception {
        receiver.removeContext("/");
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        WebhookAddresses.Resolver local = host -> List.of(InetAddress.getByName("127.0.0.1"));
        try (WebhookCall call = new WebhookCall(vertx, Duration.ofSeconds(5), true, local)) {
            assertEquals(new WebhookCall.Outcome(503, "answered HTTP 503"),
                    call.post("http://hooks.rebinding.test:" + receiver.getAddress().getPort() + "/", Map.of(), "{}").get(20, TimeUnit.SECONDS));
            int closed;
            try (ServerSocket nobody = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                closed = nobody.getLocalPort();
            }
            WebhookCall.Outcome refused = call.post("http://hooks.rebinding.test:" + closed + "/", Map.of(), "{}").get(20, TimeUnit.SECONDS);
            assertNull(refused.status());
            assertTrue(refused.error() != null && !refused.error().isBlank(), "the reason is recorded");
        }
    }
}
