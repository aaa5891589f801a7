package org.citycoop.matching.scoring;

import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.vocabulary.SectorCodelist;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NeedsProfileTest {

    private static final SectorCodelist SECTORS = SectorCodelist.shipped();

    @Test
    void theExampleProfileIsAcceptable() {
        assertEquals(List.of(), Fixtures.surabaya().violations(SECTORS));
    }

    @Test
    void countryAndCurrencyMustBeInTheIsoListsAndAreasUnique() {
        NeedsProfile profile = new NeedsProfile(null, "ZZ", ApplicantType.NGO,
                List.of(new NeedsProfile.Challenge(ChallengeArea.SOLID_WASTE, 1), new NeedsProfile.Challenge(ChallengeArea.AIR_QUALITY, 2),
                        new NeedsProfile.Challenge(ChallengeArea.SOLID_WASTE, 3)),
                List.of(), new Money("100", "ABC"), List.of());
        assertEquals(List.of("country", "budget.currency", "challenges[2].area"),
                profile.violations(SECTORS).stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void kosovoIsACountryAsInTheCatalogue() {
        NeedsProfile profile = new NeedsProfile(null, "XK", ApplicantType.NGO,
                List.of(new NeedsProfile.Challenge(ChallengeArea.SOLID_WASTE, 1)), List.of(), null, List.of());
        assertEquals(List.of(), profile.violations(SECTORS));
    }

    @Test
    void sectorsMustBeActiveCodesOfTheIatiSectorCodelist() {
        NeedsProfile profile = new NeedsProfile(null, "ID", ApplicantType.LOCAL_GOVERNMENT,
                List.of(new NeedsProfile.Challenge(ChallengeArea.SOLID_WASTE, 1)), List.of(), null, List.of(),
                List.of("14050", "99999", "11321", "14050"), null);
        List<Problem.FieldError> errors = profile.violations(SECTORS);
        assertEquals(List.of("sectors[1]", "sectors[2]", "sectors[3]"), errors.stream().map(Problem.FieldError::field).toList());
        assertEquals("'14050' is listed twice; give each sector once", errors.get(2).detail());
        assertEquals("unknown DAC 5-digit purpose code '99999' (IATI Sector codelist: GET /v1/vocabularies/sectors)", errors.get(0).detail());
        assertEquals("purpose code 11321 (Lower secondary education) was withdrawn from the IATI Sector codelist on 2019-12-31"
                + " (active codes: GET /v1/vocabularies/sectors)",
                errors.get(1).detail());
    }

    @Test
    void moneyIsShownWithThousandsSeparators() {
        assertEquals("300,000 USD", new Money("300000", "USD").display());
        assertEquals("1,234.5 EUR", new Money("1234.50", "EUR").display());
    }
}
