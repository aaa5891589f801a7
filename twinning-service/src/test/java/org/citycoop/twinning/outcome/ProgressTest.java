package org.citycoop.twinning.outcome;

import org.citycoop.twinning.arrangement.OutcomeIndicator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    private static OutcomeIndicator indicator(String baseline, String target, String achieved) {
        return new OutcomeIndicator("x", "x", "%", decimal(baseline), null, decimal(target), null, decimal(achieved), null, null);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    @Test
    void aFallingIndicatorThatPassedItsTargetIsMet() {
        // Phnom Penh's non-revenue water: 72% down to 8%, against an (illustrative) target of 20%.
        Progress progress = Progress.of(indicator("72", "20", "8"));
        assertEquals(new BigDecimal("-64"), progress.change());
        assertEquals(new BigDecimal("1.231"), progress.progress());
        assertTrue(progress.targetMet());
    }

    @Test
    void aRisingIndicatorHalfwayIsNotMet() {
        Progress progress = Progress.of(indicator("25", "95", "60"));
        assertEquals(new BigDecimal("0.500"), progress.progress());
        assertFalse(progress.targetMet());
    }

    @Test
    void unknownValuesLeaveWhatTheyWouldDecideUnknown() {
        Progress noTarget = Progress.of(indicator("25", null, "90"));
        assertEquals(new BigDecimal("65"), noTarget.change());
        assertNull(noTarget.progress());
        assertNull(noTarget.targetMet());
        assertTrue(noTarget.measured());

        Progress notMeasured = Progress.of(indicator(null, "10", null));
        assertFalse(notMeasured.measured());
        assertNull(notMeasured.change());
        assertNull(notMeasured.targetMet());

        Progress targetIsBaseline = Progress.of(indicator("10", "10", "12"));
        assertNull(targetIsBaseline.progress());
    }
}
