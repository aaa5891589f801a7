package org.citycoop.platform.storage;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Time as PostgreSQL stores it ({@code timestamptz}: microseconds, read back in UTC). {@link #now()} is the one
 * "now" of the services' stored rows, truncated to microseconds so that the value a request answers with is the value
 * a later read returns; it reads the {@link Clock} bean (the system's UTC clock unless a test or an application
 * produces another one). {@link #utc(Object)} turns what a native query returns for a {@code timestamptz} column into
 * an {@link OffsetDateTime} in UTC.
 */
@ApplicationScoped
public class DatabaseTime {

    private final Clock clock;

    @Inject
    public DatabaseTime(Clock clock) {
        this.clock = clock;
    }

    /** Now, to the microsecond. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** {@link #now()} in UTC. */
    public OffsetDateTime nowUtc() {
        return now().atOffset(ZoneOffset.UTC);
    }

    /**
     * A {@code timestamptz} column's value from a native query (an {@link OffsetDateTime}, {@link Instant} or
     * {@link java.sql.Timestamp}, depending on the driver and query) in UTC; null stays null.
     */
    public static OffsetDateTime utc(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected time value " + value + " (" + value.getClass().getName() + ")");
    }

    /** The system's UTC clock, unless another {@link Clock} bean is produced (a test's fixed clock, say). */
    @Dependent
    static class SystemClock {

        @Produces
        @DefaultBean
        @ApplicationScoped
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
