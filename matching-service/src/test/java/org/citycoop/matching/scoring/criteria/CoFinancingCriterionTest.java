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

/** The {@code coFinancing} criterion ({@link CoFinancingCriterion}): its results, ratings and words. */
class CoFinancingCriterionTest {

    @Test
    void coFinancingComparesWhatTheCityCanBringWithTheRequiredShareOfTheBudget() {
        assertRating(MET, 1, "no co-financing required", Criteria.coFinancing(surabaya(), scheme().build()));
        assertRating(PARTLY_MET, 0.5, "requires 25% co-financing (75,000 USD of the budget); the co-financing the city can bring is not stated",
                Criteria.coFinancing(surabaya(), scheme().coFinancingShare("0.25").build()));
        assertRating(MET, 1, "co-financing 80,000 USD covers the required 25% (75,000 USD)",
                Criteria.coFinancing(withSectorsAndCoFinancing(List.of(), new Money("80000", "USD")), scheme().coFinancingShare("0.25").build()));
        assertRating(PARTLY_MET, 0.4, "co-financing 30,000 USD is below the required 25% (75,000 USD)",
                Criteria.coFinancing(withSectorsAndCoFinancing(List.of(), new Money("30000", "USD")), scheme().coFinancingShare("0.25").build()));
    }

    private static NeedsProfile withSectorsAndCoFinancing(List<String> sectors, Money coFinancing) {
        NeedsProfile p = surabaya();
        return new NeedsProfile(p.cityId(), p.country(), p.applicantType(), p.challenges(), p.supportTypes(), p.budget(),
                p.languages(), sectors, coFinancing);
    }
}
