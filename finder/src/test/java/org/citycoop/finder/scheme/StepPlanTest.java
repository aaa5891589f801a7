package org.citycoop.finder.scheme;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StepPlanTest {

    private static final LocalDate DEADLINE = LocalDate.of(2027, 3, 31);

    @Test
    void eachApplicantStepStartsItsOwnAndTheLaterApplicantStepsDurationsBeforeTheDeadline() {
        assertEquals(List.of(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 3, 1)),
                StepPlan.startDates(List.of(14, 30), List.of("CITY", "NATIONAL_GOVERNMENT"), DEADLINE));
    }

    @Test
    void theAgencysStepsAfterTheApplicantsComeAfterTheDeadlineAndGetNoDate() {
        // as matching's plans count them: the concept note ends on the deadline, the selection follows it
        assertEquals(Arrays.asList(LocalDate.of(2027, 3, 17), null),
                StepPlan.startDates(List.of(14, 30), List.of("CITY", "AGENCY"), DEADLINE));
        // an agency step between two of the city's is counted, as it happens before the city's last one
        assertEquals(Arrays.asList(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 21), null),
                StepPlan.startDates(List.of(14, 20, 10, 60), List.of("CITY", "AGENCY", "PARTNER_CITY", "AGENCY"), DEADLINE));
        assertEquals(Arrays.asList(null, null), StepPlan.startDates(List.of(14, 30), List.of("AGENCY", "OTHER"), DEADLINE));
    }

    @Test
    void nothingIsCountedPastAnUnknownDurationNorWithoutADeadline() {
        List<String> city = List.of("CITY", "CITY", "CITY");
        assertEquals(Arrays.asList(null, null, LocalDate.of(2027, 3, 21)), StepPlan.startDates(Arrays.asList(5, null, 10), city, DEADLINE));
        assertEquals(Arrays.asList(null, null), StepPlan.startDates(List.of(5, 10), List.of("CITY", "CITY"), null));
        assertEquals(List.of(), StepPlan.startDates(List.of(), List.of(), DEADLINE));
    }
}
