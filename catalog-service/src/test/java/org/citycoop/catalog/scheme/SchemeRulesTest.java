package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.SupportType;
import org.citycoop.catalog.vocabulary.ChallengeArea;
import org.citycoop.catalog.vocabulary.WindowKind;
import org.citycoop.catalog.vocabulary.ApplicationChannel;
import org.citycoop.catalog.vocabulary.ApplicantType;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SchemeRulesTest {

    private static final SchemeRules RULES = new SchemeRules(Vocabularies.load());

    @Test
    void normalFormFillsEnglishTextsSortsSetsAndStripsTrailingZeros() {
        SchemeContent normal = RULES.normalise(content(
                List.of(SupportType.TRAINING, SupportType.FINANCIAL, SupportType.TRAINING), List.of("VN", "ID", "VN"),
                new FundingRange(money("10000.00", "USD"), money("90000", "USD")), new BigDecimal("0.250")));
        assertEquals(Map.of("en", "Clean air", "ja", "きれいな空気"), normal.names());
        assertEquals(Map.of("en", "Monitoring"), normal.descriptions());
        assertEquals(List.of(SupportType.FINANCIAL, SupportType.TRAINING), normal.supportTypes());
        assertEquals(List.of("ID", "VN"), normal.eligibleCountries());
        assertEquals("10000", normal.fundingRange().min().amount().toPlainString());
        assertEquals("0.25", normal.coFinancingShare().toPlainString());
        assertEquals(List.of(), normal.sectors());
        assertEquals(List.of(), normal.processSteps());
        assertEquals(normal, RULES.normalise(normal), "the normal form is its own normal form");
    }

    @Test
    void descriptionComesFromDescriptionsEnglishWhenOnlyThatIsGiven() {
        SchemeContent c = content(List.of(SupportType.TECHNICAL), List.of(), null, null);
        SchemeContent onlyMap = new SchemeContent(c.name(), c.names(), null, Map.of("en", "From the map"), c.supportTypes(),
                c.challengeAreas(), c.sectors(), c.financeType(), c.aidType(), c.applicantTypes(), c.channel(),
                c.partnerCityRequired(), c.eligibleCountries(), c.eligibleRegions(), c.fundingRange(), c.coFinancingShare(),
                c.processSteps(), c.window(), c.supersededBy(), c.sourceUrl(), c.verifiedOn());
        assertEquals("From the map", RULES.normalise(onlyMap).description());
    }

    @Test
    void emptyFundingRangeIsNoFundingRange() {
        assertNull(RULES.normalise(content(List.of(SupportType.TECHNICAL), List.of(), new FundingRange(null, null), null))
                .fundingRange());
    }

    @Test
    void boundsInDifferentCurrenciesAreNotCompared() {
        RULES.normalise(content(List.of(SupportType.FINANCIAL), List.of(),
                new FundingRange(money("25000000", "JPY"), money("200000", "USD")), null));
    }

    @Test
    void everyFailingFieldIsReportedAtOnce() {
        ProblemException e = assertThrows(ProblemException.class, () -> RULES.normalise(content(List.of(SupportType.FINANCIAL),
                List.of("VN", "QQ"), new FundingRange(money("5", "USD"), money("4", "USD")), BigDecimal.TEN)));
        assertEquals(422, e.status());
        assertEquals(List.of("eligibleCountries[1]", "fundingRange.min", "coFinancingShare"),
                e.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void annualWindowMustBeShorterThanAYear() {
        assertEquals(List.of("window.deadline"), windowErrors(new ApplicationWindow(WindowKind.ANNUAL,
                OffsetDateTime.parse("2027-01-01T00:00:00Z"), OffsetDateTime.parse("2028-01-01T00:00:00Z"))));
        assertEquals(List.of(), windowErrors(new ApplicationWindow(WindowKind.ANNUAL,
                OffsetDateTime.parse("2027-01-01T00:00:00Z"), OffsetDateTime.parse("2027-12-31T23:59:59Z"))));
        assertEquals(List.of("window.opens"), windowErrors(new ApplicationWindow(WindowKind.FIXED,
                OffsetDateTime.parse("2027-01-01T00:00:00Z"), OffsetDateTime.parse("2027-01-01T09:00:00+09:00"))));
        assertEquals(List.of("window.opens", "window.deadline"), windowErrors(new ApplicationWindow(WindowKind.ROLLING,
                OffsetDateTime.parse("2027-01-01T00:00:00Z"), OffsetDateTime.parse("2027-02-01T00:00:00Z"))));
    }

    @Test
    void aVerificationDateNeedsTheSourceItWasCheckedAgainst() {
        SchemeContent c = content(List.of(SupportType.TECHNICAL), List.of(), null, null);
        ProblemException e = assertThrows(ProblemException.class, () -> RULES.normalise(withSource(c, null, LocalDate.of(2026, 12, 7))));
        assertEquals(422, e.status());
        assertEquals(List.of("verifiedOn"), e.errors().stream().map(Problem.FieldError::field).toList());
        // no source and no date: a scheme kept for history
        assertNull(RULES.normalise(withSource(c, null, null)).verifiedOn());
        assertEquals(LocalDate.of(2026, 12, 7), RULES.normalise(withSource(c, "https://example.org/aq", LocalDate.of(2026, 12, 7))).verifiedOn());
    }

    private static SchemeContent withSource(SchemeContent c, String sourceUrl, LocalDate verifiedOn) {
        return new SchemeContent(c.name(), c.names(), c.description(), c.descriptions(), c.supportTypes(),
                c.challengeAreas(), c.sectors(), c.financeType(), c.aidType(), c.applicantTypes(), c.channel(),
                c.partnerCityRequired(), c.eligibleCountries(), c.eligibleRegions(), c.fundingRange(), c.coFinancingShare(),
                c.processSteps(), c.window(), c.supersededBy(), sourceUrl, verifiedOn);
    }

    private static List<String> windowErrors(ApplicationWindow window) {
        SchemeContent c = content(List.of(SupportType.TECHNICAL), List.of(), null, null);
        SchemeContent withWindow = new SchemeContent(c.name(), c.names(), c.description(), c.descriptions(), c.supportTypes(),
                c.challengeAreas(), c.sectors(), c.financeType(), c.aidType(), c.applicantTypes(), c.channel(),
                c.partnerCityRequired(), c.eligibleCountries(), c.eligibleRegions(), c.fundingRange(), c.coFinancingShare(),
                c.processSteps(), window, c.supersededBy(), c.sourceUrl(), c.verifiedOn());
        try {
            RULES.normalise(withWindow);
            return List.of();
        } catch (ProblemException e) {
            return e.errors().stream().map(Problem.FieldError::field).toList();
        }
    }

    private static SchemeContent content(List<SupportType> supportTypes, List<String> countries, FundingRange range,
                                         BigDecimal coFinancing) {
        return new SchemeContent("Clean air", Map.of("ja", "きれいな空気"), "Monitoring", null, supportTypes,
                List.of(ChallengeArea.AIR_QUALITY), null, "110", "D02", List.of(ApplicantType.LOCAL_GOVERNMENT),
                ApplicationChannel.DIRECT, null, countries, null, range, coFinancing, null,
                new ApplicationWindow(WindowKind.ROLLING, null, null), null, "https://example.org/aq", LocalDate.of(2026, 11, 29));
    }

    private static Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
