package org.citycoop.platform.storage;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Which database failures pass by themselves: a consumer retries its poll on them ({@code events.EventBatches}), and a
 * request that meets one is answered 503 with {@code Retry-After} ({@code problem.ProblemMappers}), not 500 (PostgreSQL
 * restarting or failing over, the pool out of connections).
 */
public final class DatabaseFailures {

    /** SQLSTATE classes and codes of failures that can pass by themselves (PostgreSQL Appendix A). */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private DatabaseFailures() {
    }

    /**
     * True when a failure can pass by itself: an {@link SQLException} in its causes that is transient or
     * recoverable, has no SQLSTATE (the connection pool's own, such as a timeout waiting for a connection), or
     * whose SQLSTATE is of class 08 (connection), 40 (serialization failure, deadlock), 53 (insufficient
     * resources), 57 (operator intervention, such as a shutdown or a cancelled statement), 58 (system error), or
     * is 55P03 (lock not available). Anything else, a data exception (class 22) or a constraint (23) for
     * instance, would fail again.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.length() < 2 || LOCK_NOT_AVAILABLE.equals(state)
                        || TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2));
            }
        }
        return false;
    }
}
