package org.citycoop.platform.web;

import org.citycoop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityTagsTest {

    @Test
    void ifMatchUsesStrongComparison() {
        assertTrue(EntityTags.matches("\"3\"", 3));
        assertTrue(EntityTags.matches("\"1\", \"3\"", 3));
        assertTrue(EntityTags.matches("*", 3));
        assertFalse(EntityTags.matches("W/\"3\"", 3));
        assertFalse(EntityTags.matches("3", 3));
        assertFalse(EntityTags.matches("\"2\"", 3));
    }

    @Test
    void preconditions() {
        assertDoesNotThrow(() -> EntityTags.checkPrecondition(null, null, true), "create without If-Match");
        assertDoesNotThrow(() -> EntityTags.checkPrecondition(null, 2L, false), "same content again without If-Match");
        assertDoesNotThrow(() -> EntityTags.checkPrecondition("\"2\"", 2L, true), "change with the current ETag");
        assertEquals(428, assertThrows(ProblemException.class, () -> EntityTags.checkPrecondition(null, 2L, true)).status());
        assertEquals(412, assertThrows(ProblemException.class, () -> EntityTags.checkPrecondition("\"1\"", 2L, true)).status());
        assertDoesNotThrow(() -> EntityTags.checkPrecondition("\"1\"", 2L, false),
                "a re-sent update already applied (its answer lost): the content is stored, nothing to refuse");
        assertDoesNotThrow(() -> EntityTags.checkPrecondition("\"1\", \"2\"", 2L, false), "a list of versions held");
        for (String never : new String[] {"garbage", "\"1", "1", "\"1\",", "\"a b\"", "\"-1\"", "\"0\"", "\"3\"", "W/\"1\"",
                "\"" + "9".repeat(60) + "\""}) {
            assertEquals(412, assertThrows(ProblemException.class, () -> EntityTags.checkPrecondition(never, 2L, false)).status(),
                    "names no version the resource has had, even when nothing would change: " + never);
        }
        assertEquals(412, assertThrows(ProblemException.class, () -> EntityTags.checkPrecondition("\"1\"", null, true)).status());
    }


    @Test
    void anOptionalIfMatchIsCheckedOnlyWhenSent() {
        assertDoesNotThrow(() -> EntityTags.checkIfSent(null, 2), "a status change without If-Match");
        assertDoesNotThrow(() -> EntityTags.checkIfSent("\"2\"", 2), "with the current ETag");
        assertDoesNotThrow(() -> EntityTags.checkIfSent("*", 2), "with any ETag");
        ProblemException stale = assertThrows(ProblemException.class, () -> EntityTags.checkIfSent("\"1\"", 2));
        assertEquals(412, stale.status());
        assertTrue(stale.getMessage().contains("\"2\""), stale.getMessage());
        assertEquals(412, assertThrows(ProblemException.class, () -> EntityTags.checkIfSent("W/\"2\"", 2)).status());
    }
}
