package org.citycoop.platform.storage;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which database failures pass by themselves (a consumer waits them out, a request gets a 503) and which are the data's. */
class DatabaseFailuresTest {

    private static RuntimeException wrapped(SQLException cause) {
        return new PersistenceException("could not execute statement", cause);
    }

    @Test
    void anUnavailableDatabaseIsWaitedOut() {
        assertTrue(DatabaseFailures.isTransient(wrapped(new SQLException("connection refused", "08001"))));
        assertTrue(DatabaseFailures.isTransient(wrapped(new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseFailures.isTransient(wrapped(new SQLException("could not serialize access", "40001"))));
        assertTrue(DatabaseFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(DatabaseFailures.isTransient(wrapped(new SQLException("too many connections", "53300"))));
        assertTrue(DatabaseFailures.isTransient(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(DatabaseFailures.isTransient(wrapped(new SQLException("lock not available", "55P03"))));
        assertTrue(DatabaseFailures.isTransient(wrapped(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(DatabaseFailures.isTransient(new IllegalStateException(wrapped(new SQLTransientConnectionException("gone", "99999")))));
    }

    @Test
    void whatTheDataCausesIsNot() {
        assertFalse(DatabaseFailures.isTransient(wrapped(new SQLException("unsupported Unicode escape sequence", "22P05"))));
        assertFalse(DatabaseFailures.isTransient(wrapped(new SQLException("value too long", "22001"))));
        assertFalse(DatabaseFailures.isTransient(wrapped(new SQLException("duplicate key value", "23505"))));
        assertFalse(DatabaseFailures.isTransient(wrapped(new SQLException("object not in prerequisite state", "55000"))));
        assertFalse(DatabaseFailures.isTransient(new IllegalArgumentException("a rule of the applier")));
        assertFalse(DatabaseFailures.isTransient(new PersistenceException("no SQL cause")));
    }
}
