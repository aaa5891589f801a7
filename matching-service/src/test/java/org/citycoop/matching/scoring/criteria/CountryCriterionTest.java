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

/** The {@code country} criterion ({@link CountryCriterion}): its results, ratings and words. */
class CountryCriterionTest {

    @Test
    void countryListIsDecisiveAndRegionsAloneAreNotChecked() {
        assertResult(MET, "ID is among the eligible countries", Criteria.country(surabaya(), scheme().build()));
        assertResult(MET, "open to all countries", Criteria.country(surabaya(), scheme().eligibleCountries().build()));
        assertResult(PARTLY_MET, "open to regions 789; region membership not checked",
                Criteria.country(surabaya(), scheme().eligibleCountries().eligibleRegions("789").build()));
        assertResult(FAILED, "ID is not among the eligible countries VN, TH",
                Criteria.country(surabaya(), scheme().eligibleCountries("VN", "TH").eligibleRegions("789").build()));
    }
}
