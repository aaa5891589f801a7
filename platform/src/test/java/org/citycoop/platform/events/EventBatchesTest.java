package org.citycoop.platform.events;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures of a poll's transaction {@link EventBatches} waits out, and which it puts down to the data. */
class EventBatchesTest {

    private static RuntimeException wrapped(SQLException cause) {
        return new PersistenceException("could not execute statement", cause);
    }

    @Test
    void anUnavailableDatabaseIsWaitedOut() {
        assertTrue(EventBatches.transientFailure(wrapped(new SQLException("connection refused", "08001"))));
        assertTrue(EventBatches.transientFailure(wrapped(new SQLException("I/O error", "08006"))));
        assertTrue(EventBatches.transientFailure(wrapped(new SQLException("could not serialize access", "40001"))));
        assertTrue(EventBatches.transientFailure(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(EventBatches.transientFailure(wrapped(new SQLException("too many connections", "53300"))));
        assertTrue(EventBatches.transientFailure(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(EventBatches.transientFailure(wrapped(new SQLException("lock not available", "55P03"))));
        assertTrue(EventBatches.transientFailure(wrapped(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(EventBatches.transientFailure(new IllegalStateException(wrapped(new SQLTransientConnectionException("gone", "99999")))));
    }

    @Test
    void whatTheDataCausesIsNot() {
        assertFalse(EventBatches.transientFailure(wrapped(new SQLException("unsupported Unicode escape sequence", "22P05"))));
        assertFalse(EventBatches.transientFailure(wrapped(new SQLException("value too long", "22001"))));
        assertFalse(EventBatches.transientFailure(wrapped(new SQLException("duplicate key value", "23505"))));
        assertFalse(EventBatches.transientFailure(wrapped(new SQLException("object not in prerequisite state", "55000"))));
        assertFalse(EventBatches.transientFailure(new IllegalArgumentException("a rule of the applier")));
        assertFalse(EventBatches.transientFailure(new PersistenceException("no SQL cause")));
    }
}
