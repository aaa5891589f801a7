package org.citycoop.twinning.arrangement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReducedPrecisionDateTest {

    @Test
    void aYearCoversTheWholeYear() {
        ReducedPrecisionDate year = ReducedPrecisionDate.parse("1981");
        assertEquals(LocalDate.of(1981, 1, 1), year.firstDay());
        assertEquals(LocalDate.of(1981, 12, 31), year.lastDay());
    }

    @Test
    void aMonthCoversItsDaysIncludingLeapDays() {
        ReducedPrecisionDate month = ReducedPrecisionDate.parse("2012-02");
        assertEquals(LocalDate.of(2012, 2, 1), month.firstDay());
        assertEquals(LocalDate.of(2012, 2, 29), month.lastDay());
    }

    @Test
    void aDayIsOneDay() {
        ReducedPrecisionDate day = ReducedPrecisionDate.parse("2012-04-01");
        assertEquals(day.firstDay(), day.lastDay());
        assertEquals("2012-04-01", day.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "81", "2012-4", "2012-13", "2012-02-30", "2012-04-01T00:00", "2012/04", " 2012", "twenty"})
    void otherFormsAndImpossibleDatesAreRefused(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ReducedPrecisionDate.parse(text));
        assertTrue(refused.getMessage().contains("YYYY-MM"), refused.getMessage());
    }

    @Test
    void anEndMayShareTheStartsYearOrMonth() {
        ReducedPrecisionDate start = ReducedPrecisionDate.parse("2012-04-15");
        assertFalse(ReducedPrecisionDate.parse("2012").endsBefore(start));
        assertFalse(ReducedPrecisionDate.parse("2012-04").endsBefore(start));
        assertFalse(ReducedPrecisionDate.parse("2012-04-15").endsBefore(start));
        assertTrue(ReducedPrecisionDate.parse("2012-04-14").endsBefore(start));
        assertTrue(ReducedPrecisionDate.parse("2012-03").endsBefore(start));
        assertTrue(ReducedPrecisionDate.parse("2011").endsBefore(start));
    }
}
