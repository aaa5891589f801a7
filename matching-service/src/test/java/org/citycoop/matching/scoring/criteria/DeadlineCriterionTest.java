package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.readmodel.SchemeData.ProcessStep;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.CriterionResult;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ArrangementStatus;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.StepActor;
import org.citycoop.matching.vocabulary.WindowKind;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.citycoop.matching.scoring.CriterionResult.FAILED;
import static org.citycoop.matching.scoring.criteria.Criteria.assertResult;
import static org.citycoop.matching.scoring.CriterionResult.MET;
import static org.citycoop.matching.scoring.CriterionResult.PARTLY_MET;
import static org.citycoop.matching.scoring.Fixtures.NOW;
import static org.citycoop.matching.scoring.Fixtures.TOKYO;
import static org.citycoop.matching.scoring.Fixtures.arrangement;
import static org.citycoop.matching.scoring.Fixtures.city;
import static org.citycoop.matching.scoring.Fixtures.days;
import static org.citycoop.matching.scoring.Fixtures.scheme;
import static org.citycoop.matching.scoring.Fixtures.surabaya;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code deadline} criterion ({@link DeadlineCriterion}): its results, ratings and words. */
class DeadlineCriterionTest {

    @Test
    void deadlineCountsTheStepsUpToTheLastApplicantStep() {
        // City 10 + agency 5 + national government 7 = 22 days; the agency's last step comes after the deadline.
        ProcessStep[] steps = {new ProcessStep("Proposal", StepActor.CITY, 10), new ProcessStep("Screening", StepActor.AGENCY, 5),
                new ProcessStep("Endorsement", StepActor.NATIONAL_GOVERNMENT, 7), new ProcessStep("Approval", StepActor.AGENCY, 90)};
        assertResult(MET, "the deadline 2027-01-23T09:00:00+09:00 is 22 days away and the applicant's steps up to 'Endorsement' typically take 22 days",
                Criteria.deadline(scheme().processSteps(steps).window(WindowKind.FIXED, days(-1), days(22)).build(), NOW));
        assertResult(FAILED, "the deadline 2027-01-22T09:00:00+09:00 is 21 days away but the applicant's steps up to 'Endorsement' typically take 22 days",
                Criteria.deadline(scheme().processSteps(steps).window(WindowKind.FIXED, days(-1), days(21)).build(), NOW));
        assertResult(MET, "the deadline 2027-01-02T09:00:00+09:00 is 1 days away; the process lists no steps for the applicant",
                Criteria.deadline(scheme().processSteps(new ProcessStep("Review", StepActor.AGENCY, 60))
                        .window(WindowKind.FIXED, days(-1), days(1)).build(), NOW));
    }

    @Test
    void rollingIsAlwaysReachableAndAPassedFixedDeadlineFails() {
        assertResult(MET, "rolling: applications are taken at any time",
                Criteria.deadline(scheme().window(WindowKind.ROLLING, null, null).build(), NOW));
        assertResult(FAILED, "the deadline 2026-12-31T09:00:00+09:00 has passed",
                Criteria.deadline(scheme().window(WindowKind.FIXED, days(-30), days(-1)).build(), NOW));
        assertEquals(PARTLY_MET, Criteria.deadline(scheme().window(WindowKind.FIXED, days(-30), null).build(), NOW).result());
    }

    @Test
    void annualDeadlineUsesTheNextOccurrence() {
        OffsetDateTime march31 = OffsetDateTime.parse("2019-03-31T23:59:00+09:00");
        assertResult(MET, "the next yearly deadline 2027-03-31T23:59:00+09:00 is 89 days away and the applicant's steps up to 'Expression of interest' typically take 14 days",
                Criteria.deadline(scheme().window(WindowKind.ANNUAL, null, march31).build(), NOW));
        OffsetDateTime january5 = OffsetDateTime.parse("2020-01-05T12:00:00+09:00");
        assertResult(PARTLY_MET, "the next yearly deadline 2027-01-05T12:00:00+09:00 is 4 days away but the applicant's steps up to 'Expression of interest' typically take 14 days; the one after, 2028-01-05T12:00:00+09:00, is reachable",
                Criteria.deadline(scheme().window(WindowKind.ANNUAL, null, january5).build(), NOW));
        assertEquals(FAILED, Criteria.deadline(scheme().window(WindowKind.ANNUAL, null, january5)
                .processSteps(new ProcessStep("Feasibility study", StepActor.CITY, 400)).build(), NOW).result());
    }
}
