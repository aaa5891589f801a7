package org.citycoop.catalog.history;

import org.citycoop.catalog.changes.ChangeType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Keyset;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.storage.DatabaseTime;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps every version of every scheme ({@code scheme_version}) and answers its history, newest first, with
 * the differences between consecutive versions.
 */
@ApplicationScoped
public class SchemeHistoryRepository {

    /** Bookkeeping that changes with every version; left out of the differences. */
    static final Set<String> NOT_COMPARED = Set.of("version", "createdAt", "updatedAt");

    private static final String CURSOR_MARK = "history";

    private static final JsonDifferences DIFFERENCES = new JsonDifferences(NOT_COMPARED);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /**
     * Stores versions, in one JDBC batch; must run in the transaction of the changes (after the schemes' rows are
     * written: a version refers to its scheme).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<SchemeVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO scheme_version (scheme_id, version, content, changed_at, change, changed_by)
                    VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?)""")) {
                for (SchemeVersion version : versions) {
                    insert.setObject(1, version.schemeId());
                    insert.setLong(2, version.version());
                    insert.setString(3, version.representation());
                    insert.setObject(4, version.changedAt().atOffset(ZoneOffset.UTC));
                    insert.setString(5, version.change().name());
                    insert.setString(6, version.changedBy());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * A version to store.
     *
     * @param changedBy the principal who made the change ({@link org.citycoop.platform.security.Caller#name()})
     * @param representation the scheme as the API and the event give it, as JSON
     */
    public record SchemeVersion(UUID schemeId, long version, ChangeType change, Instant changedAt, String changedBy,
                                String representation) {
    }

    /**
     * One page of a scheme's versions, newest first.
     *
     * @param cursor from the previous page's {@code next} link, or null for the first page
     * @throws ProblemException 400 naming {@code cursor} when this list did not make it
     */
    @Transactional
    public HistoryPage page(UUID schemeId, String cursor, int limit) {
        Long before = beforeVersion(cursor);
        // One more row than the page to tell whether there is a next page, and one more again: the version
        // before the page's last, to compare it with.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT version, changed_at, change, CAST(content AS text), changed_by FROM scheme_version
                        WHERE scheme_id = ?1 AND version < ?2 ORDER BY version DESC LIMIT ?3""")
                .setParameter(1, schemeId)
                .setParameter(2, before == null ? Long.MAX_VALUE : before)
                .setParameter(3, Keyset.fetch(limit) + 1)
                .getResultList();
        Keyset<Object[]> page = Keyset.of(rows, limit, last -> List.of(CURSOR_MARK, Long.toString(((Number) last[0]).longValue())));
        List<SchemeChange> items = new ArrayList<>();
        for (int i = 0; i < page.items().size(); i++) {
            Object[] row = rows.get(i);
            JsonNode content = json((String) row[3]);
            JsonNode previous = i + 1 < rows.size() ? json((String) rows.get(i + 1)[3]) : null;
            List<SchemeChange.FieldDifference> differences = previous == null ? List.of()
                    : DIFFERENCES.between(previous, content).stream()
                    .map(d -> new SchemeChange.FieldDifference(d.field(), d.before(), d.after())).toList();
            items.add(new SchemeChange(((Number) row[0]).longValue(), DatabaseTime.utc(row[1]), ChangeType.valueOf((String) row[2]), (String) row[4],
                    differences));
        }
        return new HistoryPage(items, page.cursor());
    }

    private static Long beforeVersion(String cursor) {
        List<String> parts = Cursor.decode(cursor, 2);
        if (parts == null) {
            return null;
        }
        try {
            long version = Long.parseLong(parts.get(1));
            if (CURSOR_MARK.equals(parts.get(0)) && version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest("cursor", "not a cursor returned by this list; start again without it");
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored scheme version is not JSON", e);
        }
    }

    /** A page of versions and the cursor of the next one (null on the last page). */
    public record HistoryPage(List<SchemeChange> items, String nextCursor) {
    }
}
