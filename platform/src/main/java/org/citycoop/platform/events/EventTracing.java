package org.citycoop.platform.events;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Carries a request's trace through the outbox and Kafka to the consumers (OpenTelemetry's messaging spans): the
 * outbox keeps the trace context of the request that recorded an event, the relay publishes the event in a
 * {@code send} span of that trace and writes the span's context into the record's W3C {@code traceparent} and
 * {@code tracestate} headers (beside the CloudEvents ones), and a consumer applies it in a {@code process} span
 * that continues it. One trace then shows a request, the publication of its event and each consumer's work.
 */
@ApplicationScoped
public class EventTracing {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    Tracer tracer;

    /** The current trace context as W3C headers ({@code traceparent}, {@code tracestate}); empty outside a trace. */
    public Map<String, String> current() {
        Map<String, String> carrier = new HashMap<>(2);
        propagator().inject(Context.current(), carrier, Map::put);
        return carrier;
    }

    /**
     * Starts the span of publishing one event, a child of the trace context recorded with it (a new trace when
     * there is none), and writes the span's context into the record's headers. The caller ends the span.
     */
    public Span startSend(Headers headers, String topic, String eventId, String traceparent, String tracestate) {
        Map<String, String> recorded = new HashMap<>(2);
        if (traceparent != null) {
            recorded.put(TRACEPARENT, traceparent);
        }
        if (tracestate != null) {
            recorded.put(TRACESTATE, tracestate);
        }
        Context parent = propagator().extract(Context.root(), recorded, MAP);
        Span span = tracer.spanBuilder("send " + topic).setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.name", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .startSpan();
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        propagator().inject(parent.with(span), headers,
                (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /** Starts the span of a consumer's work on one record, continuing the trace its headers carry. The caller ends it. */
    public Span startProcess(Headers headers, String topic, String eventId, String consumer) {
        Context parent = propagator().extract(Context.root(), headers, HEADERS);
        return tracer.spanBuilder("process " + topic).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.name", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", eventId)
                .startSpan();
    }

    private TextMapPropagator propagator() {
        return openTelemetry.getPropagators().getTextMapPropagator();
    }
}
