package org.citycoop.matching.plans;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.readmodel.SchemeData.ProcessStep;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.StepActor;
import org.citycoop.matching.vocabulary.WindowKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationPlansTest {

    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");
    private static final OffsetDateTime DEADLINE = OffsetDateTime.parse("2027-03-31T23:59:00+09:00");
    private static final List<ProcessStep> STEPS = List.of(
            new ProcessStep("Concept note", StepActor.CITY, 20),
            new ProcessStep("Endorsement by the ministry", StepActor.NATIONAL_GOVERNMENT, 30),
            new ProcessStep("Full proposal", StepActor.CITY, 15),
            new ProcessStep("Selection", StepActor.AGENCY, 45));

    @Test
    void theApplicantsStepsAreCountedBackFromTheDeadlineAndTheAgencysForward() {
        ApplicationPlans.Plan plan = ApplicationPlans.plan(scheme(WindowKind.FIXED, DEADLINE, STEPS), Map.of(), NOW);
        assertEquals(DEADLINE, plan.deadline());
        assertEquals(List.of(LocalDate.parse("2027-02-14"), LocalDate.parse("2027-03-16"), LocalDate.parse("2027-03-31"),
                LocalDate.parse("2027-05-15")), plan.steps().stream().map(ApplicationPlans.Step::targetDate).toList());
        assertEquals(LocalDate.parse("2027-01-25"), plan.startBy());
        assertEquals(List.of(StepActor.CITY, StepActor.NATIONAL_GOVERNMENT, StepActor.CITY, StepActor.AGENCY),
                plan.steps().stream().map(ApplicationPlans.Step::actor).toList());
        assertEquals(List.of(true, true, true, false), plan.steps().stream().map(ApplicationPlans.Step::beforeDeadline).toList());
        assertTrue(plan.reachable());
        assertEquals(List.of(), plan.warnings());
    }

    @Test
    void aDeadlineTooCloseForTheRemainingStepsIsNoLongerReachableAndOverdueStepsAreNamed() {
        Instant late = Instant.parse("2027-03-10T00:00:00Z");
        ApplicationPlans.Plan plan = ApplicationPlans.plan(scheme(WindowKind.FIXED, DEADLINE, STEPS), Map.of(), late);
        assertFalse(plan.reachable());
        assertTrue(plan.warnings().get(0).contains("no longer reachable: the steps not done yet typically take 65 days and 21 days are left"),
                plan.warnings().toString());
        assertTrue(plan.warnings().contains("step 1 'Concept note' was due on 2027-02-14"), plan.warnings().toString());
    }

    @Test
    void markingStepsDoneMakesTheRestFit() {
        Instant late = Instant.parse("2027-03-10T00:00:00Z");
        OffsetDateTime doneAt = late.atOffset(ZoneOffset.UTC);
        ApplicationPlans.Plan plan = ApplicationPlans.plan(scheme(WindowKind.FIXED, DEADLINE, STEPS), Map.of(1, doneAt, 2, doneAt), late);
        assertTrue(plan.reachable(), plan.warnings().toString());
        assertEquals(List.of(true, true, false, false), plan.steps().stream().map(ApplicationPlans.Step::done).toList());
        assertEquals(List.of(), plan.warnings());
    }

    @Test
    void aPassedDeadlineIsWarnedAbout() {
        ApplicationPlans.Plan plan = ApplicationPlans.plan(scheme(WindowKind.FIXED, DEADLINE, STEPS), Map.of(), Instant.parse("2027-04-02T00:00:00Z"));
        assertFalse(plan.reachable());
        assertEquals("the deadline 2027-03-31T23:59+09:00 has passed", plan.warnings().get(0));
    }

    @Test
    void aWithdrawnOrReplacedSchemeIsNoLongerReachableWhateverItsDeadline() {
        SchemeData open = scheme(WindowKind.FIXED, DEADLINE, STEPS);
        assertTrue(ApplicationPlans.plan(open, Map.of(), NOW).reachable());

        ApplicationPlans.Plan withdrawn = ApplicationPlans.plan(open.withStatus(SchemeStatus.WITHDRAWN), Map.of(), NOW);
        assertFalse(withdrawn.reachable());
        assertEquals(List.of("the scheme no longer takes applications: withdrawn by the agency"), withdrawn.warnings());

        SchemeData replaced = new SchemeData("s1", "jica", "REF", "Scheme", Map.of(), null, Map.of(), List.of(), List.of(),
                List.of(ApplicantType.LOCAL_GOVERNMENT), "DIRECT", null, List.of(), List.of(), null, STEPS,
                new SchemeData.ApplicationWindow(WindowKind.ROLLING, null, null), "REF-2028", SchemeStatus.OPEN, null, 1L);
        ApplicationPlans.Plan superseded = ApplicationPlans.plan(replaced, Map.of(), NOW);
        assertFalse(superseded.reachable());
        assertEquals(1, superseded.warnings().size());
        assertTrue(superseded.warnings().get(0).startsWith("the scheme no longer takes applications: closed"), superseded.warnings().toString());
    }

    @Test
    void anAnnualDeadlineUsesItsNextOccurrence() {
        ApplicationPlans.Plan plan = ApplicationPlans.plan(scheme(WindowKind.ANNUAL, DEADLINE.minusYears(3), STEPS), Map.of(), NOW);
        assertEquals(DEADLINE, plan.deadline());
    }

    @Test
    void aRollingSchemeIsCountedForwardFromToday() {
        ApplicationPlans.Plan plan = ApplicationPlans.plan(scheme(WindowKind.ROLLING, null, STEPS), Map.of(), NOW);
        assertNull(plan.deadline());
        assertNull(plan.startBy());
        assertEquals(List.of(LocalDate.parse("2027-01-21"), LocalDate.parse("2027-02-20"), LocalDate.parse("2027-03-07"),
                LocalDate.parse("2027-04-21")), plan.steps().stream().map(ApplicationPlans.Step::targetDate).toList());
        assertTrue(plan.reachable());
    }

    private static SchemeData scheme(WindowKind kind, OffsetDateTime deadline, List<ProcessStep> steps) {
        return new SchemeData("s1", "jica", "REF", "Scheme", Map.of(), null, Map.of(), List.of(), List.of(),
                List.of(ApplicantType.LOCAL_GOVERNMENT), "DIRECT", null, List.of(), List.of(), null, steps,
                new SchemeData.ApplicationWindow(kind, null, deadline), null, SchemeStatus.OPEN, null, 1L);
    }
}
