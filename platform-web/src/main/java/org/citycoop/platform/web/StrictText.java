package org.citycoop.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The textual forms every service reads in the same strict way, in JSON bodies ({@link StrictJson}) and in
 * query, path and header values ({@link QueryParams}, {@link StrictRequests}): digits are ASCII digits only
 * (Java's {@code Integer.parseInt} and {@code BigDecimal} also take other scripts' digits, such as the fullwidth
 * {@code １０}); dates are {@code YYYY-MM-DD} with a four-digit year; times are RFC 3339 with an offset and a
 * four-digit year; text is well-formed Unicode (no unpaired surrogate) sent as valid UTF-8.
 */
public final class StrictText {

    /** A whole number in ASCII digits, optionally negative, without leading plus sign or spaces. */
    public static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    /** A decimal number in ASCII digits: {@code 1250}, {@code 1250.50}, {@code -3.5}; no exponent, no spaces. */
    public static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    /** An ISO 8601 calendar date, exactly {@code YYYY-MM-DD}. */
    public static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    /** An RFC 3339 date-time: four-digit year, seconds, optional fraction, {@code Z} or a numeric offset. */
    public static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");

    private StrictText() {
    }

    /** Whether {@code text} holds a surrogate code unit that is not half of a pair (not well-formed Unicode). */
    public static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} holds a C0 control character or DEL (NUL among them). */
    public static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /**
     * Decodes one percent-encoded component of a URL ({@code +} is a space in a query, not in a path), refusing
     * what {@link java.net.URLDecoder} would silently replace: a malformed escape and bytes that are not UTF-8.
     *
     * @throws IllegalArgumentException with the reason in plain words
     */
    public static String percentDecode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0
                        || raw.charAt(i + 1) > 0x7f || raw.charAt(i + 2) > 0x7f) {
                    throw new IllegalArgumentException("malformed percent-encoding (a % must be followed by two hex digits)");
                }
                bytes.put((byte) Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8 once percent-decoded (send text as UTF-8, percent-encoded)");
        }
    }
}
