package org.citycoop.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TraceIdTest {

    @Test
    void takesTheTraceIdOfAWellFormedTraceparentOnly() {
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", RequestIdFilter.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertNull(RequestIdFilter.traceId(null));
        assertNull(RequestIdFilter.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"), "upper case is not allowed");
        assertNull(RequestIdFilter.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01"), "the all-zero id is invalid");
        assertNull(RequestIdFilter.traceId("00-4bf92f35-00f067aa0ba902b7-01"));
        assertNull(RequestIdFilter.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\nforged log line"));
    }
}
