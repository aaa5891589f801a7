package org.citycoop.platform.web;

import org.citycoop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryParamsTest {

    enum Colour { RED, GREEN }

    @Test
    void limitDefaultsTo20AndAcceptsOneToHundred() {
        assertEquals(20, QueryParams.limit(null));
        assertEquals(1, QueryParams.limit("1"));
        assertEquals(100, QueryParams.limit("100"));
        for (String bad : List.of("0", "101", "-1", "abc", "1.5", "\uff11\uff10", "\u0661\u0660", " 10", "10 ", "+10", "99999999999999")) {
            ProblemException problem = assertThrows(ProblemException.class, () -> QueryParams.limit(bad), bad);
            assertEquals(400, problem.status());
            assertEquals("limit", problem.errors().get(0).field());
        }
    }

    @Test
    void flagsAreTrueOrFalseOnly() {
        assertTrue(QueryParams.flag("x", "true", false));
        assertFalse(QueryParams.flag("x", "false", true));
        assertTrue(QueryParams.flag("x", null, true));
        assertEquals("includeIneligible",
                assertThrows(ProblemException.class, () -> QueryParams.flag("includeIneligible", "yes", false)).errors().get(0).field());
    }

    @Test
    void enumValuesAreCheckedAndTheAllowedOnesListed() {
        assertEquals(List.of(Colour.RED, Colour.GREEN), QueryParams.enums("colour", List.of("RED", "GREEN"), Colour.class));
        assertNull(QueryParams.enumValue("colour", null, Colour.class));
        ProblemException problem = assertThrows(ProblemException.class, () -> QueryParams.enumValue("colour", "red", Colour.class));
        assertEquals("colour", problem.errors().get(0).field());
        assertTrue(problem.errors().get(0).detail().contains("RED, GREEN"), problem.errors().get(0).detail());
    }

    @Test
    void lowerCaseEnumValuesAreReadInAnyCaseAndListedInLowerCase() {
        assertEquals(Colour.GREEN, QueryParams.lowerCaseEnumValue("colour", "green", Colour.class));
        assertEquals(Colour.GREEN, QueryParams.lowerCaseEnumValue("colour", "Green", Colour.class));
        assertNull(QueryParams.lowerCaseEnumValue("colour", " ", Colour.class));
        ProblemException problem = assertThrows(ProblemException.class, () -> QueryParams.lowerCaseEnumValue("colour", "blue", Colour.class));
        assertEquals("unknown value 'blue'; allowed: red, green", problem.errors().get(0).detail());
    }

    @Test
    void numbersAndTimesInParametersAreAsciiAndExact() {
        assertEquals(new java.math.BigDecimal("1250.50"), QueryParams.decimal("amountMin", "1250.50", "1250.50"));
        assertEquals(7, QueryParams.integer("n", "7", 1, 10));
        assertEquals("2027-03-31T23:59+09:00", QueryParams.timestamp("deadlineAfter", "2027-03-31T23:59:00+09:00").toString());
        for (String bad : List.of("\uff15\uff10", "1e3", " 5", "5d", "NaN")) {
            assertEquals("amountMin", assertThrows(ProblemException.class, () -> QueryParams.decimal("amountMin", bad, "1"), bad)
                    .errors().get(0).field());
        }
        assertEquals("n", assertThrows(ProblemException.class, () -> QueryParams.integer("n", "\uff11", 1, 10)).errors().get(0).field());
        for (String bad : List.of("+12027-03-31T23:59:00+09:00", "2027-03-31", "2027-03-31T23:59:00", "2027-02-30T00:00:00Z")) {
            assertEquals("deadlineAfter", assertThrows(ProblemException.class, () -> QueryParams.timestamp("deadlineAfter", bad), bad)
                    .errors().get(0).field());
        }
    }
}
