package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.SchemeStatus;
import org.citycoop.catalog.vocabulary.WindowKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.citycoop.catalog.vocabulary.SchemeStatus.CLOSED;
import static org.citycoop.catalog.vocabulary.SchemeStatus.FORECASTED;
import static org.citycoop.catalog.vocabulary.SchemeStatus.OPEN;
import static org.citycoop.catalog.vocabulary.SchemeStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemeStatusRuleTest {

    private static final ApplicationWindow TOKYO_CALL = fixed("2027-01-10T09:00:00+09:00", "2027-03-31T23:59:00+09:00");

    @Test
    void fixedWindowIsForecastedThenOpenThenClosed() {
        assertEquals(FORECASTED, status("2027-01-10T08:59:59+09:00", TOKYO_CALL));
        assertEquals(OPEN, status("2027-01-10T09:00:00+09:00", TOKYO_CALL));
        assertEquals(OPEN, status("2027-03-31T23:59:00+09:00", TOKYO_CALL), "the deadline itself is still open");
        assertEquals(CLOSED, status("2027-03-31T23:59:01+09:00", TOKYO_CALL));
    }

    @Test
    void deadlineIsAnInstantInTheAgencysOffset() {
        // 23:59 in Tokyo is 14:59 UTC: open at 14:58 UTC, closed at 15:00 UTC the same day.
        assertEquals(OPEN, status("2027-03-31T14:58:00Z", TOKYO_CALL));
        assertEquals(CLOSED, status("2027-03-31T15:00:00Z", TOKYO_CALL));
        // 23:59 in Honolulu (-10:00) is 09:59 UTC the next day: still open at 15:00 UTC that day.
        ApplicationWindow honolulu = fixed(null, "2027-03-31T23:59:00-10:00");
        assertEquals(OPEN, status("2027-03-31T15:00:00Z", honolulu));
        assertEquals(CLOSED, status("2027-04-01T10:00:00Z", honolulu));
    }

    @Test
    void aSchemeWithoutPublishedWindowIsOpenUnlessSupersededOrWithdrawn() {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");
        assertEquals(OPEN, SchemeStatusRule.statusAt(now, false, null, null));
        assertEquals(CLOSED, SchemeStatusRule.statusAt(now, false, "JICA preparatory surveys", null));
        assertEquals(WITHDRAWN, SchemeStatusRule.statusAt(now, true, null, null));
    }

    @Test
    void fixedWindowWithoutOpeningIsOpenUntilItsDeadline() {
        ApplicationWindow window = fixed(null, "2027-03-31T23:59:00+09:00");
        assertEquals(OPEN, status("2000-01-01T00:00:00Z", window));
        assertEquals(CLOSED, status("2027-04-01T00:00:00+09:00", window));
    }

    @Test
    void rollingWindowIsAlwaysOpen() {
        ApplicationWindow rolling = new ApplicationWindow(WindowKind.ROLLING, null, null);
        assertEquals(OPEN, status("1999-01-01T00:00:00Z", rolling));
        assertEquals(OPEN, status("2099-01-01T00:00:00Z", rolling));
    }

    @Test
    void supersededIsClosedAndWithdrawnWinsOverEverything() {
        ApplicationWindow rolling = new ApplicationWindow(WindowKind.ROLLING, null, null);
        Instant now = Instant.parse("2027-02-01T00:00:00Z");
        assertEquals(CLOSED, SchemeStatusRule.statusAt(now, false, "JICA preparatory surveys", rolling));
        assertEquals(WITHDRAWN, SchemeStatusRule.statusAt(now, true, "JICA preparatory surveys", rolling));
        assertEquals(WITHDRAWN, SchemeStatusRule.statusAt(now, true, null, TOKYO_CALL));
    }

    @Test
    void annualWindowRecursEveryYearFromTheGivenOccurrence() {
        ApplicationWindow annual = annual("2025-01-10T09:00:00+09:00", "2025-03-31T23:59:00+09:00");
        assertEquals(FORECASTED, status("2024-02-01T00:00:00+09:00", annual), "no occurrence before the given one");
        assertEquals(OPEN, status("2025-02-01T00:00:00+09:00", annual));
        assertEquals(OPEN, status("2031-01-10T09:00:00+09:00", annual));
        assertEquals(OPEN, status("2031-03-31T14:59:00Z", annual));
        assertEquals(FORECASTED, status("2031-03-31T15:00:00Z", annual), "this year's deadline has passed");
        assertEquals(FORECASTED, status("2031-07-01T00:00:00+09:00", annual));
        assertEquals(FORECASTED, status("2031-01-10T08:59:00+09:00", annual));
    }

    @Test
    void annualWindowAcrossTheNewYear() {
        ApplicationWindow annual = annual("2025-11-01T00:00:00+07:00", "2026-02-28T23:59:00+07:00");
        assertEquals(OPEN, status("2027-01-15T00:00:00+07:00", annual), "inside the occurrence that opened in 2026");
        assertEquals(OPEN, status("2026-12-01T00:00:00+07:00", annual));
        assertEquals(FORECASTED, status("2026-06-01T00:00:00+07:00", annual));
        assertEquals(FORECASTED, status("2027-03-01T00:00:00+07:00", annual));
    }

    @Test
    void annualWindowOpeningOnTheTwentyNinthOfFebruaryOpensOnTheTwentyEighthInOtherYears() {
        ApplicationWindow annual = annual("2024-02-29T00:00:00Z", "2024-04-30T00:00:00Z");
        assertEquals(OPEN, status("2025-02-28T00:00:00Z", annual));
        assertEquals(FORECASTED, status("2025-02-27T23:59:59Z", annual));
        assertEquals(OPEN, status("2028-02-29T00:00:00Z", annual));
    }

    private static SchemeStatus status(String at, ApplicationWindow window) {
        return SchemeStatusRule.statusAt(OffsetDateTime.parse(at).toInstant(), false, null, window);
    }

    private static ApplicationWindow fixed(String opens, String deadline) {
        return new ApplicationWindow(WindowKind.FIXED, opens == null ? null : OffsetDateTime.parse(opens), OffsetDateTime.parse(deadline));
    }

    private static ApplicationWindow annual(String opens, String deadline) {
        return new ApplicationWindow(WindowKind.ANNUAL, OffsetDateTime.parse(opens), OffsetDateTime.parse(deadline));
    }
}
