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

/** The {@code sectors} criterion ({@link SectorsCriterion}): its results, ratings and words. */
class SectorsCriterionTest {

    @Test
    void sectorsAreTheShareOfTheAskedDacCodesTheSchemeFunds() {
        NeedsProfile none = surabaya();
        NeedsProfile two = withSectorsAndCoFinancing(List.of("14050", "15110"), null);
        assertRating(MET, 1, "no DAC sector asked for", Criteria.sectors(none, scheme().sectors("41010").build()));
        assertRating(PARTLY_MET, 0.5, "funds DAC sectors 14050 of 14050, 15110", Criteria.sectors(two, scheme().sectors("14050", "41010").build()));
        assertRating(FAILED, 0, "funds DAC sectors 41010, none of 14050, 15110", Criteria.sectors(two, scheme().sectors("41010").build()));
        assertRating(PARTLY_MET, 0.5, "the scheme publishes no DAC sectors; asked for 14050, 15110", Criteria.sectors(two, scheme().build()));
    }

    private static NeedsProfile withSectorsAndCoFinancing(List<String> sectors, Money coFinancing) {
        NeedsProfile p = surabaya();
        return new NeedsProfile(p.cityId(), p.country(), p.applicantType(), p.challenges(), p.supportTypes(), p.budget(),
                p.languages(), sectors, coFinancing);
    }
}
