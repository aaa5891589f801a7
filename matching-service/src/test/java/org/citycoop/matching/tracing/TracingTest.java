package org.citycoop.matching.tracing;

import org.citycoop.matching.readmodel.ReadModelConsumers;
import org.citycoop.devstack.ExampleEvents;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.citycoop.devstack.RecordedSpans;
import org.citycoop.matching.EventPublisher;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer continues the trace of the event it applies: its {@code process} span is a child of the span named in
 * the record's {@code traceparent} header (the producer's {@code send} span), and ends once the change is stored.
 */
@QuarkusTest
@TestProfile(RecordedSpans.Recording.class)
class TracingTest {

    @Inject
    DataSource dataSource;

    @Test
    void theConsumerProcessesAnEventInTheTraceOfItsProducer() throws Exception {
        String traceparent = RecordedSpans.newTraceparent();
        String traceId = traceparent.substring(3, 35);
        String agencyId = "traced-" + UUID.randomUUID();
        ObjectNode agency = ExampleEvents.data(ReadModelConsumers.AGENCY_CREATED).put("id", agencyId);
        String eventId;
        try (EventPublisher events = new EventPublisher()) {
            eventId = events.publishTraced("catalog.agencies", ReadModelConsumers.AGENCY_CREATED, agencyId,
                    agency.toString(), traceparent);
        }

        SpanData process = RecordedSpans.await(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.CONSUMER
                && span.getName().equals("process catalog.agencies"));
        assertEquals(traceparent.substring(36, 52), process.getParentSpanId(), "a child of the producer's span");
        assertEquals(eventId, process.getAttributes().get(AttributeKey.stringKey("messaging.message.id")));
        assertEquals("matching.agencies", process.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name")));
        assertTrue(stored(agencyId), "the span ends once the consumer's change is committed");
    }

    private boolean stored(String agencyId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM agency WHERE id = ?")) {
            select.setString(1, agencyId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
