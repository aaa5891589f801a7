package org.citycoop.platform.storage;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseTimeTest {

    @Test
    void nowIsTheClocksTimeToTheMicrosecond() {
        DatabaseTime time = new DatabaseTime(Clock.fixed(Instant.parse("2026-03-01T10:15:30.123456789Z"), ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"), time.now());
        assertEquals(OffsetDateTime.parse("2026-03-01T10:15:30.123456Z"), time.nowUtc());
        assertEquals(ZoneOffset.UTC, time.nowUtc().getOffset());
    }

    @Test
    void storedTimesReadBackInUtcWhateverTheirJavaType() {
        Instant instant = Instant.parse("2026-03-01T10:15:30.123456Z");
        OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
        assertEquals(utc, DatabaseTime.utc(instant));
        assertEquals(utc, DatabaseTime.utc(Timestamp.from(instant)));
        assertEquals(utc, DatabaseTime.utc(instant.atOffset(ZoneOffset.ofHours(2))));
        assertEquals(ZoneOffset.UTC, DatabaseTime.utc(instant.atOffset(ZoneOffset.ofHours(2))).getOffset());
        assertNull(DatabaseTime.utc(null));
        assertThrows(IllegalStateException.class, () -> DatabaseTime.utc("2026-03-01"));
    }
}
