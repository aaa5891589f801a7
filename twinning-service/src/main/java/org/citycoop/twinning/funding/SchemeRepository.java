package org.citycoop.twinning.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.citycoop.platform.events.VersionedUpserts;
import org.citycoop.platform.storage.DatabaseTime;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The catalogue's schemes as this service knows them (table {@code scheme}), from {@code catalog.schemes}. */
@ApplicationScoped
public class SchemeRepository {

    @Inject
    DatabaseTime time;

    @Inject
    EntityManager entityManager;

    /**
     * Stores each scheme unless the read model holds the same or a newer version, in order, in one JDBC batch (one
     * round trip for a whole poll); a scheme listed twice is stored as one statement after the other would.
     *
     * @return for each scheme, true when stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] storeAll(List<SchemeData> schemes) {
        if (schemes.isEmpty()) {
            return new boolean[0];
        }
        OffsetDateTime now = time.nowUtc();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO scheme (id, agency_id, ref, name, status, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET agency_id = EXCLUDED.agency_id, ref = EXCLUDED.ref,
                        name = EXCLUDED.name, status = EXCLUDED.status, version = EXCLUDED.version,
                        updated_at = EXCLUDED.updated_at
                    WHERE scheme.version < EXCLUDED.version""")) {
                for (SchemeData scheme : schemes) {
                    upsert.setString(1, scheme.id());
                    upsert.setString(2, scheme.agencyId());
                    upsert.setString(3, scheme.ref());
                    upsert.setString(4, scheme.name());
                    upsert.setString(5, scheme.status() == null ? null : scheme.status().name());
                    upsert.setLong(6, scheme.version());
                    upsert.setObject(7, now);
                    upsert.addBatch();
                }
                return VersionedUpserts.execute(upsert);
            }
        });
    }

    /** The scheme, if the read model holds it. */
    @SuppressWarnings("unchecked")
    public Optional<SchemeData> find(String id) {
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT id, agency_id, ref, name, status, version FROM scheme WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new SchemeData((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                r[4] == null ? null : SchemeData.SchemeStatus.valueOf((String) r[4]), ((Number) r[5]).longValue()));
    }
}
