package org.citycoop.platform.events;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The JDBC batch of a consumer's versioned upserts: one {@code INSERT ... ON CONFLICT ... DO UPDATE ... WHERE
 * version < EXCLUDED.version} per event of a poll ({@link EventBatches}), sent in one round trip, and which of
 * them stored their row. Statements of a batch run in order, so an aggregate that comes twice in one poll is
 * stored as one event after the other would be.
 */
public final class VersionedUpserts {

    private VersionedUpserts() {
    }

    /**
     * Executes the statement's batch.
     *
     * @return for each statement added, true when it wrote its row (a newer version), false when the row held the
     *     same or a newer version
     * @throws IllegalStateException when the driver does not report each statement's count, as the PostgreSQL
     *     driver with {@code reWriteBatchedInserts} does: that must stay off for a consumer's data source
     */
    public static boolean[] execute(PreparedStatement batch) throws SQLException {
        int[] counts = batch.executeBatch();
        boolean[] stored = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("The JDBC driver did not say which rows were stored; "
                        + "reWriteBatchedInserts must stay off for a consumer's data source");
            }
            stored[i] = counts[i] == 1;
        }
        return stored;
    }
}
