package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.ActivityData;
import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.vocabulary.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static org.citycoop.matching.scoring.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link MatchScorer#eligible} and {@link MatchScorer#weightedScore} (numbers only) against {@link MatchScorer#score} (with the explanation) on the seeded
 * random cases of {@link ScoringPropertiesTest}, with DAC sectors, co-financing shares and co-financing amounts
 * added at random: the same score and eligibility for every case, and the same ranking of a list of schemes when
 * the best are chosen by the numbers only.
 */
class MatchScorerRankTest {

    private static final List<String> SECTORS = List.of("14050", "14020", "23210", "43030");
    private static final List<String> SHARES = List.of("0", "0.1", "0.25", "0.5", "1", "not a number");

    static LongStream seeds() {
        return new Random(20270202L).longs(ScoringPropertiesTest.CASES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rankGivesTheScoreAndEligibilityOfScore(long seed) {
        Random random = new Random(seed);
        ScoringPropertiesTest.Case c = ScoringPropertiesTest.Case.generate(seed);
        NeedsProfile profile = withSectorsAndCoFinancing(c.profile(), random);
        SchemeData scheme = withSectorsAndShare(c.scheme(), random);
        TrackRecords records = trackRecords(random, profile.country(), List.of(scheme.agencyId()));
        Match full = MatchScorer.score(profile, scheme, c.arrangements(), records, NOW);
        double quickScore = MatchScorer.weightedScore(PreparedProfile.of(profile, c.arrangements(), records, NOW), PreparedScheme.of(scheme));
        boolean quickEligible = MatchScorer.eligible(PreparedProfile.of(profile, c.arrangements(), records, NOW), PreparedScheme.of(scheme));
        assertEquals(full.score(), quickScore, c.failure("score"));
        assertEquals(full.eligible(), quickEligible, c.failure("eligibility"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void choosingTheBestByNumbersOnlyGivesTheSameRanking(long seed) {
        Random random = new Random(seed);
        ScoringPropertiesTest.Case first = ScoringPropertiesTest.Case.generate(seed);
        NeedsProfile profile = withSectorsAndCoFinancing(first.profile(), random);
        List<ArrangementData> arrangements = first.arrangements();
        List<SchemeData> schemes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SchemeData generated = withSectorsAndShare(ScoringPropertiesTest.Case.generate(random.nextLong()).scheme(), random);
            schemes.add(new SchemeData(generated.id(), "agency-" + random.nextInt(3), "REF-" + random.nextInt(3), generated.name(),
                    generated.names(), generated.description(), generated.descriptions(), generated.supportTypes(),
                    generated.challengeAreas(), generated.applicantTypes(), generated.channel(), generated.partnerCityRequired(),
                    generated.eligibleCountries(), generated.eligibleRegions(), generated.fundingRange(), generated.processSteps(),
                    generated.window(), generated.supersededBy(), generated.status(), generated.sourceUrl(), generated.version(),
                    generated.sectors(), generated.coFinancingShare()));
        }
        int limit = 1 + random.nextInt(10);
        TrackRecords records = trackRecords(random, profile.country(), List.of("agency-0", "agency-1", "agency-2"));

        List<Match> full = schemes.stream().map(scheme -> MatchScorer.score(profile, scheme, arrangements, records, NOW))
                .sorted(Match.RANKING).limit(limit).toList();
        TopN<Match> byNumbers = new TopN<>(limit, Match.RANKING);
        PreparedProfile prepared = PreparedProfile.of(profile, arrangements, records, NOW);
        for (SchemeData scheme : schemes) {
            PreparedScheme quick = PreparedScheme.of(scheme);
            byNumbers.offer(new Match(scheme, null, MatchScorer.weightedScore(prepared, quick),
                    MatchScorer.eligible(prepared, quick), List.of()));
        }
        List<Match> quick = byNumbers.best().stream().map(match -> MatchScorer.score(profile, match.scheme(), arrangements, records, NOW))
                .sorted(Match.RANKING).toList();

        assertEquals(full, quick, first.failure("ranking of 40 schemes, limit " + limit));
    }

    /**
     * Generated IATI activities of the agencies: none to three each, in the profile's country or another, in one or two
     * of {@link #SECTORS} or another vocabulary, so that the trackRecord criterion takes each of its values.
     */
    static TrackRecords trackRecords(Random random, String country, List<String> agencyIds) {
        Map<String, List<ActivityData>> byAgency = new HashMap<>();
        for (String agency : agencyIds) {
            List<ActivityData> activities = new ArrayList<>();
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                String where = random.nextBoolean() ? country : "TH";
                List<ActivityData.Coded> sectors = new ArrayList<>();
                sectors.add(new ActivityData.Coded(SECTORS.get(random.nextInt(SECTORS.size())), random.nextBoolean() ? null : "1"));
                if (random.nextBoolean()) {
                    sectors.add(new ActivityData.Coded(SECTORS.get(random.nextInt(SECTORS.size())), "2"));
                }
                String start = (2005 + random.nextInt(20)) + "-04-01";
                activities.add(new ActivityData(agency + "-" + i, agency, "XM-DAC-1-" + agency + "-" + i,
                        new ActivityData.Dates(start, random.nextBoolean() ? start : null, null, null),
                        List.of(new ActivityData.Coded(where, null)), sectors, "2026-0" + (1 + random.nextInt(9)) + "-15T00:00:00Z", 1L));
            }
            byAgency.put(agency, activities);
        }
        return (agencyId, where, sectors) -> TrackRecord.of(agencyId, byAgency.getOrDefault(agencyId, List.of()), where, sectors);
    }

    private static NeedsProfile withSectorsAndCoFinancing(NeedsProfile profile, Random random) {
        List<String> sectors = random.nextInt(3) == 0 ? List.of() : SECTORS.subList(0, 1 + random.nextInt(SECTORS.size() - 1));
        Money coFinancing = random.nextInt(3) == 0 ? null
                : new Money(String.valueOf(random.nextInt(500_000)), random.nextInt(4) == 0 ? "JPY" : "USD");
        return new NeedsProfile(profile.cityId(), profile.country(), profile.applicantType(), profile.challenges(),
                profile.supportTypes(), profile.budget(), profile.languages(), sectors, coFinancing);
    }

    private static SchemeData withSectorsAndShare(SchemeData s, Random random) {
        List<String> sectors = random.nextInt(3) == 0 ? List.of() : SECTORS.subList(random.nextInt(2), 2 + random.nextInt(SECTORS.size() - 2));
        String share = random.nextInt(3) == 0 ? null : SHARES.get(random.nextInt(SHARES.size()));
        return new SchemeData(s.id(), s.agencyId(), s.ref(), s.name(), s.names(), s.description(), s.descriptions(),
                s.supportTypes(), s.challengeAreas(), s.applicantTypes(), s.channel(), s.partnerCityRequired(),
                s.eligibleCountries(), s.eligibleRegions(), s.fundingRange(), s.processSteps(), s.window(), s.supersededBy(),
                s.status(), s.sourceUrl(), s.version(), sectors, share);
    }
}
