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

/** The {@code budget} criterion ({@link BudgetCriterion}): its results, ratings and words. */
class BudgetCriterionTest {

    @Test
    void budgetInsideTheRangeIsMetAndOutsideIsPartial() {
        assertRating(MET, 1, "budget 300,000 USD is inside 10,000-3,000,000 USD", Criteria.budget(surabaya(), scheme().build()));
        assertRating(PARTLY_MET, 0.3, "budget 300,000 USD is above the maximum 90,000 USD, which covers 30% of it",
                Criteria.budget(surabaya(), scheme().fundingRange(usd("10000"), usd("90000")).build()));
        assertRating(PARTLY_MET, 0.6, "budget 300,000 USD is below the minimum 500,000 USD",
                Criteria.budget(surabaya(), scheme().fundingRange(usd("500000"), null).build()));
        assertRating(MET, 1, "budget 300,000 USD is inside the range up to 1,000,000.5 USD",
                Criteria.budget(surabaya(), scheme().fundingRange(null, usd("1000000.50")).build()));
    }

    @Test
    void unknownRangeOrAnotherCurrencyIsHalfWithoutExchangeRates() {
        assertRating(PARTLY_MET, 0.5, "funding range unknown", Criteria.budget(surabaya(), scheme().noFundingRange().build()));
        assertRating(PARTLY_MET, 0.5, "funding range unknown",
                Criteria.budget(surabaya(), scheme().fundingRange(new Money("about a million", "USD"), null).build()));
        assertRating(PARTLY_MET, 0.5, "funding range 1,000,000-50,000,000 JPY is in another currency than the budget 300,000 USD; not compared (no exchange rates)",
                Criteria.budget(surabaya(), scheme().fundingRange(new Money("1000000", "JPY"), new Money("50000000", "JPY")).build()));
    }
}
