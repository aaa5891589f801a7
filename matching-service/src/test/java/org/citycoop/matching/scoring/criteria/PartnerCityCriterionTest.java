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

/** The {@code partnerCity} criterion ({@link PartnerCityCriterion}): its results, ratings and words. */
class PartnerCityCriterionTest {

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
}
