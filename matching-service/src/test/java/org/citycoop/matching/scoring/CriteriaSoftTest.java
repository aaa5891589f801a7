package org.citycoop.matching.scoring;

import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SupportType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.citycoop.matching.scoring.CriterionResult.FAILED;
import static org.citycoop.matching.scoring.CriterionResult.MET;
import static org.citycoop.matching.scoring.CriterionResult.PARTLY_MET;
import static org.citycoop.matching.scoring.Fixtures.scheme;
import static org.citycoop.matching.scoring.Fixtures.surabaya;
import static org.citycoop.matching.scoring.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CriteriaSoftTest {

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

    @Test
    void supportTypesScoreTheShareOffered() {
        assertRating(PARTLY_MET, 0.5, "offers TECHNICAL of TECHNICAL, FINANCIAL", Criteria.supportTypes(surabaya(), scheme().build()));
        assertRating(FAILED, 0, "offers LOAN, none of TECHNICAL, FINANCIAL",
                Criteria.supportTypes(surabaya(), scheme().supportTypes(SupportType.LOAN).build()));
        NeedsProfile anySupport = new NeedsProfile("1625822", "ID", ApplicantType.LOCAL_GOVERNMENT, surabaya().challenges(),
                List.of(), null, List.of());
        assertRating(MET, 1, "no support type asked for", Criteria.supportTypes(anySupport, scheme().build()));
    }

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

    @Test
    void languageIsMetWhenTheSchemeHasAWantedLanguageElseEnglishAtHalf() {
        NeedsProfile japanese = surabaya().withLanguages(List.of("ja-JP", "en"));
        assertRating(MET, 1, "available in ja", Criteria.language(japanese, scheme().build()));
        NeedsProfile french = surabaya().withLanguages(List.of("fr"));
        assertRating(PARTLY_MET, 0.5, "not available in fr; shown in English", Criteria.language(french, scheme().build()));
        assertRating(MET, 1, "available in en", Criteria.language(surabaya().withLanguages(List.of()), scheme().names(Map.of()).build()));
    }

    @Test
    void nameIsInTheFirstWantedLanguageTheSchemeHasElseEnglish() {
        var scheme = scheme().build();
        assertEquals("都市の堆肥化支援", SchemeLanguages.name(scheme, List.of("fr", "ja", "en")));
        assertEquals("Composting support for cities", SchemeLanguages.name(scheme, List.of("fr")));
        assertEquals("Composting support for cities", SchemeLanguages.name(scheme().name(null).build(), List.of()));
    }

    @Test
    void sectorsAreTheShareOfTheAskedDacCodesTheSchemeFunds() {
        NeedsProfile none = surabaya();
        NeedsProfile two = withSectorsAndCoFinancing(List.of("14050", "15110"), null);
        assertRating(MET, 1, "no DAC sector asked for", Criteria.sectors(none, scheme().sectors("41010").build()));
        assertRating(PARTLY_MET, 0.5, "funds DAC sectors 14050 of 14050, 15110", Criteria.sectors(two, scheme().sectors("14050", "41010").build()));
        assertRating(FAILED, 0, "funds DAC sectors 41010, none of 14050, 15110", Criteria.sectors(two, scheme().sectors("41010").build()));
        assertRating(PARTLY_MET, 0.5, "the scheme publishes no DAC sectors; asked for 14050, 15110", Criteria.sectors(two, scheme().build()));
    }

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

    private static void assertRating(CriterionResult result, double value, String detail, Criteria.Rating rating) {
        assertEquals(detail, rating.assessment().detail());
        assertEquals(result, rating.assessment().result());
        assertEquals(value, rating.value(), 1e-9);
    }
}
