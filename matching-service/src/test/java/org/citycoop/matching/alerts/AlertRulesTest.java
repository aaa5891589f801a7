package org.citycoop.matching.alerts;

import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRulesTest {

    private static final MatchState STATE = new MatchState("s1", 1L, SchemeStatus.OPEN, "2027-03-31T23:59:00+09:00",
            new Money("10000", "USD"), new Money("90000", "USD"), 0.8);

    @Test
    void nothingBeforeAndNothingAfterRaisesNothing() {
        assertTrue(AlertRules.compare(null, null).isEmpty());
    }

    @Test
    void aNewMatchListsItsFields() {
        AlertRules.Change change = AlertRules.compare(null, STATE).orElseThrow();
        assertEquals(AlertReason.NEW_MATCH, change.reason());
        assertEquals(List.of(new FieldChange("eligible", false, true), new FieldChange("status", null, SchemeStatus.OPEN),
                new FieldChange("window.deadline", null, "2027-03-31T23:59:00+09:00"),
                new FieldChange("fundingRange.min", null, new Money("10000", "USD")),
                new FieldChange("fundingRange.max", null, new Money("90000", "USD"))), change.changes());
    }

    @Test
    void aStoppedMatchSaysEligibleWentFalse() {
        AlertRules.Change change = AlertRules.compare(STATE, null).orElseThrow();
        assertEquals(AlertReason.NO_LONGER_MATCHING, change.reason());
        assertEquals(List.of(new FieldChange("eligible", true, false)), change.changes());
    }

    @Test
    void scoreVersionAndTheSameInstantInAnotherOffsetRaiseNothing() {
        MatchState same = new MatchState("s1", 7L, SchemeStatus.OPEN, "2027-03-31T14:59:00Z",
                new Money("10000.00", "USD"), new Money("90000", "USD"), 0.4);
        assertTrue(AlertRules.compare(STATE, same).isEmpty());
    }

    @Test
    void aChangedDeadlineAmountOrStatusIsAChangeWithBeforeAndAfter() {
        MatchState changed = new MatchState("s1", 2L, SchemeStatus.FORECASTED, "2027-04-30T23:59:00+09:00",
                new Money("10000", "USD"), new Money("90000", "EUR"), 0.8);
        AlertRules.Change change = AlertRules.compare(STATE, changed).orElseThrow();
        assertEquals(AlertReason.CHANGED, change.reason());
        assertEquals(List.of(new FieldChange("status", SchemeStatus.OPEN, SchemeStatus.FORECASTED),
                new FieldChange("window.deadline", "2027-03-31T23:59:00+09:00", "2027-04-30T23:59:00+09:00"),
                new FieldChange("fundingRange.max", new Money("90000", "USD"), new Money("90000", "EUR"))), change.changes());
    }
}
