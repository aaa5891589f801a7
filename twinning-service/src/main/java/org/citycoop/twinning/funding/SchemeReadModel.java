package org.citycoop.twinning.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The catalogue's schemes as this service knows them (table {@code scheme}), from {@code catalog.schemes}. */
@ApplicationScoped
public class SchemeReadModel {

    @Inject
    EntityManager entityManager;

    /**
     * Stores the scheme unless the read model holds the same or a newer version.
     *
     * @return true when stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(SchemeData scheme) {
        return entityManager.createNativeQuery("""
                        INSERT INTO scheme (id, agency_id, ref, name, status, version, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (id) DO UPDATE SET agency_id = EXCLUDED.agency_id, ref = EXCLUDED.ref,
                            name = EXCLUDED.name, status = EXCLUDED.status, version = EXCLUDED.version,
                            updated_at = EXCLUDED.updated_at
                        WHERE scheme.version < EXCLUDED.version""")
                .setParameter(1, scheme.id()).setParameter(2, scheme.agencyId()).setParameter(3, scheme.ref())
                .setParameter(4, scheme.name()).setParameter(5, scheme.status() == null ? null : scheme.status().name())
                .setParameter(6, scheme.version()).setParameter(7, Instant.now())
                .executeUpdate() == 1;
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
