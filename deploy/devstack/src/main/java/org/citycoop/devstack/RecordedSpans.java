package org.citycoop.devstack;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The spans a service records in a test (the suite records none by default): a test profile sets
 * {@link #RECORD_ALL} and enables, as a CDI alternative, a producer of {@link #EXPORTER} (OpenTelemetry's in-memory
 * exporter), which the OpenTelemetry extension then exports every span to.
 */
public final class RecordedSpans {

    public static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

    /** Configuration that records every trace and exports finished spans within 50 ms. */
    public static final Map<String, String> RECORD_ALL = Map.of(
            "quarkus.otel.traces.sampler.arg", "1", "quarkus.otel.bsp.schedule.delay", "PT0.05S");

    private RecordedSpans() {
    }

    /** Waits (30 s at most) for a finished span that is {@code wanted}. */
    public static SpanData await(Predicate<SpanData> wanted) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(giveUp)) {
            Optional<SpanData> found = EXPORTER.getFinishedSpanItems().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No such span among " + EXPORTER.getFinishedSpanItems());
    }

    /** A W3C {@code traceparent} of a new sampled trace: {@code 00-<trace id>-<parent id>-01}. */
    public static String newTraceparent() {
        return "00-" + hex(16) + "-" + hex(8) + "-01";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never the all-zero id
        return HexFormat.of().formatHex(random);
    }
}
