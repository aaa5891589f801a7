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

/** The {@code challenges} criterion ({@link ChallengesCriterion}): its results, ratings and words. */
class ChallengesCriterionTest {

    @Test
    void challengesWeighEachCoveredAreaByOneOverItsPriority() {
        // Priorities 1 and 2: solid waste weighs 1, institutions 0.5; covering solid waste only gives 1 / 1.5.
        assertRating(PARTLY_MET, 2.0 / 3, "addresses SOLID_WASTE (priority 1): 67% of the weighted priorities",
                Criteria.challenges(surabaya(), scheme().build()));
        assertRating(PARTLY_MET, 1.0 / 3, "addresses INSTITUTIONS (priority 2): 33% of the weighted priorities",
                Criteria.challenges(surabaya(), scheme().challengeAreas(ChallengeArea.INSTITUTIONS).build()));
        assertRating(MET, 1, "addresses SOLID_WASTE (priority 1), INSTITUTIONS (priority 2): 100% of the weighted priorities",
                Criteria.challenges(surabaya(), scheme().challengeAreas(ChallengeArea.INSTITUTIONS, ChallengeArea.SOLID_WASTE).build()));
        assertRating(FAILED, 0, "addresses none of the city's challenges",
                Criteria.challenges(surabaya(), scheme().challengeAreas(ChallengeArea.AIR_QUALITY).build()));
    }
}
