package org.citycoop.catalog.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotModifiedTest {

    @Test
    void ifNoneMatchComparesWeakly() {
        assertTrue(NotModified.matches("\"3\"", "\"3\""));
        assertTrue(NotModified.matches("W/\"3\"", "\"3\""));
        assertTrue(NotModified.matches("\"1\", \"3\"", "\"3\""));
        assertTrue(NotModified.matches("*", "\"3\""));
        assertFalse(NotModified.matches("\"2\"", "\"3\""));
        assertFalse(NotModified.matches(null, "\"3\""));
    }

    @Test
    void weakTagsFollowTheContent() {
        String tag = NotModified.weakTagOf("a:1,b:2");
        assertTrue(tag.startsWith("W/\"") && tag.endsWith("\""), tag);
        assertEquals(tag, NotModified.weakTagOf("a:1,b:2"));
        assertNotEquals(tag, NotModified.weakTagOf("a:1,b:3"));
    }
}
