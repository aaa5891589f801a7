package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.readmodel.SchemeData.ApplicationWindow;
import org.citycoop.matching.readmodel.SchemeData.FundingRange;
import org.citycoop.matching.readmodel.SchemeData.PartnerCityRequirement;
import org.citycoop.matching.readmodel.SchemeData.ProcessStep;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ArrangementStatus;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.StepActor;
import org.citycoop.matching.vocabulary.SupportType;
import org.citycoop.matching.vocabulary.WindowKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static org.citycoop.matching.scoring.Fixtures.NOW;
import static org.citycoop.matching.scoring.Fixtures.days;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the scoring rules over generated profiles, schemes and twinning arrangements.
 *
 * <p>Each property runs once per seed of {@link #seeds()}: {@value #CASES} seeds drawn from the fixed
 * {@link #BASE_SEED}, the same on every run. A case generates all its inputs ({@link Case#generate}) from a
 * {@link Random} with its own seed, which the test's name and every failure message show; to reproduce a
 * failure, run the property with that seed alone (for example with {@code @ValueSource(longs = ...)} in place
 * of the {@code @MethodSource}).
 *
 * <p>Properties that only apply to some cases (the ones that add something to the profile) return early for
 * the others, counting how many cases they checked; {@link #eachConditionalPropertyCheckedEnoughCases()} fails
 * when a full run checked fewer than {@value #MIN_CHECKED} of them, so a property cannot silently test nothing.
 */
class ScoringPropertiesTest {

    static final int CASES = 500;
    /** A full run of a conditional property must check at least this many of its {@value #CASES} cases. */
    static final int MIN_CHECKED = CASES / 5;
    private static final long BASE_SEED = 20270101L;

    private static final List<String> COUNTRIES = List.of("ID", "VN", "JP", "TH");
    private static final List<String> CITY_IDS = List.of("1625822", "1859307", "1566083", "1609350");
    private static final List<String> LANGUAGES = List.of("en", "ja", "fr", "en-GB");
    private static final List<String> REGIONS = List.of("789", "798");
    private static final List<Map<String, String>> SCHEME_NAMES =
            List.of(Map.of("ja", "名前"), Map.of("en", "Name", "fr", "Nom"), Map.of());
    private static final List<String> CURRENCIES = List.of("USD", "USD", "JPY");
    /** Amounts (in units, two decimals) that random drawing rarely hits: the ends of the range and the smallest step. */
    private static final List<String> EDGE_AMOUNTS = List.of("0.00", "0.01", "10000000.00");

    private static final Counter COVERED_CHALLENGE = new Counter();
    private static final Counter OFFERED_SUPPORT_TYPE = new Counter();

    /** The seed of each generated case. */
    static LongStream seeds() {
        return new Random(BASE_SEED).longs(CASES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scoreStaysBetweenZeroAndOneWithThreeDecimals(long seed) {
        Case c = Case.generate(seed);
        Match match = MatchScorer.score(c.profile(), c.scheme(), c.arrangements(), NOW);
        assertTrue(match.score() >= 0 && match.score() <= 1, c.failure("score " + match.score() + " outside [0, 1]"));
        assertEquals(Math.round(match.score() * 1000) / 1000.0, match.score(), c.failure("score has more than 3 decimals"));
        assertEquals(Criterion.values().length, match.explanation().size(), c.failure("not one explanation per criterion"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aFailedHardCriterionAlwaysMeansIneligibleAndOnlyThen(long seed) {
        Case c = Case.generate(seed);
        Match match = MatchScorer.score(c.profile(), c.scheme(), c.arrangements(), NOW);
        boolean hardFailure = match.explanation().stream()
                .anyMatch(a -> a.criterion().isHard() && a.result() == CriterionResult.FAILED);
        assertEquals(!hardFailure, match.eligible(), c.failure("hard failure " + hardFailure + " but eligible " + match.eligible()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSchemeOutsideTheCitysCountryOrWithdrawnIsNeverEligible(long seed) {
        Case c = Case.generate(seed);
        List<String> otherCountries = COUNTRIES.stream().filter(country -> !country.equals(c.profile().country())).toList();
        SchemeData elsewhere = withCountries(c.scheme(), otherCountries);
        assertFalse(MatchScorer.score(c.profile(), elsewhere, c.arrangements(), NOW).eligible(),
                c.failure("eligible when only open to " + otherCountries));
        SchemeData withdrawn = c.scheme().withStatus(SchemeStatus.WITHDRAWN);
        assertFalse(MatchScorer.score(c.profile(), withdrawn, c.arrangements(), NOW).eligible(), c.failure("eligible when withdrawn"));
    }

    /**
     * Adding a challenge area that the scheme covers, at any priority, never lowers the score: the covered
     * share (C + w) / (T + w) is at least C / T. It cannot make an eligible scheme ineligible either. Cases
     * where the profile already asks for every area the scheme covers are skipped.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addingACoveredChallengeNeverLowersTheScore(long seed) {
        Case c = Case.generate(seed);
        NeedsProfile profile = c.profile();
        List<ChallengeArea> addable = c.scheme().challengeAreas().stream()
                .filter(area -> !profile.challengeAreas().contains(area)).toList();
        if (!COVERED_CHALLENGE.ran(!addable.isEmpty())) {
            return;
        }
        NeedsProfile.Challenge added = new NeedsProfile.Challenge(addable.get(0), c.priority());
        List<NeedsProfile.Challenge> more = new ArrayList<>(profile.challenges());
        more.add(added);
        NeedsProfile extended = new NeedsProfile(profile.cityId(), profile.country(), profile.applicantType(), more,
                profile.supportTypes(), profile.budget(), profile.languages());
        Match before = MatchScorer.score(profile, c.scheme(), c.arrangements(), NOW);
        Match after = MatchScorer.score(extended, c.scheme(), c.arrangements(), NOW);
        assertTrue(after.score() >= before.score(), c.failure("adding " + added + ": score " + before.score() + " -> " + after.score()));
        assertTrue(!before.eligible() || after.eligible(), c.failure("adding " + added + " made an eligible scheme ineligible"));
    }

    /**
     * Adding a wanted support type that the scheme offers never lowers the score. Cases where the profile
     * already wants every type the scheme offers are skipped.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addingAnOfferedSupportTypeNeverLowersTheScore(long seed) {
        Case c = Case.generate(seed);
        NeedsProfile profile = c.profile();
        List<SupportType> addable = c.scheme().supportTypes().stream()
                .filter(type -> !profile.supportTypes().contains(type)).toList();
        if (!OFFERED_SUPPORT_TYPE.ran(!addable.isEmpty())) {
            return;
        }
        List<SupportType> more = new ArrayList<>(profile.supportTypes());
        more.add(addable.get(0));
        NeedsProfile extended = new NeedsProfile(profile.cityId(), profile.country(), profile.applicantType(), profile.challenges(),
                more, profile.budget(), profile.languages());
        double before = MatchScorer.score(profile, c.scheme(), List.of(), NOW).score();
        double after = MatchScorer.score(extended, c.scheme(), List.of(), NOW).score();
        assertTrue(after >= before, c.failure("adding " + addable.get(0) + ": score " + before + " -> " + after));
    }

    /** Checked after all properties: a conditional property that ran all its cases checked enough of them. */
    @AfterAll
    static void eachConditionalPropertyCheckedEnoughCases() {
        COVERED_CHALLENGE.assertCheckedEnough("addingACoveredChallengeNeverLowersTheScore");
        OFFERED_SUPPORT_TYPE.assertCheckedEnough("addingAnOfferedSupportTypeNeverLowersTheScore");
    }

    private static SchemeData withCountries(SchemeData scheme, List<String> countries) {
        return new SchemeData(scheme.id(), scheme.agencyId(), scheme.ref(), scheme.name(), scheme.names(), scheme.description(),
                scheme.descriptions(), scheme.supportTypes(), scheme.challengeAreas(), scheme.applicantTypes(), scheme.channel(),
                scheme.partnerCityRequired(), countries, scheme.eligibleRegions(), scheme.fundingRange(), scheme.processSteps(),
                scheme.window(), scheme.supersededBy(), scheme.status(), scheme.sourceUrl(), scheme.version());
    }

    /** How many cases a conditional property ran, and in how many of them its condition held. */
    private static final class Counter {
        private final AtomicInteger ran = new AtomicInteger();
        private final AtomicInteger checked = new AtomicInteger();

        /** Counts one case; returns {@code applies} so that the property can return early when it is false. */
        boolean ran(boolean applies) {
            ran.incrementAndGet();
            if (applies) {
                checked.incrementAndGet();
            }
            return applies;
        }

        /** Fails when a full run (all cases) checked too few of them; a partial run, such as one seed alone, is not judged. */
        void assertCheckedEnough(String property) {
            if (ran.get() >= CASES) {
                assertTrue(checked.get() >= MIN_CHECKED,
                        property + " checked only " + checked.get() + " of " + ran.get() + " generated cases");
            }
        }
    }

    /**
     * The inputs of one case, all generated from {@code seed} (the lists named are the constants above):
     * <ul>
     * <li>a needs profile: a city of {@code CITY_IDS} or none (20%), a country of {@code COUNTRIES}, any applicant
     * type, 1 to 5 distinct challenge areas each with a priority 1 to 5, 0 to 4 distinct support types, a budget
     * or none (20%), 0 to 2 distinct {@code LANGUAGES};</li>
     * <li>a scheme: 0 to 3 distinct support types, 1 to 4 distinct challenge areas, 0 to 3 distinct applicant
     * types, 0 to 3 distinct eligible {@code COUNTRIES}, 0 or 1 of {@code REGIONS}; a funding range (or none,
     * 20%) whose ends are each absent 30% of the time; an application window whose kind (5%), opening and
     * deadline (10% each; otherwise -400 to 400 days from {@link Fixtures#NOW}) may be absent; 0 to 4 process
     * steps whose actor and typical days (0 to 120) are each absent 10% of the time; any status or none (10%);
     * a partner city required in one of {@code COUNTRIES} (40%); names from {@code SCHEME_NAMES}; superseded
     * (10%) or not;</li>
     * <li>0 to 3 twinning arrangements of 2 or 3 cities of {@code CITY_IDS} (each said to be in any of
     * {@code COUNTRIES}), with any status or none (10%);</li>
     * <li>a priority 1 to 5 for a challenge that a property adds.</li>
     * </ul>
     * Money is an amount 0 to 10,000,000 with two decimals, spread over every order of magnitude and sometimes
     * one of {@code EDGE_AMOUNTS}, in USD (2/3) or JPY.
     */
    record Case(long seed, NeedsProfile profile, SchemeData scheme, List<ArrangementData> arrangements, int priority) {

        static Case generate(long seed) {
            Random random = new Random(seed);
            return new Case(seed, profile(random), scheme(random), arrangements(random), priority(random));
        }

        /** A failure message naming the seed and the generated inputs. */
        Supplier<String> failure(String what) {
            return () -> "seed " + seed + ": " + what + "\n  " + this;
        }

        private static NeedsProfile profile(Random random) {
            List<NeedsProfile.Challenge> challenges = new ArrayList<>();
            for (ChallengeArea area : distinct(random, ChallengeArea.values(), 1, 5)) {
                challenges.add(new NeedsProfile.Challenge(area, priority(random)));
            }
            return new NeedsProfile(
                    orNull(random, 0.2, () -> oneOf(random, CITY_IDS)),
                    oneOf(random, COUNTRIES),
                    oneOf(random, ApplicantType.values()),
                    challenges,
                    distinct(random, SupportType.values(), 0, 4),
                    orNull(random, 0.2, () -> money(random)),
                    distinct(random, LANGUAGES, 0, 2));
        }

        private static SchemeData scheme(Random random) {
            String id = letters(random, 6);
            return new SchemeData(id, "agency", "REF", "Scheme " + id,
                    oneOf(random, SCHEME_NAMES), null, Map.of(),
                    distinct(random, SupportType.values(), 0, 3),
                    distinct(random, ChallengeArea.values(), 1, 4),
                    distinct(random, ApplicantType.values(), 0, 3),
                    "DIRECT",
                    orNull(random, 0.6, () -> new PartnerCityRequirement(oneOf(random, COUNTRIES))),
                    distinct(random, COUNTRIES, 0, 3),
                    distinct(random, REGIONS, 0, 1),
                    orNull(random, 0.2, () -> fundingRange(random)),
                    processSteps(random),
                    window(random),
                    orNull(random, 0.9, () -> "superseding-scheme"),
                    orNull(random, 0.1, () -> oneOf(random, SchemeStatus.values())),
                    null, 1L);
        }

        private static FundingRange fundingRange(Random random) {
            return new FundingRange(orNull(random, 0.3, () -> money(random)), orNull(random, 0.3, () -> money(random)));
        }

        private static ApplicationWindow window(Random random) {
            return new ApplicationWindow(
                    orNull(random, 0.05, () -> oneOf(random, WindowKind.values())),
                    orNull(random, 0.1, () -> days(between(random, -400, 400))),
                    orNull(random, 0.1, () -> days(between(random, -400, 400))));
        }

        private static List<ProcessStep> processSteps(Random random) {
            List<ProcessStep> steps = new ArrayList<>();
            int count = between(random, 0, 4);
            for (int i = 0; i < count; i++) {
                steps.add(new ProcessStep("step",
                        orNull(random, 0.1, () -> oneOf(random, StepActor.values())),
                        orNull(random, 0.1, () -> between(random, 0, 120))));
            }
            return steps;
        }

        private static List<ArrangementData> arrangements(Random random) {
            List<ArrangementData> arrangements = new ArrayList<>();
            int count = between(random, 0, 3);
            for (int i = 0; i < count; i++) {
                String id = digits(random, 3);
                List<ArrangementData.City> members = new ArrayList<>();
                int size = between(random, 2, 3);
                for (int j = 0; j < size; j++) {
                    String cityId = oneOf(random, CITY_IDS);
                    members.add(new ArrangementData.City(cityId, "City " + cityId, oneOf(random, COUNTRIES), "PARTNER"));
                }
                arrangements.add(new ArrangementData(id, "Twinning " + id, members,
                        orNull(random, 0.1, () -> oneOf(random, ArrangementStatus.values())), 1L));
            }
            return arrangements;
        }

        private static int priority(Random random) {
            return between(random, 1, 5);
        }

        /** An amount 0 to 10,000,000 with two decimals: an edge value (10%) or 0.01 up to 10^k cents, k drawn from 1 to 9. */
        private static Money money(Random random) {
            String amount;
            if (random.nextDouble() < 0.1) {
                amount = oneOf(random, EDGE_AMOUNTS);
            } else {
                long cents = (long) (random.nextDouble() * Math.pow(10, between(random, 1, 9))) + 1;
                amount = BigDecimal.valueOf(cents, 2).toPlainString();
            }
            return new Money(amount, oneOf(random, CURRENCIES));
        }

        /** {@code null} with probability {@code nullProbability}, otherwise a value from {@code value}. */
        private static <T> T orNull(Random random, double nullProbability, Supplier<T> value) {
            return random.nextDouble() < nullProbability ? null : value.get();
        }

        /** Between {@code min} and {@code max} distinct elements of {@code values}, in random order. */
        private static <T> List<T> distinct(Random random, List<T> values, int min, int max) {
            List<T> shuffled = new ArrayList<>(values);
            Collections.shuffle(shuffled, random);
            return List.copyOf(shuffled.subList(0, between(random, min, Math.min(max, values.size()))));
        }

        private static <T> List<T> distinct(Random random, T[] values, int min, int max) {
            return distinct(random, Arrays.asList(values), min, max);
        }

        private static <T> T oneOf(Random random, List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private static <T> T oneOf(Random random, T[] values) {
            return values[random.nextInt(values.length)];
        }

        /** A uniformly drawn int from {@code min} to {@code max}, both included. */
        private static int between(Random random, int min, int max) {
            return min + random.nextInt(max - min + 1);
        }

        private static String letters(Random random, int length) {
            String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }

        private static String digits(Random random, int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(10));
            }
            return text.toString();
        }
    }
}
