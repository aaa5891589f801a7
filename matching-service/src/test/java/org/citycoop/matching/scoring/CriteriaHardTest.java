package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.SchemeData.ProcessStep;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.scoring.criteria.StatusCriterion;
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

class CriteriaHardTest {

    @Test
    void relevanceNeedsOneOfTheCitysAreas() {
        assertResult(MET, "addresses SOLID_WASTE", Criteria.relevance(surabaya(), scheme().build()));
        assertResult(FAILED, "addresses none of the city's challenges (it addresses AIR_QUALITY)",
                Criteria.relevance(surabaya(), scheme().challengeAreas(ChallengeArea.AIR_QUALITY).build()));
    }

    @Test
    void applicantTypeMustBeListedOrAnyAndTheChannelIsNamed() {
        assertResult(MET, "open to LOCAL_GOVERNMENT; apply directly to the agency",
                Criteria.applicantType(surabaya(), scheme().build()));
        assertResult(MET, "open to any applicant; apply through your national government",
                Criteria.applicantType(surabaya(), scheme().applicantTypes(ApplicantType.ANY).channel("THROUGH_NATIONAL_GOVERNMENT").build()));
        assertResult(FAILED, "open to NATIONAL_GOVERNMENT, NGO only, not LOCAL_GOVERNMENT; apply through your national government",
                Criteria.applicantType(surabaya(), scheme().applicantTypes(ApplicantType.NATIONAL_GOVERNMENT, ApplicantType.NGO)
                        .channel("THROUGH_NATIONAL_GOVERNMENT").build()));
        assertResult(PARTLY_MET, "who may apply is not published; ask the agency; apply directly to the agency",
                Criteria.applicantType(surabaya(), scheme().applicantTypes().build()));
        assertResult(MET, "open to LOCAL_GOVERNMENT; a local government of the donor country applies, with you as its counterpart",
                Criteria.applicantType(surabaya(), scheme().channel("THROUGH_PARTNER_LOCAL_GOVERNMENT").build()));
    }

    @Test
    void countryListIsDecisiveAndRegionsAloneAreNotChecked() {
        assertResult(MET, "ID is among the eligible countries", Criteria.country(surabaya(), scheme().build()));
        assertResult(MET, "open to all countries", Criteria.country(surabaya(), scheme().eligibleCountries().build()));
        assertResult(PARTLY_MET, "open to regions 789; region membership not checked",
                Criteria.country(surabaya(), scheme().eligibleCountries().eligibleRegions("789").build()));
        assertResult(FAILED, "ID is not among the eligible countries VN, TH",
                Criteria.country(surabaya(), scheme().eligibleCountries("VN", "TH").eligibleRegions("789").build()));
    }

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

    @Test
    void partnerCityNeedsAnAgreedOrActiveArrangementWithACityOfTheCountry() {
        SchemeData needsJapan = scheme().partnerCityIn("JP").build();
        var surabaya = city("1625822", "Surabaya", "ID");
        var kitakyushu = city("1859307", "Kitakyushu", "JP");
        var yokohama = city("1848354", "Yokohama", "JP");
        assertResult(MET, "no partner city required", Criteria.partnerCity(surabaya(), scheme().build(), List.of()));
        assertResult(MET, "needs a partner city in JP: arrangement 'Arrangement t-2' (t-2, ACTIVE) with Kitakyushu (1859307, JP)",
                Criteria.partnerCity(surabaya(), needsJapan, List.of(
                        arrangement("t-1", ArrangementStatus.AGREED, surabaya, yokohama),
                        arrangement("t-2", ArrangementStatus.ACTIVE, kitakyushu, surabaya))));
        assertResult(FAILED, "needs a partner city in JP in an AGREED or ACTIVE arrangement; only arrangement 'Arrangement t-3' (t-3, COMPLETED) with Kitakyushu (1859307, JP)",
                Criteria.partnerCity(surabaya(), needsJapan, List.of(arrangement("t-3", ArrangementStatus.COMPLETED, kitakyushu, surabaya))));
        assertResult(FAILED, "needs a partner city in JP; city 1625822 has no twinning arrangement with one",
                Criteria.partnerCity(surabaya(), needsJapan, List.of(arrangement("t-4", ArrangementStatus.ACTIVE, surabaya,
                        city("1566083", "Ho Chi Minh City", "VN")))));
        NeedsProfile noCity = new NeedsProfile(null, "ID", ApplicantType.LOCAL_GOVERNMENT, surabaya().challenges(), List.of(), null, List.of());
        assertResult(FAILED, "needs a partner city in JP; no cityId given, so twinning arrangements cannot be checked",
                Criteria.partnerCity(noCity, needsJapan, List.of(arrangement("t-2", ArrangementStatus.ACTIVE, kitakyushu, surabaya))));
    }

    private static void assertResult(CriterionResult result, String detail, Assessment assessment) {
        assertEquals(detail, assessment.detail());
        assertEquals(result, assessment.result());
        assertTrue(assessment.criterion().isHard());
    }
}
