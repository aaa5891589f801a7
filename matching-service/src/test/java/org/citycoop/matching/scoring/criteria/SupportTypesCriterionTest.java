package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.CriterionResult;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SupportType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.citycoop.matching.scoring.CriterionResult.FAILED;
import static org.citycoop.matching.scoring.criteria.Criteria.assertRating;
import static org.citycoop.matching.scoring.CriterionResult.MET;
import static org.citycoop.matching.scoring.CriterionResult.PARTLY_MET;
import static org.citycoop.matching.scoring.Fixtures.scheme;
import static org.citycoop.matching.scoring.Fixtures.surabaya;
import static org.citycoop.matching.scoring.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The {@code supportTypes} criterion ({@link SupportTypesCriterion}): its results, ratings and words. */
class SupportTypesCriterionTest {

    @Test
    void supportTypesScoreTheShareOffered() {
        assertRating(PARTLY_MET, 0.5, "offers TECHNICAL of TECHNICAL, FINANCIAL", Criteria.supportTypes(surabaya(), scheme().build()));
        assertRating(FAILED, 0, "offers LOAN, none of TECHNICAL, FINANCIAL",
                Criteria.supportTypes(surabaya(), scheme().supportTypes(SupportType.LOAN).build()));
        NeedsProfile anySupport = new NeedsProfile("1625822", "ID", ApplicantType.LOCAL_GOVERNMENT, surabaya().challenges(),
                List.of(), null, List.of());
        assertRating(MET, 1, "no support type asked for", Criteria.supportTypes(anySupport, scheme().build()));
    }
}
