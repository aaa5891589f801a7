package org.citycoop.matching.subscriptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How webhook deliveries are signed: the Standard Webhooks specification (1.0.0, symmetric scheme), so that a
 * receiver's Standard Webhooks library (or Svix's) verifies them. Each delivery carries:
 * <ul>
 *   <li>{@value #ID_HEADER}: the delivery's id, the same on every retry of it (the receiver's idempotency key);</li>
 *   <li>{@value #TIMESTAMP_HEADER}: the time of this attempt, whole seconds since the Unix epoch;</li>
 *   <li>{@value #SIGNATURE_HEADER}: {@code v1,} followed by the base64 HMAC-SHA256 of
 *   {@code <webhook-id>.<webhook-timestamp>.<raw body>}, keyed with the secret's key bytes: the secret is
 *   {@code whsec_} followed by the base64 of the key, and the key is what that base64 decodes to.</li>
 * </ul>
 * A receiver recomputes the signature, compares it in constant time with each {@code v1} entry of the
 * (space-separated) signature header, and refuses a timestamp far from its clock (the libraries: 5 minutes).
 *
 * <p>For one release, deliveries also carry the previous release's headers ({@link #LEGACY_DELIVERY_HEADER},
 * {@link #LEGACY_TIMESTAMP_HEADER}, {@link #LEGACY_SIGNATURE_HEADER}: {@code sha256=} + hex HMAC-SHA256 keyed with
 * the UTF-8 bytes of the whole secret string over {@code <timestamp>.<raw body>}), so receivers written for it
 * keep working while they move to the standard headers.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    /** The previous release's headers: sent for one more release, then dropped. */
    public static final String LEGACY_DELIVERY_HEADER = "CityCoop-Delivery";
    public static final String LEGACY_TIMESTAMP_HEADER = "CityCoop-Timestamp";
    public static final String LEGACY_SIGNATURE_HEADER = "CityCoop-Signature";

    static final String SECRET_PREFIX = "whsec_";
    /** Key length of new secrets; the specification asks for 24 to 64 bytes. */
    static final int KEY_BYTES = 32;
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} followed by the (standard, padded) base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The HMAC key of a secret: the bytes its base64 part decodes to. Secrets issued before this release were
     * spelled in the URL-safe base64 alphabet without padding ({@code -} and {@code _} for {@code +} and
     * {@code /}); they decode to their key bytes too, the same bytes a receiver gets from the standard spelling
     * ({@link #standardSpelling}).
     *
     * @throws IllegalArgumentException when the secret is not {@code whsec_} + base64 of 24 to 64 bytes
     */
    static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()).replace('-', '+').replace('_', '/'));
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("a webhook secret's key has 24 to 64 bytes, not " + key.length);
        }
        return key;
    }

    /** The secret spelled as the specification says: {@code whsec_} + standard padded base64 of its key. */
    public static String standardSpelling(String secret) {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key(secret));
    }

    /** The value of {@value #SIGNATURE_HEADER}: {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}. */
    public static String sign(String secret, String id, long timestamp, String body) {
        if (id.contains(".")) {
            throw new IllegalArgumentException("a webhook id has no full stop");
        }
        return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), id + "." + timestamp + "." + body));
    }

    /**
     * The signing headers of one attempt, in the order they are sent: the Standard Webhooks ones, then the
     * previous release's.
     */
    public static Map<String, String> headers(String secret, String id, long timestamp, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID_HEADER, id);
        headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(SIGNATURE_HEADER, sign(secret, id, timestamp, body));
        headers.put(LEGACY_DELIVERY_HEADER, id);
        headers.put(LEGACY_TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(LEGACY_SIGNATURE_HEADER, legacySignature(secret, timestamp, body));
        return headers;
    }

    /** The previous release's {@value #LEGACY_SIGNATURE_HEADER}: {@code sha256=<hex HMAC-SHA256(UTF-8 secret, timestamp.body)>}. */
    static String legacySignature(String secret, long timestamp, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body));
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
