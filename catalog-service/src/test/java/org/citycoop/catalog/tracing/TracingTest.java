package org.citycoop.catalog.tracing;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citycoop.catalog.Fixtures;
import org.citycoop.catalog.TopicReader;
import org.citycoop.devstack.RecordedSpans;
import org.junit.jupiter.api.Test;


import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace from a request to its event on Kafka: the request's span, the outbox relay's {@code send} span as its
 * child, and the record's {@code traceparent} header naming that span, so that consumers continue the same trace.
 * Spans are recorded here (the suite records none by default) by OpenTelemetry's in-memory exporter.
 */
@QuarkusTest
@TestProfile(RecordedSpans.Recording.class)
class TracingTest {

    @Test
    void aRequestItsEventAndTheRecordShareOneTrace() {
        String traceparent = RecordedSpans.newTraceparent();
        String traceId = traceparent.substring(3, 35);
        String callerSpan = traceparent.substring(36, 52);
        String agencyId = Fixtures.newAgencyId("traced");
        given().header("traceparent", traceparent)
                .contentType("application/json").body(Fixtures.agency().toString())
                .put("/v1/agencies/" + agencyId).then().statusCode(201);

        SpanData server = RecordedSpans.await(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.SERVER);
        assertEquals(callerSpan, server.getParentSpanId(), "the request continues the caller's trace");
        SpanData send = RecordedSpans.await(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.PRODUCER);
        assertEquals("send catalog.agencies", send.getName());
        assertEquals(server.getSpanId(), send.getParentSpanId(), "the relay publishes as a child of the request");

        try (TopicReader topic = new TopicReader("catalog.agencies")) {
            ConsumerRecord<String, String> record = topic.awaitRecords(agencyId, 1).get(0);
            assertEquals("00-" + traceId + "-" + send.getSpanId() + "-01", TopicReader.header(record, "traceparent"),
                    "consumers read the trace and the send span beside the CloudEvents headers");
            assertEquals(TopicReader.header(record, "ce_id"), send.getAttributes().get(
                    io.opentelemetry.api.common.AttributeKey.stringKey("messaging.message.id")));
        }
    }

    @Test
    void anEventRecordedOutsideATraceStartsItsOwn() {
        // Events recorded without a caller's trace still get a trace of their own (the request's span is its root).
        String agencyId = Fixtures.newAgencyId("untraced");
        Fixtures.putAgency(agencyId, Fixtures.agency()).statusCode(201);
        try (TopicReader topic = new TopicReader("catalog.agencies")) {
            String traceparent = TopicReader.header(topic.awaitRecords(agencyId, 1).get(0), "traceparent");
            assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), traceparent);
            assertNotEquals("00000000000000000000000000000000", traceparent.substring(3, 35));
        }
    }
}
