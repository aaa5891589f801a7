package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.WindowKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.citycoop.matching.scoring.Fixtures.NOW;
import static org.citycoop.matching.scoring.Fixtures.scheme;
import static org.citycoop.matching.scoring.Fixtures.surabaya;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link MatchScorer#eligible} and {@link MatchScorer#weightedScore} against {@link MatchScorer#score} on edge inputs that generated profiles do not reach: amounts at
 * the range ends in other scales, beyond double precision or negative, currencies and country codes that are not ISO,
 * language tags with regions, more languages than {@link LanguageBits} has bits, and one prepared scheme asked at many
 * random times around its deadlines.
 */
class RankEdgeCasesTest {

    static final List<String> PROFILE_AMOUNTS = List.of("300000", "300000.00", "300000.0001", "299999.9999", "0", "0.0001",
            "999999999999999.9999", "999999999999999.9998", "999999999999999", "10000", "3000000", "9007199254740993",
            "123456789012345.6789");
    static final List<String> SCHEME_AMOUNTS = List.of("300000", "300000.00", "3E+5", "3.000000E5", "299999.99999999999999",
            "300000.00000000000001", "0", "0.0001", "1E-400", "1E+400", "-1", "-1E+400", "999999999999999.9999",
            "999999999999999.99985", "1000000000000000", "9007199254740992", "9007199254740993", " 300000 ", "10000",
            "3000000", "123456789012345.6789", "123456789012345.67890001");
    static final List<String> CURRENCIES = List.of("USD", "usd", "XXX", "US$", "JPY");
    static final List<String> SCHEME_COUNTRIES = List.of("ID", "id", "VN", "CM", "AA", "CL", "IDN", "", "I", "ZZ");
    static final List<String> PROFILE_COUNTRIES = List.of("ID", "VN", "CM", "AA", "CL", "ZZ");
    static final List<String> TAGS = List.of("en", "en-GB", "EN", "ja-JP", "zh-Hant-TW", "fr", "x-private", "i-klingon", "ja");

    @Test
    void rankAgreesWithScoreOnEdgeInputs() {
        Random random = new Random(42);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Money budget = random.nextInt(10) == 0 ? null : new Money(pick(random, PROFILE_AMOUNTS), new String(pick(random, CURRENCIES)));
            Money min = random.nextInt(3) == 0 ? null : new Money(pick(random, SCHEME_AMOUNTS), new String(pick(random, CURRENCIES)));
            Money max = random.nextInt(3) == 0 ? null : new Money(pick(random, SCHEME_AMOUNTS), new String(pick(random, CURRENCIES)));
            if (random.nextBoolean() && budget != null) {
                if (min != null) min = new Money(min.amount(), new String(budget.currency()));
                if (max != null) max = new Money(max.amount(), new String(budget.currency()));
            }
            List<String> countries = new ArrayList<>();
            for (int c = random.nextInt(4); c > 0; c--) countries.add(pick(random, SCHEME_COUNTRIES));
            List<String> wanted = new ArrayList<>();
            for (int c = random.nextInt(3); c > 0; c--) wanted.add(pick(random, TAGS));
            Map<String, String> names = random.nextBoolean() ? Map.of(pick(random, TAGS), "n") : Map.of();
            NeedsProfile base = surabaya();
            NeedsProfile profile = new NeedsProfile(base.cityId(), pick(random, PROFILE_COUNTRIES), base.applicantType(),
                    base.challenges(), base.supportTypes(), budget, wanted, List.of(), random.nextBoolean() ? null
                    : new Money(pick(random, PROFILE_AMOUNTS), budget == null ? "USD" : budget.currency()));
            Fixtures.SchemeBuilder builder = scheme().eligibleCountries(countries.toArray(String[]::new)).names(names)
                    .name(random.nextBoolean() ? null : "x");
            builder.fundingRange = random.nextInt(8) == 0 ? null : new SchemeData.FundingRange(min, max);
            if (random.nextBoolean()) builder.coFinancingShare(pick(random, List.of("0.5", "1E+20", "0.005", "-0.5", "0.125")));
            SchemeData s = builder.build();
            Match full = MatchScorer.score(profile, s, List.of(), NOW);
            double quickScore = MatchScorer.weightedScore(PreparedProfile.of(profile, List.of(), TrackRecords.NONE, NOW), PreparedScheme.of(s));
            boolean quickEligible = MatchScorer.eligible(PreparedProfile.of(profile, List.of(), TrackRecords.NONE, NOW), PreparedScheme.of(s));
            if (full.score() != quickScore || full.eligible() != quickEligible) {
                failures.add("budget " + budget + " range " + min + ".." + max + " countries " + countries + " profile "
                        + profile.country() + " langs " + wanted + " names " + names + ": score " + full.score() + "/" + quickScore
                        + " eligible " + full.eligible() + "/" + quickEligible);
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
    }

    @Test
    void annualDeadlinesAskedAtRandomTimes() {
        Random random = new Random(7);
        List<String> failures = new ArrayList<>();
        List<OffsetDateTime> deadlines = List.of(OffsetDateTime.parse("2024-02-29T23:59:59.999999999+14:00"),
                OffsetDateTime.parse("2020-02-29T00:00:00-12:00"), OffsetDateTime.parse("2026-03-01T00:00:00Z"),
                OffsetDateTime.parse("2027-01-15T10:00:00+09:00"), OffsetDateTime.parse("2031-12-31T23:59:59.5+05:45"));
        for (OffsetDateTime deadline : deadlines) {
            for (WindowKind kind : List.of(WindowKind.ANNUAL, WindowKind.FIXED)) {
                SchemeData s = scheme().window(kind, deadline.minusDays(40), deadline).build();
                PreparedScheme prepared = PreparedScheme.of(s);
                for (int i = 0; i < 2_000; i++) {
                    Instant at = NOW.plus(Duration.ofSeconds(random.nextLong() % (6L * 365 * 86400))).plusNanos(random.nextInt(1_000_000_000));
                    if (random.nextInt(5) == 0) at = deadline.toInstant().plusSeconds(random.nextInt(3) - 1).plusNanos(random.nextInt(3) - 1);
                    if (random.nextInt(5) == 0) at = deadline.toInstant().minus(Duration.ofDays(14)).plusNanos(random.nextInt(3) - 1);
                    Match full = MatchScorer.score(surabaya(), s, List.of(), at);
                    boolean quick = MatchScorer.eligible(PreparedProfile.of(surabaya(), List.of(), TrackRecords.NONE, at), prepared);
                    if (full.eligible() != quick) {
                        failures.add(kind + " " + deadline + " at " + at + ": " + full.eligible() + "/" + quick);
                    }
                }
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
    }

    @Test
    void manyLanguages() {
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < 80; i++) wanted.add("q" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + "-GB");
        NeedsProfile profile = surabaya().withLanguages(wanted);
        for (int i = 0; i < 80; i++) {
            SchemeData s = scheme().name(null).names(Map.of(("Q" + (char) ('a' + i / 26) + (char) ('a' + i % 26)).toUpperCase(), "n")).build();
            SchemeData t = scheme().name(null).names(Map.of("zz" + i, "n")).build();
            for (SchemeData x : List.of(s, t)) {
                assertEquals(MatchScorer.score(profile, x, List.of(), NOW).score(),
                        MatchScorer.weightedScore(PreparedProfile.of(profile, List.of(), TrackRecords.NONE, NOW), PreparedScheme.of(x)), x.names().toString());
            }
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
