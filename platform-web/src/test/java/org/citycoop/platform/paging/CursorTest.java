package org.citycoop.platform.paging;

import org.citycoop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void aSortKeySurvivesTheRoundTripIncludingSeparatorsAndUnicode() {
        List<String> key = List.of("2026-11-29T10:15:30.120Z", "0b6f3f7e-2d4c-4a8e-bb1e-5c8f1a2d9e10", "Đà Nẵng, 北九州");
        assertEquals(key, Cursor.decode(Cursor.encode(key), 3));
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertNull(Cursor.decode(null, 2));
        assertNull(Cursor.decode(" ", 2));
    }

    @Test
    void aForeignOrDamagedCursorIs400NamingTheParameter() {
        ProblemException wrongShape = assertThrows(ProblemException.class, () -> Cursor.decode(Cursor.encode(List.of("a")), 2));
        assertEquals(400, wrongShape.status());
        assertEquals("cursor", wrongShape.errors().get(0).field());
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursor.decode("not base64 !!", 1)).status());
        // "bad" decodes to bytes that are not UTF-8, "AAAA" to NUL bytes: no cursor of a list holds them
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursor.decode("bad", 1)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursor.decode("AAAA", 1)).status());
    }

    @Test
    void aTimeInACursorMustBeOneTheDatabaseHolds() {
        java.time.Instant now = java.time.Instant.parse("2026-12-08T03:50:00.123456Z");
        org.junit.jupiter.api.Assertions.assertEquals(now, Cursor.instant(now.toString()));
        // a forged cursor's time, beyond PostgreSQL's timestamptz, is refused before any query
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Cursor.instant("+999999999-12-31T23:59:59Z"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Cursor.instant("-999999999-01-01T00:00:00Z"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Cursor.instant("yesterday"));
    }
}
