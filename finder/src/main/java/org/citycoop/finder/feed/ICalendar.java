package org.citycoop.finder.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A calendar of deadlines as RFC 5545 text: one {@code VEVENT} per scheme deadline, keyed by the scheme ({@code UID}) with
 * its catalogue version as {@code SEQUENCE}, so that a subscribed calendar moves the event when the deadline moves. Times
 * in UTC; lines end in CRLF and fold at 75 octets; text values are escaped.
 */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** A deadline: the scheme, when, and what the event says. */
    public record Deadline(String schemeId, long version, Instant deadline, Instant changed, String summary, String description, String url) {
    }

    private ICalendar() {
    }

    public static String of(String name, List<Deadline> deadlines) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//CityCoop//Scheme finder//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        for (Deadline d : deadlines) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + d.schemeId() + "@citycoop.org");
            line(out, "DTSTAMP:" + UTC.format(d.changed()));
            line(out, "SEQUENCE:" + d.version());
            line(out, "DTSTART:" + UTC.format(d.deadline()));
            line(out, "DTEND:" + UTC.format(d.deadline()));
            line(out, "SUMMARY:" + text(d.summary()));
            if (d.description() != null && !d.description().isEmpty()) {
                line(out, "DESCRIPTION:" + text(d.description()));
            }
            line(out, "URL:" + d.url());
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545, 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 octets (never inside a UTF-8 character), ending in CRLF. */
    static void line(StringBuilder out, String line) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
