package org.citycoop.matching.scoring;

import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.platform.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NeedsProfileTest {

    @Test
    void theExampleProfileIsAcceptable() {
        assertEquals(List.of(), Fixtures.surabaya().violations());
    }

    @Test
    void countryAndCurrencyMustBeInTheIsoListsAndAreasUnique() {
        NeedsProfile profile = new NeedsProfile(null, "ZZ", ApplicantType.NGO,
                List.of(new NeedsProfile.Challenge(ChallengeArea.SOLID_WASTE, 1), new NeedsProfile.Challenge(ChallengeArea.AIR_QUALITY, 2),
                        new NeedsProfile.Challenge(ChallengeArea.SOLID_WASTE, 3)),
                List.of(), new Money("100", "ABC"), List.of());
        assertEquals(List.of("country", "budget.currency", "challenges[2].area"),
                profile.violations().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void kosovoIsACountryAsInTheCatalogue() {
        NeedsProfile profile = new NeedsProfile(null, "XK", ApplicantType.NGO,
                List.of(new NeedsProfile.Challenge(ChallengeArea.SOLID_WASTE, 1)), List.of(), null, List.of());
        assertEquals(List.of(), profile.violations());
    }

    @Test
    void moneyIsShownWithThousandsSeparators() {
        assertEquals("300,000 USD", new Money("300000", "USD").display());
        assertEquals("1,234.5 EUR", new Money("1234.50", "EUR").display());
    }
}
