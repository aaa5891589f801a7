package org.citycoop.matching.subscriptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How webhook deliveries are signed. Each delivery carries three headers:
 * <ul>
 *   <li>{@value #DELIVERY_HEADER}: the delivery's id (the same on every retry of it);</li>
 *   <li>{@value #TIMESTAMP_HEADER}: the time of this attempt, in whole seconds since the Unix epoch;</li>
 *   <li>{@value #SIGNATURE_HEADER}: {@code sha256=} followed by the lower-case hex HMAC-SHA256, keyed with the
 *   subscription's secret (its UTF-8 bytes), of the signed string {@code <timestamp>.<body>}: the timestamp
 *   header's value, a full stop, and the raw request body bytes (UTF-8 JSON).</li>
 * </ul>
 * A receiver recomputes the HMAC, compares in constant time, and refuses a timestamp far from its clock (for
 * example more than 5 minutes) to stop replays.
 */
public final class WebhookSignature {

    public static final String DELIVERY_HEADER = "CityCoop-Delivery";
    public static final String TIMESTAMP_HEADER = "CityCoop-Timestamp";
    public static final String SIGNATURE_HEADER = "CityCoop-Signature";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes, base64url without padding (43 characters), prefixed {@code whsec_}. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The value of {@value #SIGNATURE_HEADER}: {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Whether {@code signature} is the signature of {@code body} at {@code timestamp} (constant-time comparison). */
    public static boolean verify(String secret, long timestamp, String body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
