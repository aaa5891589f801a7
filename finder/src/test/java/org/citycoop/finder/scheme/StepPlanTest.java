package org.citycoop.finder.scheme;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StepPlanTest {

    private static final LocalDate DEADLINE = LocalDate.of(2027, 3, 31);

    @Test
    void eachStepStartsItsOwnAndTheLaterStepsDurationsBeforeTheDeadline() {
        assertEquals(List.of(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 3, 1)),
                StepPlan.startDates(List.of(14, 30), DEADLINE));
    }

    @Test
    void nothingIsCountedPastAnUnknownDurationNorWithoutADeadline() {
        assertEquals(Arrays.asList(null, null, LocalDate.of(2027, 3, 21)), StepPlan.startDates(Arrays.asList(5, null, 10), DEADLINE));
        assertEquals(Arrays.asList(null, null), StepPlan.startDates(List.of(5, 10), null));
        assertEquals(List.of(), StepPlan.startDates(List.of(), DEADLINE));
    }
}
