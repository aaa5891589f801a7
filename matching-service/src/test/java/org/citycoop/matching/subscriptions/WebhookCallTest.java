package org.citycoop.matching.subscriptions;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import java.io.InputStream;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
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

    /**
     * Over https the connection goes to the checked address while TLS speaks to the URL's host: the server name
     * (SNI) is the host, and the certificate is checked against the host (it names only the host, not the address);
     * a certificate for another name is refused.
     */
    @Test
    void overHttpsTheServerNameAndTheCertificateCheckAreTheUrlsHost(@TempDir Path dir) throws Exception {
        Path keyStore = dir.resolve("hooks.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hooks", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=hooks.pinned.test", "-ext", "SAN=dns:hooks.pinned.test", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        String keytoolOutput = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), keytoolOutput);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);

        LinkedBlockingQueue<String> serverNames = new LinkedBlockingQueue<>();
        HttpsServer secure = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        secure.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = tls.getDefaultSSLParameters();
                ssl.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        serverNames.add(new String(name.getEncoded(), StandardCharsets.US_ASCII));
                        return true;
                    }
                }));
                parameters.setSSLParameters(ssl);
            }
        });
        secure.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestURI().toString(), null,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        secure.start();
        int port = secure.getAddress().getPort();
        WebhookAddresses.Resolver local = host -> List.of(InetAddress.getByName("127.0.0.1"));
        HttpClientOptions trustingTheTestCertificate = new HttpClientOptions()
                .setTrustOptions(new PfxOptions().setPath(keyStore.toString()).setPassword("changeit"));
        try (WebhookCall call = new WebhookCall(vertx, trustingTheTestCertificate, Duration.ofSeconds(5), true, local)) {
            assertEquals(new WebhookCall.Outcome(204, null),
                    call.post("https://hooks.pinned.test:" + port + "/hook", Map.of(), "{}").get(20, TimeUnit.SECONDS));
            Request request = requests.poll(5, TimeUnit.SECONDS);
            assertNotNull(request);
            assertEquals("hooks.pinned.test:" + port, request.host());
            assertEquals("hooks.pinned.test", serverNames.poll(5, TimeUnit.SECONDS), "the TLS server name is the URL's host");

            WebhookCall.Outcome otherName = call.post("https://other.pinned.test:" + port + "/hook", Map.of(), "{}").get(20, TimeUnit.SECONDS);
            assertNull(otherName.status(), "a certificate that does not name the URL's host is refused: " + otherName.error());
            assertNull(requests.poll(500, TimeUnit.MILLISECONDS), "nothing was sent");
        } finally {
            secure.stop(0);
        }
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
