package org.citycoop.matching.subscriptions;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing, address rules and the retry schedule of webhooks. */
class WebhookRulesTest {

    /** The test vector of the Standard Webhooks libraries' own tests: a known secret, id, timestamp, body and signature. */
    @Test
    void theSignatureMatchesTheStandardWebhooksTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}"));
    }

    @Test
    void standardWebhooksOwnVerifierAcceptsTheHeadersAndRefusesAnythingChanged() throws Exception {
        String secret = WebhookSignature.newSecret();
        String id = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = WebhookSignature.headers(secret, id, now, "{\"alerts\":[]}");
        assertEquals(List.of("webhook-id", "webhook-timestamp", "webhook-signature", "CityCoop-Delivery", "CityCoop-Timestamp",
                "CityCoop-Signature"), List.copyOf(headers.keySet()));
        assertEquals(id, headers.get("webhook-id"));
        assertEquals(Long.toString(now), headers.get("webhook-timestamp"));
        assertTrue(headers.get("webhook-signature").matches("v1,[A-Za-z0-9+/]{43}="), headers.get("webhook-signature"));

        Webhook verifier = new Webhook(secret);
        verifier.verify("{\"alerts\":[]}", multi(headers));
        assertThrows(WebhookVerificationException.class, () -> verifier.verify("{\"alerts\":[ ]}", multi(headers)), "another body");
        assertThrows(WebhookVerificationException.class, () -> new Webhook(WebhookSignature.newSecret()).verify("{\"alerts\":[]}",
                multi(headers)), "another secret");
        Map<String, String> otherId = new LinkedHashMap<>(headers);
        otherId.put("webhook-id", UUID.randomUUID().toString());
        assertThrows(WebhookVerificationException.class, () -> verifier.verify("{\"alerts\":[]}", multi(otherId)), "another id");
        Map<String, String> otherTime = new LinkedHashMap<>(headers);
        otherTime.put("webhook-timestamp", Long.toString(now - 1));
        assertThrows(WebhookVerificationException.class, () -> verifier.verify("{\"alerts\":[]}", multi(otherTime)), "another timestamp");
    }

    /** What the specification asks of a symmetric secret: whsec_ + base64 of 24 to 64 random bytes. */
    @Test
    void newSecretsAreWhsecAndTheStandardBase64Of32RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
        assertNotEquals(secret, WebhookSignature.newSecret());
        assertEquals(secret, WebhookSignature.standardSpelling(secret));
    }

    /**
     * A secret of the previous release (whsec_ + URL-safe base64 without padding) keys the standard signature with
     * the bytes it stands for: a receiver that spells it in standard base64 verifies with a Standard Webhooks
     * library, and the previous release's header still verifies with the secret as it was shown.
     */
    @Test
    void aSecretOfThePreviousReleaseSignsWithItsKeyBytesAndKeepsItsLegacyHeader() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0xfb); // encodes to '-' and '_' in the URL-safe alphabet
        String old = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        assertTrue(old.contains("-") || old.contains("_"), old);
        String standard = WebhookSignature.standardSpelling(old);
        assertEquals("whsec_" + Base64.getEncoder().encodeToString(key), standard);
        assertEquals(standard, "whsec_" + old.substring("whsec_".length()).replace('-', '+').replace('_', '/') + "=");

        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = WebhookSignature.headers(old, "d1", now, "{}");
        new Webhook(standard).verify("{}", multi(headers));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(old.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal((now + ".{}").getBytes(StandardCharsets.UTF_8))),
                headers.get("CityCoop-Signature"), "the previous release's header, as its receivers compute it");
        assertEquals("d1", headers.get("CityCoop-Delivery"));
        assertEquals(Long.toString(now), headers.get("CityCoop-Timestamp"));
    }

    @Test
    void aSecretThatIsNotBase64OfEnoughBytesIsNotUsed() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign("secret", "d1", 1, "{}"));
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign("whsec_c2hvcnQ=", "d1", 1, "{}"), "5 bytes");
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign("whsec_not base64!", "d1", 1, "{}"));
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign(WebhookSignature.newSecret(), "a.b", 1, "{}"),
                "an id with a full stop");
    }

    @Test
    void theTargetIsTheUrlsPartsAndTheCheckedAddressResolvedOnce() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        WebhookAddresses.Resolver counting = host -> {
            lookups.incrementAndGet();
            return List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("93.184.216.35"));
        };
        assertEquals(new WebhookAddresses.Target("hooks.example.org", 443, true, "/a/b?c=d%20e", InetAddress.getByName("93.184.216.34")),
                WebhookAddresses.target("https://hooks.example.org/a/b?c=d%20e#fragment", false, counting));
        assertEquals(1, lookups.get());
        assertEquals(new WebhookAddresses.Target("hooks.example.org", 8080, false, "/", InetAddress.getByName("93.184.216.34")),
                WebhookAddresses.target("http://hooks.example.org:8080", false, counting));
        WebhookAddresses.Refused refused = assertThrows(WebhookAddresses.Refused.class,
                () -> WebhookAddresses.target("https://hooks.example.org/", false, resolvingTo("10.0.0.1")));
        assertTrue(refused.getMessage().contains("private, loopback or link-local"), refused.getMessage());
        assertEquals(Optional.of("host 'hooks.example.org' cannot be resolved"),
                WebhookAddresses.refusal("https://hooks.example.org/", true, host -> List.of()));
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefusedUnlessAllowed() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1")) {
            assertFalse(WebhookAddresses.isPublic(InetAddress.getByName(address)), address);
            Optional<String> refusal = WebhookAddresses.refusal("https://hooks.example.org/x", false, resolvingTo(address));
            assertTrue(refusal.isPresent() && refusal.get().contains("private, loopback or link-local"), address);
            assertTrue(WebhookAddresses.refusal("https://hooks.example.org/x", true, resolvingTo(address)).isEmpty(), address);
        }
        assertTrue(WebhookAddresses.isPublic(InetAddress.getByName("93.184.216.34")));
        assertTrue(WebhookAddresses.refusal("https://hooks.example.org/x", false, resolvingTo("93.184.216.34")).isEmpty());
    }

    @Test
    void specialPurposeAddressesAndIpv6FormsCarryingANonPublicIpv4AreNotPublic() throws Exception {
        for (String address : List.of("198.18.0.1", "198.19.255.255", "240.0.0.1", "255.255.255.255", "192.0.0.8", "192.0.2.1",
                "198.51.100.7", "203.0.113.9", "::127.0.0.1", "::10.0.0.1", "64:ff9b::10.0.0.1", "64:ff9b::7f00:1",
                "2002:7f00:1::", "2002:a00:1::", "2001:db8::1", "2001:0:4136:e378::1", "::ffff:0:127.0.0.1", "::ffff:0:a00:1",
                "100::1", "2001:2::1", "fec0::1", "ff02::1", "5f00::1", "4000::1")) {
            assertFalse(WebhookAddresses.isPublic(InetAddress.getByName(address)), address);
        }
        // the same forms carrying a public IPv4 address, and ordinary global addresses, stay public
        for (String address : List.of("198.20.0.1", "223.255.255.254", "64:ff9b::5db8:d822", "::ffff:0:5db8:d822",
                "2002:5db8:d822::1", "2606:2800:220:1:248:1893:25c8:1946", "93.184.216.34")) {
            assertTrue(WebhookAddresses.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void numericHostsOtherThanFourDecimalNumbersAreRefusedWhateverTheyResolveTo() {
        for (String host : List.of("0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "127.1", "2130706433", "010.0.0.1", "93.184.216.034",
                "93.184.216.256", "1.2.3.4.5")) {
            Optional<String> refusal = WebhookAddresses.refusal("http://" + host + "/hook", true, resolvingTo("93.184.216.34"));
            assertTrue(refusal.isPresent(), host); // java.net.URI takes some of them for no host at all
            assertTrue(WebhookAddresses.ambiguousIpv4(host), host);
        }
        for (String host : List.of("93.184.216.34", "0.0.0.0", "hooks.example.org", "[2606:2800:220:1::1]", "1x.example.org", "0.example")) {
            assertTrue(WebhookAddresses.refusal("http://" + host + "/hook", true, resolvingTo("93.184.216.34")).isEmpty(), host);
        }
    }

    @Test
    void aHostWithOnePrivateAddressAmongPublicOnesIsRefused() throws Exception {
        WebhookAddresses.Resolver both = host -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1"));
        assertTrue(WebhookAddresses.refusal("https://hooks.example.org/x", false, both).isPresent());
    }

    @Test
    void onlyHttpUrlsWithAResolvableHostAndNoCredentials() {
        WebhookAddresses.Resolver unknown = host -> {
            throw new UnknownHostException(host);
        };
        assertEquals(Optional.of("must be an http or https URL"), WebhookAddresses.refusal("ftp://example.org/", true, resolvingTo("93.184.216.34")));
        assertEquals(Optional.of("must name a host"), WebhookAddresses.refusal("http:///x", true, resolvingTo("93.184.216.34")));
        assertEquals(Optional.of("must not carry user credentials"), WebhookAddresses.refusal("http://u:p@example.org/", true, resolvingTo("93.184.216.34")));
        assertEquals(Optional.of("host 'nowhere.invalid' cannot be resolved"), WebhookAddresses.refusal("http://nowhere.invalid/", true, unknown));
        assertEquals(Optional.of("port must be 1 to 65535"), WebhookAddresses.refusal("http://example.org:70000/", true, resolvingTo("93.184.216.34")));
        assertEquals(Optional.of("not a URL"), WebhookAddresses.refusal("http://exa mple.org/", true, resolvingTo("93.184.216.34")));
    }

    @Test
    void backoffDoublesUpToItsMaximumAndStopsAfterTheLastAttempt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(3), 5);
        assertEquals(Duration.ofSeconds(30), backoff.after(1));
        assertEquals(Duration.ofSeconds(60), backoff.after(2));
        assertEquals(Duration.ofSeconds(120), backoff.after(3));
        assertEquals(Duration.ofMinutes(3), backoff.after(4));
        assertEquals(null, backoff.after(5));
    }

    private static Map<String, List<String>> multi(Map<String, String> headers) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return multi;
    }

    private static WebhookAddresses.Resolver resolvingTo(String address) {
        return host -> List.of(InetAddress.getByName(address));
    }
}
