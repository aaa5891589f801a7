package org.citycoop.matching.subscriptions;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing, address rules and the retry schedule of webhooks. */
class WebhookRulesTest {

    @Test
    void theSignatureIsTheHmacOfTimestampDotBody() {
        String signature = WebhookSignature.sign("secret", 1_700_000_000L, "{}");
        assertTrue(signature.matches("sha256=[0-9a-f]{64}"));
        assertTrue(WebhookSignature.verify("secret", 1_700_000_000L, "{}", signature));
        assertFalse(WebhookSignature.verify("other", 1_700_000_000L, "{}", signature), "another secret");
        assertFalse(WebhookSignature.verify("secret", 1_700_000_001L, "{}", signature), "another timestamp");
        assertFalse(WebhookSignature.verify("secret", 1_700_000_000L, "{ }", signature), "another body");
        assertNotEquals(WebhookSignature.newSecret(), WebhookSignature.newSecret());
    }

    @Test
    void theSignatureMatchesAKnownValue() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("k".getBytes(), "HmacSHA256"));
        String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal("42.body".getBytes()));
        assertEquals(expected, WebhookSignature.sign("k", 42, "body"));
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
                "2002:7f00:1::", "2002:a00:1::", "2001:db8::1", "2001:0:4136:e378::1")) {
            assertFalse(WebhookAddresses.isPublic(InetAddress.getByName(address)), address);
        }
        // the same forms carrying a public IPv4 address, and ordinary global addresses, stay public
        for (String address : List.of("198.20.0.1", "223.255.255.254", "64:ff9b::5db8:d822",
                "2002:5db8:d822::1", "2606:2800:220:1:248:1893:25c8:1946", "93.184.216.34")) {
            assertTrue(WebhookAddresses.isPublic(InetAddress.getByName(address)), address);
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

    private static WebhookAddresses.Resolver resolvingTo(String address) {
        return host -> List.of(InetAddress.getByName(address));
    }
}
