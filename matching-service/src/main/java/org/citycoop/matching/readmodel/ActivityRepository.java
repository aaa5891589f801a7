package org.citycoop.matching.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

/** The agencies' IATI activities in the read model (table {@code activity}). */
@ApplicationScoped
public class ActivityRepository {

    @Inject
    EntityManager entityManager;

    @Inject
    EventJson json;

    /**
     * Stores the activity unless the read model holds the same or a newer version of it.
     *
     * @return true when stored, false when the event was older or equal (ignored)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(ActivityData activity) {
        return entityManager.createNativeQuery("""
                        INSERT INTO activity (id, version, agency_id, data)
                        VALUES (?1, ?2, ?3, CAST(?4 AS jsonb))
                        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, agency_id = EXCLUDED.agency_id,
                            data = EXCLUDED.data, written_xid = pg_current_xact_id()
                        WHERE activity.version < EXCLUDED.version""")
                .unwrap(NativeQuery.class)
                .setParameter(1, activity.id(), String.class)
                .setParameter(2, activity.version(), Long.class)
                .setParameter(3, activity.agencyId(), String.class)
                .setParameter(4, json.write(activity), String.class)
                .executeUpdate() == 1;
    }
}
