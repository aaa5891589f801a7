package org.citycoop.matching.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.citycoop.platform.storage.DatabaseTime;
import org.hibernate.query.NativeQuery;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Application plans (table {@code application_plan}): the stored part as JSON, its version and creation time. */
@ApplicationScoped
public class PlanRepository {

    /** One stored plan: its JSON ({@code PlanService.Stored}), version and creation time. */
    record Row(String plan, long version, OffsetDateTime createdAt) {
    }

    @Inject
    EntityManager entityManager;

    /** Stores a new plan of the need; false, storing nothing, when the need is gone (deleted meanwhile). */
    boolean insert(UUID id, UUID needId, String schemeId, String plan, OffsetDateTime createdAt) {
        return entityManager.createNativeQuery("""
                        INSERT INTO application_plan (id, need_id, scheme_id, plan, version, created_at)
                        SELECT ?1, ?2, ?3, CAST(?4 AS jsonb), 1, ?5 WHERE EXISTS (SELECT 1 FROM need WHERE id = ?2)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, id, UUID.class)
                .setParameter(2, needId, UUID.class)
                .setParameter(3, schemeId, String.class)
                .setParameter(4, plan, String.class)
                .setParameter(5, createdAt, OffsetDateTime.class)
                .executeUpdate() == 1;
    }

    void update(UUID id, String plan, long version) {
        entityManager.createNativeQuery("UPDATE application_plan SET plan = CAST(?2 AS jsonb), version = ?3 WHERE id = ?1")
                .unwrap(NativeQuery.class)
                .setParameter(1, id, UUID.class)
                .setParameter(2, plan, String.class)
                .setParameter(3, version, Long.class)
                .executeUpdate();
    }

    /** The plan of this need, locked for update when {@code lock}. */
    Optional<Row> find(UUID needId, UUID planId, boolean lock) {
        List<?> rows = entityManager.createNativeQuery("SELECT CAST(plan AS text), version, created_at FROM application_plan"
                        + " WHERE id = ?1 AND need_id = ?2" + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, planId).setParameter(2, needId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Row((String) row[0], ((Number) row[1]).longValue(), DatabaseTime.utc(row[2])));
    }
}
