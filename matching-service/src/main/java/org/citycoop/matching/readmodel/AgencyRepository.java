package org.citycoop.matching.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The agencies of the read model (table {@code agency}). */
@ApplicationScoped
public class AgencyRepository {

    @Inject
    EntityManager entityManager;

    /**
     * Stores the agency unless the read model holds the same or a newer version of it.
     *
     * @return true when stored, false when the event was older or equal (ignored)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(AgencyData agency) {
        return entityManager.createNativeQuery("""
                        INSERT INTO agency (id, version, name, acronym) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name,
                            acronym = EXCLUDED.acronym,
                            written_xid = pg_current_xact_id()
                        WHERE agency.version < EXCLUDED.version""")
                .setParameter(1, agency.id())
                .setParameter(2, agency.version())
                .setParameter(3, agency.name())
                .setParameter(4, agency.acronym())
                .executeUpdate() == 1;
    }
}
