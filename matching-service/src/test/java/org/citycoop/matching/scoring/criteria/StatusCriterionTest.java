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

/** The {@code status} criterion ({@link StatusCriterion}): its results, ratings and words. */
class StatusCriterionTest {

    @Test
    void statusIsDerivedFromTheWindowAtMatchTime() {
        assertResult(MET, "open", Criteria.status(scheme().status(SchemeStatus.FORECASTED).build(), NOW));
        SchemeData notOpenYet = scheme().window(WindowKind.FIXED, days(5), days(60)).build();
        assertEquals(SchemeStatus.FORECASTED, StatusCriterion.effectiveStatus(notOpenYet, NOW));
        assertResult(PARTLY_MET, "forecasted: opens 2027-01-06T09:00:00+09:00", Criteria.status(notOpenYet, NOW));
        SchemeData pastDeadline = scheme().window(WindowKind.FIXED, days(-60), days(-1)).build();
        assertEquals(SchemeStatus.CLOSED, StatusCriterion.effectiveStatus(pastDeadline, NOW));
        assertResult(FAILED, "closed: the deadline 2026-12-31T09:00:00+09:00 has passed", Criteria.status(pastDeadline, NOW));
        SchemeData deadlineNow = scheme().window(WindowKind.FIXED, days(-60), NOW.atOffset(TOKYO)).build();
        assertResult(MET, "open", Criteria.status(deadlineNow, NOW));
        SchemeData deadlineASecondAgo = scheme().window(WindowKind.FIXED, days(-60), NOW.minusSeconds(1).atOffset(TOKYO)).build();
        assertEquals(FAILED, Criteria.status(deadlineASecondAgo, NOW).result());
        assertResult(MET, "open", Criteria.status(scheme().status(SchemeStatus.CLOSED).window(WindowKind.ROLLING, null, null).build(), NOW));
    }

    @Test
    void annualWindowsAreOpenInsideAnOccurrence() {
        SchemeData springCall = scheme().window(WindowKind.ANNUAL, OffsetDateTime.parse("2019-02-01T09:00:00+09:00"),
                OffsetDateTime.parse("2019-03-31T23:59:00+09:00")).build();
        assertEquals(SchemeStatus.FORECASTED, StatusCriterion.effectiveStatus(springCall, NOW));
        assertResult(PARTLY_MET, "forecasted: opens 2027-02-01T09:00:00+09:00", Criteria.status(springCall, NOW));
        SchemeData winterCall = scheme().window(WindowKind.ANNUAL, OffsetDateTime.parse("2019-12-01T09:00:00+09:00"),
                OffsetDateTime.parse("2020-01-31T23:59:00+09:00")).build();
        assertResult(MET, "open", Criteria.status(winterCall, NOW));
    }

    @Test
    void withdrawnClosedAndSupersededSchemesFail() {
        assertResult(FAILED, "withdrawn by the agency", Criteria.status(scheme().status(SchemeStatus.WITHDRAWN).build(), NOW));
        assertResult(FAILED, "closed: no longer offered (scheme-2)", Criteria.status(scheme().supersededBy("scheme-2").build(), NOW));
        // A window of a kind this service does not know: the status as published.
        assertResult(FAILED, "closed, as the catalogue published it", Criteria.status(scheme()
                .window(null, days(-10), days(10)).status(SchemeStatus.CLOSED).build(), NOW));
        assertResult(PARTLY_MET, "status not known", Criteria.status(scheme()
                .window(null, null, null).status(null).build(), NOW));
    }
}
