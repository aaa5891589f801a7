package org.citycoop.catalog.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.storage.DatabaseTime;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The {@code activity_import} table: the state and progress of background imports, each change in a transaction of
 * its own, so that every instance reads them while the import's own transaction is still open.
 */
@ApplicationScoped
public class ImportJobRepository {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    DatabaseTime time;

    @Transactional
    ImportJob queued(String agencyId, long size) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = time.nowUtc();
        entityManager.createNativeQuery("INSERT INTO activity_import (id, agency_id, state, bytes_total, bytes_read, activities, "
                        + "created, updated, unchanged, rejected, created_at, updated_at) VALUES (?1, ?2, 'QUEUED', ?3, 0, 0, 0, 0, 0, 0, ?4, ?4)")
                .setParameter(1, id).setParameter(2, agencyId).setParameter(3, size).setParameter(4, now)
                .executeUpdate();
        return new ImportJob(id, agencyId, ImportJob.State.QUEUED, 0, size, 0, 0, 0, 0, 0, null, null, now.toInstant(),
                now.toInstant()); // what was just written: no need to read it back
    }

    /**
     * Writes an import's state in a transaction of its own.
     *
     * @param bytesRead -1: unchanged
     * @param counts the counts so far (its items are not read); null: unchanged
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void update(UUID id, ImportJob.State state, long bytesRead, ImportReport counts, ImportReport report, Problem problem) {
        entityManager.createNativeQuery("UPDATE activity_import SET state = ?2, bytes_read = CASE WHEN ?3 < 0 THEN bytes_read ELSE ?3 END, "
                        + "activities = COALESCE(?4, activities), created = COALESCE(?5, created), updated = COALESCE(?6, updated), "
                        + "unchanged = COALESCE(?7, unchanged), rejected = COALESCE(?8, rejected), "
                        + "report = CAST(?9 AS jsonb), problem = CAST(?10 AS jsonb), updated_at = ?11 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, state.name()).setParameter(3, bytesRead)
                .setParameter(4, counts == null ? null : counts.activities())
                .setParameter(5, counts == null ? null : counts.created())
                .setParameter(6, counts == null ? null : counts.updated())
                .setParameter(7, counts == null ? null : counts.unchanged())
                .setParameter(8, counts == null ? null : counts.rejected())
                .setParameter(9, json(report)).setParameter(10, json(problem))
                .setParameter(11, time.nowUtc())
                .executeUpdate();
    }

    /** @throws ProblemException 404 when the agency has no such import */
    @Transactional
    public ImportJob get(String agencyId, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, agency_id, state, bytes_read, bytes_total, activities, created, "
                        + "updated, unchanged, rejected, report::text, problem::text, created_at, updated_at FROM activity_import "
                        + "WHERE id = ?1 AND agency_id = ?2")
                .setParameter(1, id).setParameter(2, agencyId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Agency " + agencyId + " has no IATI import " + id + ".");
        }
        Object[] row = rows.get(0);
        return new ImportJob((UUID) row[0], (String) row[1], ImportJob.State.valueOf((String) row[2]), number(row[3]), number(row[4]),
                (int) number(row[5]), (int) number(row[6]), (int) number(row[7]), (int) number(row[8]), (int) number(row[9]),
                read((String) row[10], ImportReport.class), read((String) row[11], Problem.class), instant(row[12]), instant(row[13]));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return DatabaseTime.utc(value).toInstant();
    }

    private String json(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

}
