package org.citycoop.catalog.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.citycoop.platform.storage.AdvisoryLocks;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.storage.DatabaseTime;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue's change feed ({@code catalog_change}): one row per change, written in the transaction of
 * the change, read in {@code seq} order.
 */
@ApplicationScoped
public class ChangeFeedRepository {

    private static final String CURSOR_MARK = "changes";

    private static final String BAD_CURSOR = "not a cursor returned by this feed; start again without it";

    @Inject
    EntityManager entityManager;

    /**
     * Records a change; must run in the transaction of the change.
     *
     * @param ref the scheme's reference at its agency, null for an agency
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ChangeSubject kind, String resourceId, String agencyId, String ref, ChangeType change, long version,
                       Instant changedAt) {
        recordAll(List.of(new ChangeLine(kind, resourceId, agencyId, ref, change, version, changedAt)));
    }

    /** Records changes in the order given, in one JDBC batch; must run in the transaction of the changes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<ChangeLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        // Identity values are handed out at insert but become visible at commit, so under concurrent
        // transactions seq 8 can be seen before seq 7 commits, and a reader that has moved past 8 would skip 7.
        // Rather than hiding recent rows (changed_at older than a second), which is only probably correct, we
        // take a transaction-level advisory lock on one fixed key before inserting: writers of the feed queue
        // here until the holder commits or rolls back, so seq is assigned in commit order. Simple and correct;
        // it serialises only the short tail of catalogue writes (a batch takes it once per group of items).
        // The change's own writes go to the database first, so that this lock is the last one the transaction
        // takes (a writer holding it never waits for a row another writer holds while waiting for it).
        entityManager.flush();
        AdvisoryLocks.lockForTransaction(entityManager, "catalog-change-feed");
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO catalog_change (kind, resource_id, agency_id, ref, change, version, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                for (ChangeLine line : lines) {
                    insert.setString(1, line.kind().name());
                    insert.setString(2, line.resourceId());
                    insert.setString(3, line.agencyId());
                    insert.setString(4, line.ref());
                    insert.setString(5, line.change().name());
                    insert.setLong(6, line.version());
                    insert.setObject(7, line.changedAt().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * One change to record.
     *
     * @param ref the scheme's reference at its agency, null for an agency
     */
    public record ChangeLine(ChangeSubject kind, String resourceId, String agencyId, String ref, ChangeType change, long version,
                             Instant changedAt) {
    }

    /**
     * The changes after a cursor, oldest first, and the cursor to read on from (never null: the feed goes on).
     *
     * @param after from the previous page's {@code next} link, or null for the start of the feed
     * @throws ProblemException 400 naming {@code after} when this feed did not make the cursor
     */
    @Transactional
    public ChangePage page(String after, int limit) {
        long afterSeq = afterSeq(after);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT seq, kind, resource_id, agency_id, ref, change, version, changed_at FROM catalog_change
                        WHERE seq > ?1 ORDER BY seq LIMIT ?2""")
                .setParameter(1, afterSeq)
                .setParameter(2, limit)
                .getResultList();
        List<Change> items = new ArrayList<>();
        long last = afterSeq;
        for (Object[] row : rows) {
            long seq = ((Number) row[0]).longValue();
            ChangeSubject kind = ChangeSubject.valueOf((String) row[1]);
            String id = (String) row[2];
            items.add(new Change(seq, kind, id, (String) row[3], (String) row[4], ChangeType.valueOf((String) row[5]),
                    ((Number) row[6]).longValue(), DatabaseTime.utc(row[7]),
                    (kind == ChangeSubject.AGENCY ? "/v1/agencies/" : "/v1/schemes/") + id));
            last = seq;
        }
        return new ChangePage(items, cursor(last));
    }

    static String cursor(long seq) {
        return Cursor.encode(List.of(CURSOR_MARK, Long.toString(seq)));
    }

    /** The seq a cursor of this feed starts after; 0 without a cursor. */
    static long afterSeq(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        List<String> parts;
        try {
            parts = Cursor.decode(after, 2);
        } catch (ProblemException e) {
            throw ProblemException.badRequest("after", BAD_CURSOR);
        }
        if (parts != null && CURSOR_MARK.equals(parts.get(0)) && parts.get(1).matches("[0-9]{1,18}")) {
            return Long.parseLong(parts.get(1));
        }
        throw ProblemException.badRequest("after", BAD_CURSOR);
    }

    /** A page of changes and the cursor to read on from. */
    public record ChangePage(List<Change> items, String nextCursor) {
    }
}
