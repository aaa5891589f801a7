package org.citycoop.twinning.suggestion;

import org.citycoop.twinning.vocabulary.CityRole;
import org.citycoop.twinning.vocabulary.TwinningStatus;
import org.citycoop.twinning.vocabulary.ChallengeArea;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.citycoop.twinning.suggestion.CriterionResult.Result.FAILED;
import static org.citycoop.twinning.suggestion.CriterionResult.Result.MET;
import static org.citycoop.twinning.suggestion.CriterionResult.Result.PARTLY_MET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartnerScoringTest {

    // Registry values (GeoNames).
    static final PartnerScoring.Place SURABAYA = new PartnerScoring.Place("1625822", "Surabaya", "ID", 2374658, -7.24917, 112.75083);
    static final PartnerScoring.Place KITAKYUSHU = new PartnerScoring.Place("1859307", "Kitakyushu", "JP", 997536, 33.85181, 130.85034);
    static final PartnerScoring.Place CEBU = new PartnerScoring.Place("1717512", "Cebu City", "PH", 798634, 10.31672, 123.89071);

    static PartnerScoring.Involvement composting(TwinningStatus status, CityRole role, int achieved) {
        return new PartnerScoring.Involvement(UUID.randomUUID(), "Kitakyushu and Surabaya composting cooperation", status,
                Set.of(ChallengeArea.SOLID_WASTE), role, Set.of("1859307", "1625822"), achieved);
    }

    private static CriterionResult.Result result(PartnerScoring.Scored scored, Criterion criterion) {
        return scored.criteria().stream().filter(c -> c.criterion() == criterion).findFirst().orElseThrow().result();
    }

    @Test
    void kitakyushusCompletedCompostingCooperationWithSurabayaIsTrackRecord() {
        PartnerScoring.Candidate kitakyushu = new PartnerScoring.Candidate(KITAKYUSHU, null,
                List.of(composting(TwinningStatus.COMPLETED, CityRole.MENTOR, 2)));
        PartnerScoring.Scored scored = PartnerScoring.score(SURABAYA, ChallengeArea.SOLID_WASTE, Set.of(), kitakyushu);

        assertEquals(MET, result(scored, Criterion.TRACK_RECORD));
        assertTrue(scored.criteria().get(1).detail().contains("Kitakyushu and Surabaya composting cooperation"));
        assertEquals(PARTLY_MET, result(scored, Criterion.EXPERTISE)); // shown by mentoring, not declared
        assertEquals(MET, result(scored, Criterion.EXISTING_TIES));
        assertEquals(FAILED, result(scored, Criterion.DISTANCE)); // about 4,600 km
        assertEquals(FAILED, result(scored, Criterion.LANGUAGE)); // ja against id, jv, ms, su
        assertEquals(PARTLY_MET, result(scored, Criterion.SIZE)); // 997,536 / 2,374,658 = 0.42
        assertEquals(0.15 + 0.30 + 0.10 + 0.05, scored.score(), 1e-9);
    }

    @Test
    void anArrangementWithoutAchievedOutcomesOrStillProposedIsNoProvenRecord() {
        assertEquals(PARTLY_MET, result(PartnerScoring.score(SURABAYA, ChallengeArea.SOLID_WASTE, Set.of(),
                new PartnerScoring.Candidate(KITAKYUSHU, null, List.of(composting(TwinningStatus.ACTIVE, CityRole.MENTOR, 0)))),
                Criterion.TRACK_RECORD));
        assertEquals(PARTLY_MET, result(PartnerScoring.score(CEBU, ChallengeArea.SOLID_WASTE, Set.of(),
                new PartnerScoring.Candidate(SURABAYA, null, List.of(composting(TwinningStatus.COMPLETED, CityRole.PARTNER, 2)))),
                Criterion.TRACK_RECORD));
        PartnerScoring.Scored proposed = PartnerScoring.score(CEBU, ChallengeArea.SOLID_WASTE, Set.of(),
                new PartnerScoring.Candidate(KITAKYUSHU, null, List.of(composting(TwinningStatus.PROPOSED, CityRole.MENTOR, 2))));
        assertEquals(FAILED, result(proposed, Criterion.TRACK_RECORD));
        assertEquals(FAILED, result(proposed, Criterion.EXPERTISE));
        assertEquals(FAILED, result(proposed, Criterion.EXISTING_TIES));
        PartnerScoring.Scored otherTheme = PartnerScoring.score(SURABAYA, ChallengeArea.AIR_QUALITY, Set.of(),
                new PartnerScoring.Candidate(KITAKYUSHU, null, List.of(composting(TwinningStatus.COMPLETED, CityRole.MENTOR, 2))));
        assertEquals(FAILED, result(otherTheme, Criterion.TRACK_RECORD));
    }

    @Test
    void declaredSectorsDecideHowWellTheExpertiseFits() {
        assertEquals(MET, PartnerScoring.expertise(ChallengeArea.SOLID_WASTE, Set.of("14050"), Set.of("14050", "14010"), List.of()).result());
        assertEquals(MET, PartnerScoring.expertise(ChallengeArea.SOLID_WASTE, Set.of(), Set.of("14050"), List.of()).result());
        assertEquals(MET, PartnerScoring.expertise(ChallengeArea.SOLID_WASTE, Set.of("14050"), Set.of(), List.of()).result());
        CriterionResult other = PartnerScoring.expertise(ChallengeArea.SOLID_WASTE, Set.of("14050"), Set.of("14010"), List.of());
        assertEquals(PARTLY_MET, other.result());
        assertTrue(other.detail().contains("[14010]") && other.detail().contains("[14050]"), other.detail());
    }

    @Test
    void distanceLanguageAndSizeCompareTheValuesTheyName() {
        CriterionResult distance = PartnerScoring.distance(SURABAYA, CEBU); // about 2,000 km
        assertEquals(PARTLY_MET, distance.result());
        assertTrue(distance.detail().matches("\\d+ km apart.*"), distance.detail());
        assertEquals(MET, PartnerScoring.distance(KITAKYUSHU, KITAKYUSHU).result());

        CriterionResult language = PartnerScoring.language(CEBU, new PartnerScoring.Place("1", "Singapore", "SG", 1, 0, 0));
        assertEquals(MET, language.result());
        assertTrue(language.detail().contains("shared [en]"), language.detail());
        assertEquals(FAILED, PartnerScoring.language(SURABAYA, KITAKYUSHU).result());

        assertEquals(MET, PartnerScoring.size(KITAKYUSHU, CEBU).result()); // 0.80
        assertEquals(FAILED, PartnerScoring.size(SURABAYA, new PartnerScoring.Place("2", "Small", "ID", 100000, 0, 0)).result());
    }

    @Test
    void theScoreIsTheSumOfThePointsAndTheRankingPutsTheBestFirst() {
        PartnerScoring.Scored proven = PartnerScoring.score(SURABAYA, ChallengeArea.SOLID_WASTE, Set.of(),
                new PartnerScoring.Candidate(KITAKYUSHU, Set.of("14050"), List.of(composting(TwinningStatus.COMPLETED, CityRole.MENTOR, 1))));
        PartnerScoring.Scored declaredOnly = PartnerScoring.score(SURABAYA, ChallengeArea.SOLID_WASTE, Set.of(),
                new PartnerScoring.Candidate(CEBU, Set.of("14050"), List.of()));
        assertEquals(proven.criteria().stream().mapToDouble(CriterionResult::points).sum(), proven.score(), 1e-9);
        List<PartnerScoring.Scored> ranked = java.util.stream.Stream.of(declaredOnly, proven).sorted(PartnerScoring.RANKING).toList();
        assertEquals("1859307", ranked.get(0).candidate().place().id());
        assertEquals(1.0, java.util.Arrays.stream(Criterion.values()).mapToDouble(Criterion::weight).sum(), 1e-9);
    }
}
