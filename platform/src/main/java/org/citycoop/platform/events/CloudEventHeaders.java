package org.citycoop.platform.events;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The CloudEvents 1.0 Kafka protocol binding in binary mode: the attributes travel as {@code ce_}
 * headers and the record value is the event data ({@code application/json}).
 * See https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /** Adds the envelope's headers to an outgoing record. */
    public static void write(Headers headers, String id, String source, String type, String subject, OffsetDateTime time) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, id);
        put(headers, SOURCE, source);
        put(headers, TYPE, type);
        if (subject != null) {
            put(headers, SUBJECT, subject);
        }
        put(headers, TIME, time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        put(headers, CONTENT_TYPE, "application/json");
    }

    /** Reads the envelope of an incoming record; missing attributes are null. */
    public static IncomingEvent read(Headers headers, String key, String data) {
        return new IncomingEvent(get(headers, ID), get(headers, SOURCE), get(headers, TYPE), get(headers, SUBJECT),
                get(headers, TIME), key, data);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
