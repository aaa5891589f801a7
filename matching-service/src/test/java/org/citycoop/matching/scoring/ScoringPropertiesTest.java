package org.citycoop.matching.scoring;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.citycoop.matching.scoring.Fixtures.NOW;
import static org.citycoop.matching.scoring.Fixtures.days;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the scoring rules over generated profiles, schemes and twinning arrangements. */
class ScoringPropertiesTest {

    private static final List<String> COUNTRIES = List.of("ID", "VN", "JP", "TH");
    private static final List<String> CITY_IDS = List.of("1625822", "1859307", "1566083", "1609350");

    @Property
    void scoreStaysBetweenZeroAndOneWithThreeDecimals(@ForAll("profiles") NeedsProfile profile, @ForAll("schemes") SchemeData scheme,
                                                      @ForAll("arrangements") List<ArrangementData> arrangements) {
        Match match = MatchScorer.score(profile, scheme, arrangements, NOW);
        assertTrue(match.score() >= 0 && match.score() <= 1, "score " + match.score());
        assertEquals(match.score(), Math.round(match.score() * 1000) / 1000.0);
        assertEquals(Criterion.values().length, match.explanation().size());
    }

    @Property
    void aFailedHardCriterionAlwaysMeansIneligibleAndOnlyThen(@ForAll("profiles") NeedsProfile profile, @ForAll("schemes") SchemeData scheme,
                                                             @ForAll("arrangements") List<ArrangementData> arrangements) {
        Match match = MatchScorer.score(profile, scheme, arrangements, NOW);
        boolean hardFailure = match.explanation().stream()
                .anyMatch(a -> a.criterion().isHard() && a.result() == CriterionResult.FAILED);
        assertEquals(!hardFailure, match.eligible());
    }

    @Property
    void aSchemeOutsideTheCitysCountryOrWithdrawnIsNeverEligible(@ForAll("profiles") NeedsProfile profile, @ForAll("schemes") SchemeData scheme,
                                                               @ForAll("arrangements") List<ArrangementData> arrangements) {
        List<String> otherCountries = COUNTRIES.stream().filter(c -> !c.equals(profile.country())).toList();
        SchemeData elsewhere = withCountries(scheme, otherCountries);
        assertFalse(MatchScorer.score(profile, elsewhere, arrangements, NOW).eligible());
        SchemeData withdrawn = scheme.withStatus(SchemeStatus.WITHDRAWN);
        assertFalse(MatchScorer.score(profile, withdrawn, arrangements, NOW).eligible());
    }

    /**
     * Adding a challenge area that the scheme covers, at any priority, never lowers the score: the covered
     * share (C + w) / (T + w) is at least C / T. It cannot make an eligible scheme ineligible either.
     */
    @Property
    void addingACoveredChallengeNeverLowersTheScore(@ForAll("profiles") NeedsProfile profile, @ForAll("schemes") SchemeData scheme,
                                                   @ForAll("arrangements") List<ArrangementData> arrangements,
                                                   @ForAll("priorities") int priority) {
        List<ChallengeArea> addable = scheme.challengeAreas().stream().filter(area -> !profile.challengeAreas().contains(area)).toList();
        Assume.that(!addable.isEmpty());
        List<NeedsProfile.Challenge> more = new ArrayList<>(profile.challenges());
        more.add(new NeedsProfile.Challenge(addable.get(0), priority));
        NeedsProfile extended = new NeedsProfile(profile.cityId(), profile.country(), profile.applicantType(), more,
                profile.supportTypes(), profile.budget(), profile.languages());
        Match before = MatchScorer.score(profile, scheme, arrangements, NOW);
        Match after = MatchScorer.score(extended, scheme, arrangements, NOW);
        assertTrue(after.score() >= before.score(), before.score() + " -> " + after.score());
        assertTrue(!before.eligible() || after.eligible());
    }

    /** Adding a wanted support type that the scheme offers never lowers the score. */
    @Property
    void addingAnOfferedSupportTypeNeverLowersTheScore(@ForAll("profiles") NeedsProfile profile, @ForAll("schemes") SchemeData scheme) {
        List<SupportType> addable = scheme.supportTypes().stream().filter(type -> !profile.supportTypes().contains(type)).toList();
        Assume.that(!addable.isEmpty());
        List<SupportType> more = new ArrayList<>(profile.supportTypes());
        more.add(addable.get(0));
        NeedsProfile extended = new NeedsProfile(profile.cityId(), profile.country(), profile.applicantType(), profile.challenges(),
                more, profile.budget(), profile.languages());
        assertTrue(MatchScorer.score(extended, scheme, List.of(), NOW).score() >= MatchScorer.score(profile, scheme, List.of(), NOW).score());
    }

    @Provide
    Arbitrary<Integer> priorities() {
        return Arbitraries.integers().between(1, 5);
    }

