package org.citycoop.platform.paging;

import jakarta.ws.rs.core.UriInfo;
import org.citycoop.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key of the last item of a page (one or more strings), encoded as
 * base64url. The next page starts strictly after that key, so pages stay stable when items are
 * inserted meanwhile and there is no limit on how far one can page. A cursor that cannot be read is
 * a 400 naming the {@code cursor} parameter.
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
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = new ArrayList<>(List.of(joined.split(String.valueOf(SEPARATOR), -1)));
            if (values.size() != parts || joined.indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "not a cursor returned by this list; start again without it");
        }
    }

    /** The relative URL of the next page: the current path and query with {@code cursor} replaced. */
    public static String nextLink(UriInfo uri, String cursor) {
        return uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().getRawPath()
                + "?" + uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().getRawQuery();
    }
}
