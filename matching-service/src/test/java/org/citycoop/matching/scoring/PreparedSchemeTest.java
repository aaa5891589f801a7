package org.citycoop.matching.scoring;

import org.citycoop.matching.scoring.criteria.Criteria;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.scoring.criteria.CountryCriterion;
import org.citycoop.matching.vocabulary.WindowKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.citycoop.matching.scoring.Fixtures.NOW;
import static org.citycoop.matching.scoring.Fixtures.days;
import static org.citycoop.matching.scoring.Fixtures.scheme;
import static org.citycoop.matching.scoring.Fixtures.surabaya;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shortcuts {@link PreparedScheme} takes for speed give what the criteria read from {@link SchemeData} give,
 * where {@code MatchScorerRankTest}'s generated cases do not reach: one prepared scheme asked at many times (its
 * yearly deadline is remembered), country codes that share a filter bit, and languages beyond the 63 that get a bit.
 */
class PreparedSchemeTest {

    @Test
    void aYearlyDeadlineAskedForwardAndBackInTimeGivesTheDeadlineCriterionsAnswer() {
        // lead time 14 days (up to the city's step), yearly deadline 60 days after NOW: this year's reachable until 46 days after NOW
        SchemeData yearly = scheme().window(WindowKind.ANNUAL, days(-300), days(60)).build();
        PreparedScheme prepared = PreparedScheme.of(yearly);
        List<Long> dayOffsets = List.of(0L, 10L, 47L, 59L, 61L, 400L, 10L, -400L, 47L, 45L, 800L, 0L);
        for (long offset : dayOffsets) {
            Instant at = NOW.plus(Duration.ofDays(offset)).plusSeconds(7);
            boolean expected = Criteria.deadline(yearly, at).result() != CriterionResult.FAILED;
            assertEquals(expected, Criteria.deadlineAllows(prepared, at), "deadline criterion " + offset + " days after NOW");
        }
    }

    @Test
    void aFixedDeadlineCountsWholeDaysAsTheDeadlineCriterionDoes() {
        // lead time 14 days, deadline 60 days after NOW: reachable while 14 whole days are left
        SchemeData fixed = scheme().window(WindowKind.FIXED, days(-10), days(60)).build();
        PreparedScheme prepared = PreparedScheme.of(fixed);
        Instant lastReachable = days(60).toInstant().minus(Duration.ofDays(14));
        for (Instant at : List.of(lastReachable, lastReachable.plusNanos(1), lastReachable.minusNanos(1),
                lastReachable.plusMillis(999).plusNanos(500), days(60).toInstant(), days(60).toInstant().plusNanos(1), NOW)) {
            boolean expected = Criteria.deadline(fixed, at).result() != CriterionResult.FAILED;
            assertEquals(expected, Criteria.deadlineAllows(prepared, at), "deadline criterion at " + at);
        }
        assertTrue(Criteria.deadlineAllows(prepared, lastReachable));
        assertFalse(Criteria.deadlineAllows(prepared, lastReachable.plusNanos(1)));
    }

    @Test
    void countriesWithTheSameFilterBitAreToldApart() {
        // AA is 0 and CM is 2 x 26 + 12 = 64: the same bit of the 64-bit filter
        assertEquals(0, PreparedScheme.countryCode("AA"));
        assertEquals(64, PreparedScheme.countryCode("CM"));
        assertEquals(675, PreparedScheme.countryCode("ZZ"));
        PreparedScheme cameroon = PreparedScheme.of(scheme().eligibleCountries("CM").build());
        assertTrue(CountryCriterion.openToCountry(cameroon, PreparedScheme.countryCode("CM")));
        assertFalse(CountryCriterion.openToCountry(cameroon, PreparedScheme.countryCode("AA")));
        assertFalse(CountryCriterion.openToCountry(cameroon, PreparedScheme.countryCode("ID")));
        assertTrue(CountryCriterion.openToCountry(PreparedScheme.of(scheme().eligibleCountries().build()), PreparedScheme.countryCode("ID")));
    }

    @Test
    void somethingThatIsNotAnAlpha2CodeNamesNoCountry() {
        assertEquals(-1, PreparedScheme.countryCode("id"));
        assertEquals(-1, PreparedScheme.countryCode("IDN"));
        assertEquals(-1, PreparedScheme.countryCode(null));
        PreparedScheme odd = PreparedScheme.of(scheme().eligibleCountries("id", "ID").build());
        assertTrue(CountryCriterion.openToCountry(odd, PreparedScheme.countryCode("ID")));
        assertFalse(CountryCriterion.openToCountry(odd, -1));
    }

    @Test
    void languagesBeyondThoseWithABitAreComparedByName() {
        // more made-up languages than there are bits: the later ones share LanguageBits.OTHER
        LanguageBits.of(IntStream.range(0, 70).mapToObj(i -> "x" + (char) ('a' + i / 26) + (char) ('a' + i % 26)).toList());
        assertEquals(LanguageBits.OTHER, LanguageBits.of(List.of("xcr")));
        SchemeData late = scheme().name(null).names(Map.of("xcr", "Name")).build();
        for (List<String> wanted : List.of(List.of("xcr"), List.of("xcq"), List.of("en"), List.of("xcq", "xcr"))) {
            NeedsProfile profile = surabaya().withLanguages(wanted);
            double expected = MatchScorer.score(profile, late, List.of(), NOW).score();
            double ranked = MatchScorer.weightedScore(PreparedProfile.of(profile, List.of(), TrackRecords.NONE, NOW), PreparedScheme.of(late));
            assertEquals(expected, ranked, "score for a profile wanting " + wanted);
        }
    }
}
