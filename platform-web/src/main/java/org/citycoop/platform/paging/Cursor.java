package org.citycoop.platform.paging;

import jakarta.ws.rs.core.UriInfo;
import org.citycoop.platform.problem.ProblemException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key of the last item of a page (one or more strings), encoded as
 * base64url. The next page starts strictly after that key, so pages stay stable when items are
 * inserted meanwhile and there is no limit on how far one can page. A cursor that cannot be read (not base64url,
 * not UTF-8, holding NUL, of another shape) is a 400 naming the {@code cursor} parameter.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(List<String> sortKey) {
        String joined = String.join(String.valueOf(SEPARATOR), sortKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor that must hold {@code parts} values; null when {@code cursor} is null or blank. */
    public static List<String> decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            // strictly UTF-8: a cursor of this list never holds other bytes (a lenient decoding would turn them into U+FFFD)
            String joined = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
            List<String> values = new ArrayList<>(List.of(joined.split(String.valueOf(SEPARATOR), -1)));
            if (values.size() != parts || joined.indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return values;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw ProblemException.badRequest("cursor", "not a cursor returned by this list; start again without it");
        }
    }

    /** The earliest and latest instants PostgreSQL's {@code timestamptz} holds (a cursor's time must fit them). */
    private static final java.time.Instant EARLIEST = java.time.Instant.parse("-4712-01-01T00:00:00Z");
    private static final java.time.Instant LATEST = java.time.Instant.parse("+294276-12-31T23:59:59Z");

    /**
     * A time part of a cursor, as {@link #encode} wrote it ({@link java.time.Instant#toString()}).
     *
     * @throws IllegalArgumentException when it is not one, or lies beyond what the database stores (a forged cursor)
     */
    public static java.time.Instant instant(String part) {
        try {
            java.time.Instant instant = java.time.Instant.parse(part);
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new IllegalArgumentException("a time no row holds");
            }
            return instant;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The relative URL of the next page: the current path and query with {@code cursor} replaced. */
    public static String nextLink(UriInfo uri, String cursor) {
        return uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().getRawPath()
                + "?" + uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().getRawQuery();
    }
}
