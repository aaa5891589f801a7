package org.citycoop.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys: {@code cck_} followed by 32 random bytes from {@link SecureRandom} in base64url (43
 * characters), 256 bits of entropy. A key is shown once, when made; only its SHA-256 is stored, with
 * its first {@value #VISIBLE_PREFIX_LENGTH} characters (for example {@code cck_Xa3k9QbZ}) that name it
 * in logs and lists.
 *
 * <p>Why a plain SHA-256 and not a slow password hash (bcrypt, Argon2): slow hashes protect guessable
 * secrets chosen by people, whose hashes could be attacked by trying likely values. A 256-bit random
 * key cannot be guessed or found by trying, whatever the hash's speed, so a fast hash loses nothing;
 * and it lets the gateway find a key's client by an indexed lookup of the hash on each new key, which
 * a salted slow hash would not.
 */
public final class ApiKeys {

    static final String SCHEME_PREFIX = "cck_";
    public static final int VISIBLE_PREFIX_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new random key. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SCHEME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the key's UTF-8 bytes: what is stored and looked up. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** The part of a key that may appear in logs and lists. */
    public static String visiblePrefix(String key) {
        return key.length() <= VISIBLE_PREFIX_LENGTH ? key : key.substring(0, VISIBLE_PREFIX_LENGTH);
    }
}
