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

/** The {@code applicantType} criterion ({@link ApplicantTypeCriterion}): its results, ratings and words. */
class ApplicantTypeCriterionTest {

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
}
