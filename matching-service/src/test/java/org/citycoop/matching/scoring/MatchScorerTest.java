package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.ActivityData;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.SupportType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.citycoop.matching.scoring.Fixtures.NOW;
import static org.citycoop.matching.scoring.Fixtures.scheme;
import static org.citycoop.matching.scoring.Fixtures.surabaya;
import static org.citycoop.matching.scoring.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchScorerTest {

    /** The agency's published IATI activity: one in Indonesia, waste management (14050), started 2015. */
    static TrackRecords workedInIndonesia() {
        ActivityData activity = new ActivityData("a1", "unep-ietc", "XM-DAC-41116-1",
                new ActivityData.Dates("2015-04-01", null, null, null), List.of(new ActivityData.Coded("ID", null)),
                List.of(new ActivityData.Coded("14050", "1")), "2026-09-30T00:00:00Z", 1L);
        return (agencyId, country, sectors) -> TrackRecord.of("UNEP-IETC", List.of(activity), country, sectors);
    }

    @Test
    void scoreIsTheWeightedSumOfTheSoftCriteria() {
        // challenges 2/3 * 0.35 = 0.2333, support types 1/2 * 0.20 = 0.1, budget 1 * 0.15, no sector asked 1 * 0.10,
        // no co-financing required 1 * 0.05, language 1 * 0.05, an IATI activity in Indonesia 1 * 0.10: 0.7833.
        Match match = MatchScorer.score(surabaya(), scheme().build(), List.of(), workedInIndonesia(), NOW);
        assertEquals(0.783, match.score());
        assertTrue(match.eligible());
        assertEquals(SchemeStatus.OPEN, match.status());
        assertEquals(List.of("relevance", "applicantType", "country", "status", "deadline", "partnerCity",
                "challenges", "supportTypes", "budget", "sectors", "coFinancing", "language", "trackRecord"),
                match.explanation().stream().map(a -> a.criterion().key()).toList());
        assertEquals("UNEP-IETC has 1 activity in Indonesia since 2015 (IATI, last updated 2026-09-30)",
                match.explanation().get(12).detail());
        // without IATI data the criterion is unknown, 0.5: 0.7333
        assertEquals(0.733, MatchScorer.score(surabaya(), scheme().build(), List.of(), NOW).score());
    }

    @Test
    void aSchemeThatFitsInEverySoftCriterionScoresOne() {
        var perfect = scheme().challengeAreas(ChallengeArea.SOLID_WASTE, ChallengeArea.INSTITUTIONS)
                .supportTypes(SupportType.FINANCIAL, SupportType.TECHNICAL).build();
        assertEquals(1.0, MatchScorer.score(surabaya(), perfect, List.of(), workedInIndonesia(), NOW).score());
    }

    @Test
    void scoreIsRoundedToThreeDecimals() {
        // challenges 1/3 * 0.35 = 0.1167, support 0.1, budget 0.3 * 0.15 = 0.045, sectors 0.1, co-financing 0.05,
        // language 0.05, track record 1 * 0.1: 0.56167 -> 0.562.
        var scheme = scheme().challengeAreas(ChallengeArea.INSTITUTIONS).fundingRange(usd("1000"), usd("90000")).build();
        assertEquals(0.562, MatchScorer.score(surabaya(), scheme, List.of(), workedInIndonesia(), NOW).score());
        // challenges 1/(1 + 1/3) = 0.75 * 0.35 = 0.2625, support 0.1, budget 0.15, sectors 0.1, co-financing 0.05,
        // language 0.05, track record 1 * 0.1: 0.8125 -> 0.813.
        NeedsProfile threePriorities = new NeedsProfile("1625822", "ID", surabaya().applicantType(),
                List.of(new NeedsProfile.Challenge(ChallengeArea.SOLID_WASTE, 1), new NeedsProfile.Challenge(ChallengeArea.REGULATIONS, 3)),
                surabaya().supportTypes(), usd("300000"), List.of("en"));
        assertEquals(0.813, MatchScorer.score(threePriorities, scheme().build(), List.of(), workedInIndonesia(), NOW).score());
    }

    @Test
    void aFailedHardCriterionMakesTheSchemeIneligibleButKeepsItsScore() {
        Match closed = MatchScorer.score(surabaya(), scheme().status(SchemeStatus.WITHDRAWN).build(), List.of(), NOW);
        assertFalse(closed.eligible());
        assertEquals(0.733, closed.score());
        assertEquals(CriterionResult.FAILED, closed.explanation().get(3).result());
        Match regionsOnly = MatchScorer.score(surabaya(), scheme().eligibleCountries().eligibleRegions("789").build(), List.of(), NOW);
        assertTrue(regionsOnly.eligible(), "PARTLY_MET does not make a scheme ineligible");
    }

    @Test
    void rankingPutsEligibleFirstThenHigherScoreThenAgencyAndReference() {
        // equal scores: gef/Z before jica/A before jica/B, whatever their (random) scheme ids
        Match b = MatchScorer.score(surabaya(), scheme().id("a").agencyId("jica").ref("B").build(), List.of(), NOW);
        Match a = MatchScorer.score(surabaya(), scheme().id("b").agencyId("jica").ref("A").build(), List.of(), NOW);
        Match c = MatchScorer.score(surabaya(), scheme().id("c").agencyId("gef").ref("Z").build(), List.of(), NOW);
        Match best = MatchScorer.score(surabaya(), scheme().id("z").challengeAreas(ChallengeArea.SOLID_WASTE, ChallengeArea.INSTITUTIONS).build(), List.of(), NOW);
        Match ineligibleButHigh = MatchScorer.score(surabaya(), scheme().id("0").eligibleCountries("VN")
                .challengeAreas(ChallengeArea.SOLID_WASTE, ChallengeArea.INSTITUTIONS).build(), List.of(), NOW);
        List<Match> ranked = new ArrayList<>(List.of(ineligibleButHigh, b, a, c, best));
        ranked.sort(Match.RANKING);
        assertEquals(List.of("z", "c", "b", "a", "0"), ranked.stream().map(m -> m.scheme().id()).toList());
    }

    @Test
    void topNKeepsTheBestInOrder() {
        TopN<Integer> top = new TopN<>(3, Integer::compare);
        List.of(9, 4, 7, 1, 8, 3, 3).forEach(top::offer);
        assertEquals(List.of(1, 3, 3), top.best());
        TopN<Integer> few = new TopN<>(5, Integer::compare);
        List.of(2, 1).forEach(few::offer);
        assertEquals(List.of(1, 2), few.best());
    }
}
