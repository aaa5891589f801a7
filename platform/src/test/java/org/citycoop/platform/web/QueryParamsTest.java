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
        for (String bad : List.of("0", "101", "-1", "abc", "1.5")) {
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
}
