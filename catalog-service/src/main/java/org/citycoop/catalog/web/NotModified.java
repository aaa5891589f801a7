package org.citycoop.catalog.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Conditional GET (RFC 9110, sections 8.8.3 and 13.1.2): whether {@code If-None-Match} names the current
 * entity tag, so that the answer can be 304 Not Modified without a body; and weak tags of lists, from their
 * content.
 */
public final class NotModified {

    private NotModified() {
    }

    /**
     * Whether {@code If-None-Match} (a comma-separated list of entity tags, or {@code *}) matches {@code etag} by
     * weak comparison ({@code W/"3"} matches {@code "3"}).
     *
     * @param ifNoneMatch the header, or null when absent (never matches)
     */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String current = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || opaque(trimmed).equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** A weak entity tag of a representation's content: {@code W/"<first 16 bytes of its SHA-256, hex>"}. */
    public static String weakTagOf(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
