package org.citycoop.catalog.activity;

import org.citycoop.catalog.vocabulary.Vocabularies;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActivityRulesTest {

    private static final ActivityRules RULES = new ActivityRules(Vocabularies.load());
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static ActivityContent activity(String status, ActivityContent.Dates dates, List<ActivityContent.Share> sectors,
                                            List<ActivityContent.Share> countries, List<ActivityContent.Share> regions) {
        return new ActivityContent("XM-DAC-41116-1", new ActivityContent.Organisation("XM-DAC-41116", "40", Map.of()),
                Map.of("en", "t"), Map.of(), status, dates, countries, regions, sectors, "110",
                List.of(new ActivityContent.Coded("C01", null)), "10", "USD", List.of(), List.of(), List.of(), List.of(), false, null);
    }

    private static final ActivityContent.Dates NO_DATES = new ActivityContent.Dates(null, null, null, null);

    @Test
    void aCleanActivityHasNoWarning() {
        assertEquals(List.of(), RULES.warnings(activity("2", NO_DATES,
                List.of(new ActivityContent.Share("14050", "1", "60"), new ActivityContent.Share("41010", null, "40"),
                        new ActivityContent.Share("LOCAL", "99", null)),
                List.of(new ActivityContent.Share("ID", null, "70")), List.of(new ActivityContent.Share("798", null, "30"))), TODAY));
    }

    @Test
    void percentagesAreCheckedPerSectorVocabularyAndForPlacesTogether() {
        List<String> warnings = RULES.warnings(activity("2", NO_DATES,
                List.of(new ActivityContent.Share("14050", "1", "60"), new ActivityContent.Share("41010", "1", "30"),
                        new ActivityContent.Share("140", "2", "50"), new ActivityContent.Share("410", "2", "50")),
                List.of(new ActivityContent.Share("ID", null, "70"), new ActivityContent.Share("VN", null, "40")), List.of()), TODAY);
        assertEquals(List.of("sector: the percentages of vocabulary 1 add up to 90, not 100",
                "recipient-country, recipient-region: the percentages add up to 110, not 100"), warnings);
    }

    @Test
    void aStatusTheDatesContradictIsReported() {
        assertEquals(List.of("activity-status: 1 (Pipeline/identification), but the actual start date 2020-01-01 has passed"),
                RULES.warnings(activity("1", new ActivityContent.Dates(null, "2020-01-01", null, null), List.of(), List.of(), List.of()), TODAY));
        assertEquals(List.of("activity-status: 2 (Implementation), but the actual end date 2025-01-01 has passed"),
                RULES.warnings(activity("2", new ActivityContent.Dates(null, "2020-01-01", null, "2025-01-01"), List.of(), List.of(), List.of()), TODAY));
        assertEquals(List.of("activity-status: 4 (Closed), but the activity has not started (planned start 2027-04-01)"),
                RULES.warnings(activity("4", new ActivityContent.Dates("2027-04-01", null, null, null), List.of(), List.of(), List.of()), TODAY));
    }

    @Test
    void unknownAndWithdrawnCodesAreWarningsNamingTheirPlace() {
        List<String> warnings = RULES.warnings(activity("9", NO_DATES, List.of(new ActivityContent.Share("15120", null, null)),
                List.of(new ActivityContent.Share("XX", null, null)), List.of()), TODAY);
        assertEquals(3, warnings.size(), warnings.toString());
        assertEquals("activity-status/@code: unknown IATI activity status code '9'; the allowed codes are listed at GET /v1/vocabularies/activity-statuses",
                warnings.get(0));
        assertEquals(true, warnings.get(1).startsWith("recipient-country[1]/@code: unknown"));
        assertEquals(true, warnings.get(2).startsWith("sector[1]/@code: DAC 5-digit sector code '15120' is withdrawn"));
    }

    @Test
    void anActivityWithoutIdentifierOrTitleIsRejected() {
        ActivityContent untitled = new ActivityContent(null, null, Map.of(), Map.of(), "2", NO_DATES, List.of(), List.of(), List.of(),
                null, List.of(), null, null, List.of(), List.of(), List.of(), List.of(), false, null);
        assertEquals(List.of("iati-identifier: required", "title: a narrative is required"), RULES.reasons(untitled));
    }
}
