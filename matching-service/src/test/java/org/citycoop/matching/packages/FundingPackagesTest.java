package org.citycoop.matching.packages;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.scoring.Match;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.SupportType;
import org.citycoop.matching.vocabulary.WindowKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.citycoop.matching.vocabulary.ChallengeArea.INSTITUTIONS;
import static org.citycoop.matching.vocabulary.ChallengeArea.SOLID_WASTE;
import static org.citycoop.matching.vocabulary.ChallengeArea.WATER_AND_WASTEWATER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FundingPackagesTest {

    private static final NeedsProfile PROFILE = new NeedsProfile("1625822", "ID", ApplicantType.LOCAL_GOVERNMENT,
            List.of(new NeedsProfile.Challenge(SOLID_WASTE, 1), new NeedsProfile.Challenge(INSTITUTIONS, 2),
                    new NeedsProfile.Challenge(WATER_AND_WASTEWATER, 3)),
            List.of(), new Money("500000", "USD"), List.of("en"));

    @Test
    void twoAgenciesThatTogetherCoverEverythingMakeTheBestPackage() {
        Match waste = match("waste", "jica", "300000", "USD", 0.9, SOLID_WASTE);
        Match rest = match("rest", "unep", "250000", "USD", 0.7, INSTITUTIONS, WATER_AND_WASTEWATER);
        Match small = match("small", "gef", "10000", "USD", 0.8, INSTITUTIONS);
        List<FundingPackages.Proposal> proposals = FundingPackages.propose(PROFILE, List.of(waste, small, rest), 5);

        FundingPackages.Proposal best = proposals.get(0);
        assertTrue(best.complete());
        assertEquals(List.of("rest", "waste"), best.matches().stream().map(m -> m.scheme().id()).sorted().toList());
        assertEquals(List.of(), best.uncovered());
        assertEquals(new Money("550000", "USD"), best.budgetCovered());
        assertEquals(new Money("0", "USD"), best.budgetRemaining());
    }

    @Test
    void neverTwoSchemesOfOneAgency() {
        Match a = match("a", "jica", "300000", "USD", 0.9, SOLID_WASTE);
        Match b = match("b", "jica", "300000", "USD", 0.9, INSTITUTIONS, WATER_AND_WASTEWATER);
        List<FundingPackages.Proposal> proposals = FundingPackages.propose(PROFILE, List.of(a, b), 5);
        assertTrue(proposals.stream().allMatch(p -> p.matches().size() == 1), "one agency, one scheme per package");
        assertTrue(proposals.stream().noneMatch(FundingPackages.Proposal::complete));
        assertEquals(List.of(SOLID_WASTE), proposals.stream().filter(p -> p.matches().get(0).scheme().id().equals("a"))
                .findFirst().orElseThrow().covered());
    }

    @Test
    void whatRemainsUncoveredIsNamedAndAmountsInAnotherCurrencyDoNotCount() {
        Match euro = match("euro", "eu", "900000", "EUR", 0.9, SOLID_WASTE, INSTITUTIONS, WATER_AND_WASTEWATER);
        FundingPackages.Proposal only = FundingPackages.propose(PROFILE, List.of(euro), 5).get(0);
        assertFalse(only.complete());
        assertEquals(List.of(), only.uncovered());
        assertEquals(new Money("500000", "USD"), only.budgetRemaining());
    }

    @Test
    void noEligibleMatchNoPackage() {
        assertEquals(List.of(), FundingPackages.propose(PROFILE, List.of(), 5));
    }

    /** Seeded random cases: packages never repeat an agency, hold at most 4 schemes, and complete ones really cover all. */
    @Test
    void randomCasesKeepTheRules() {
        ChallengeArea[] areas = {SOLID_WASTE, INSTITUTIONS, WATER_AND_WASTEWATER};
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            List<Match> matches = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                List<ChallengeArea> covered = new ArrayList<>();
                for (ChallengeArea area : areas) {
                    if (random.nextInt(3) == 0) {
                        covered.add(area);
                    }
                }
                if (covered.isEmpty()) {
                    covered.add(areas[random.nextInt(areas.length)]);
                }
                matches.add(match("s" + i, "agency" + random.nextInt(6), Integer.toString(random.nextInt(400_000)), "USD",
                        random.nextInt(1000) / 1000.0, covered.toArray(ChallengeArea[]::new)));
            }
            for (FundingPackages.Proposal proposal : FundingPackages.propose(PROFILE, matches, 10)) {
                String context = "seed " + seed + ": " + proposal;
                assertTrue(proposal.matches().size() <= FundingPackages.MAX_SCHEMES, context);
                assertEquals(proposal.matches().size(), proposal.matches().stream().map(m -> m.scheme().agencyId()).distinct().count(), context);
                if (proposal.complete()) {
                    assertTrue(proposal.uncovered().isEmpty(), context);
                    assertEquals(0, proposal.budgetRemaining().value().orElseThrow().signum(), context);
                }
            }
        }
    }

    private static Match match(String id, String agency, String max, String currency, double score, ChallengeArea... areas) {
        SchemeData scheme = new SchemeData(id, agency, "REF-" + id, "Scheme " + id, Map.of(), null, Map.of(),
                List.of(SupportType.TECHNICAL), List.of(areas), List.of(ApplicantType.LOCAL_GOVERNMENT), "DIRECT", null,
                List.of(), List.of(), new SchemeData.FundingRange(new Money("1000", currency), new Money(max, currency)),
                List.of(), new SchemeData.ApplicationWindow(WindowKind.ROLLING, null, null), null, SchemeStatus.OPEN, null, 1L);
        return new Match(scheme, SchemeStatus.OPEN, score, true, List.of());
    }
}