    @Provide
    Arbitrary<NeedsProfile> profiles() {
        Arbitrary<List<NeedsProfile.Challenge>> challenges = Arbitraries.of(ChallengeArea.class).set().ofMinSize(1).ofMaxSize(5)
                .flatMap(areas -> priorities().list().ofSize(areas.size()).map(priorities -> {
                    List<NeedsProfile.Challenge> list = new ArrayList<>();
                    int i = 0;
                    for (ChallengeArea area : areas) {
                        list.add(new NeedsProfile.Challenge(area, priorities.get(i++)));
                    }
                    return list;
                }));
        return Combinators.combine(
                Arbitraries.of(CITY_IDS).injectNull(0.2),
                Arbitraries.of(COUNTRIES),
                Arbitraries.of(ApplicantType.class),
                challenges,
                Arbitraries.of(SupportType.class).list().uniqueElements().ofMaxSize(4),
                money().injectNull(0.2),
                Arbitraries.of("en", "ja", "fr", "en-GB").list().uniqueElements().ofMaxSize(2))
                .as(NeedsProfile::new);
    }

    @Provide
    Arbitrary<SchemeData> schemes() {
        Arbitrary<ApplicationWindow> windows = Combinators.combine(
                Arbitraries.of(WindowKind.class).injectNull(0.05),
                Arbitraries.integers().between(-400, 400).injectNull(0.1),
                Arbitraries.integers().between(-400, 400).injectNull(0.1))
                .as((kind, opens, deadline) -> new ApplicationWindow(kind, opens == null ? null : days(opens),
                        deadline == null ? null : days(deadline)));
        Arbitrary<List<ProcessStep>> steps = Combinators.combine(Arbitraries.of(StepActor.class).injectNull(0.1),
                        Arbitraries.integers().between(0, 120).injectNull(0.1))
                .as((actor, typicalDays) -> new ProcessStep("step", actor, typicalDays)).list().ofMaxSize(4);
        Arbitrary<FundingRange> ranges = Combinators.combine(money().injectNull(0.3), money().injectNull(0.3))
                .as(FundingRange::new).injectNull(0.2);
        Arbitrary<SchemeData> core = Combinators.combine(
                Arbitraries.strings().alpha().ofLength(6),
                Arbitraries.of(SupportType.class).list().uniqueElements().ofMaxSize(3),
                Arbitraries.of(ChallengeArea.class).list().uniqueElements().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(ApplicantType.class).list().uniqueElements().ofMaxSize(3),
                Arbitraries.of(COUNTRIES).list().uniqueElements().ofMaxSize(3),
                Arbitraries.of("789", "798").list().uniqueElements().ofMaxSize(1),
                ranges,
                windows)
                .as((id, supportTypes, areas, applicants, countries, regions, range, window) -> new SchemeData(id, "agency", "REF",
                        "Scheme " + id, Map.of(), null, Map.of(), supportTypes, areas, applicants, "DIRECT", null, countries, regions,
                        range, List.of(), window, null, SchemeStatus.OPEN, null, 1L));
        return Combinators.combine(core, steps, Arbitraries.of(SchemeStatus.class).injectNull(0.1),
                        Arbitraries.of(COUNTRIES).map(PartnerCityRequirement::new).injectNull(0.6),
                        Arbitraries.of(Map.of("ja", "名前"), Map.of("en", "Name", "fr", "Nom"), Map.<String, String>of()),
                        Arbitraries.just("superseding-scheme").injectNull(0.9))
                .as((scheme, processSteps, status, partner, names, supersededBy) -> new SchemeData(scheme.id(), scheme.agencyId(),
                        scheme.ref(), scheme.name(), names, scheme.description(), scheme.descriptions(), scheme.supportTypes(),
                        scheme.challengeAreas(), scheme.applicantTypes(), scheme.channel(), partner, scheme.eligibleCountries(),
                        scheme.eligibleRegions(), scheme.fundingRange(), processSteps, scheme.window(), supersededBy, status,
                        scheme.sourceUrl(), scheme.version()));
    }

    @Provide
    Arbitrary<List<ArrangementData>> arrangements() {
        Arbitrary<ArrangementData.City> cities = Combinators.combine(Arbitraries.of(CITY_IDS), Arbitraries.of(COUNTRIES))
                .as((id, country) -> new ArrangementData.City(id, "City " + id, country, "PARTNER"));
        return Combinators.combine(Arbitraries.strings().numeric().ofLength(3), cities.list().ofMinSize(2).ofMaxSize(3),
                        Arbitraries.of(ArrangementStatus.class).injectNull(0.1))
                .as((id, members, status) -> new ArrangementData(id, "Twinning " + id, members, status, 1L))
                .list().ofMaxSize(3);
    }

    private static Arbitrary<Money> money() {
        return Combinators.combine(Arbitraries.bigDecimals().between(java.math.BigDecimal.ZERO, new java.math.BigDecimal("10000000"))
                        .ofScale(2), Arbitraries.of("USD", "USD", "JPY"))
                .as((amount, currency) -> new Money(amount.toPlainString(), currency));
    }

    private static SchemeData withCountries(SchemeData scheme, List<String> countries) {
        return new SchemeData(scheme.id(), scheme.agencyId(), scheme.ref(), scheme.name(), scheme.names(), scheme.description(),
                scheme.descriptions(), scheme.supportTypes(), scheme.challengeAreas(), scheme.applicantTypes(), scheme.channel(),
                scheme.partnerCityRequired(), countries, scheme.eligibleRegions(), scheme.fundingRange(), scheme.processSteps(),
                scheme.window(), scheme.supersededBy(), scheme.status(), scheme.sourceUrl(), scheme.version());
    }
}
