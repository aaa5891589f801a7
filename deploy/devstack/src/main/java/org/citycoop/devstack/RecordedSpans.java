package org.citycoop.devstack;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The spans a service records in a test (the suite records none by default): a test with
 * {@code @TestProfile(RecordedSpans.Recording.class)} records every trace into {@link #EXPORTER} (OpenTelemetry's
 * in-memory exporter, produced by the CDI alternative {@link Exporter}, which the OpenTelemetry extension exports
 * every span to). The service's tests index this module as a bean archive
 * ({@code %test.quarkus.index-dependency.devstack...}) so that the alternative is found.
 */
public final class RecordedSpans {

    public static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

    private RecordedSpans() {
    }

    /** Records every trace and exports finished spans within 50 ms, into {@link #EXPORTER}. */
    public static class Recording implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.traces.sampler.arg", "1", "quarkus.otel.bsp.schedule.delay", "PT0.05S");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(Exporter.class);
        }
    }

    /** Hands {@link #EXPORTER} to the OpenTelemetry extension, in tests of the {@link Recording} profile only. */
    @Alternative
    @Singleton
    public static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return EXPORTER;
        }
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
