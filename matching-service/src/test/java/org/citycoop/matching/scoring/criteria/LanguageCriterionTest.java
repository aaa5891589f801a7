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

/** The {@code language} criterion ({@link LanguageCriterion}): its results, ratings and words. */
class LanguageCriterionTest {

    @Test
    void languageIsMetWhenTheSchemeHasAWantedLanguageElseEnglishAtHalf() {
        NeedsProfile japanese = surabaya().withLanguages(List.of("ja-JP", "en"));
        assertRating(MET, 1, "available in ja", Criteria.language(japanese, scheme().build()));
        NeedsProfile french = surabaya().withLanguages(List.of("fr"));
        assertRating(PARTLY_MET, 0.5, "not available in fr; shown in English", Criteria.language(french, scheme().build()));
        assertRating(MET, 1, "available in en", Criteria.language(surabaya().withLanguages(List.of()), scheme().names(Map.of()).build()));
    }
}
