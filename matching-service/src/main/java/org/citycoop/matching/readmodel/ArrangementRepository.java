package org.citycoop.matching.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/** The twinning arrangements of the read model (table {@code arrangement}). */
@ApplicationScoped
public class ArrangementRepository {

    @Inject
    EntityManager entityManager;

    @Inject
    EventJson json;

    /**
     * Stores the arrangement unless the read model holds the same or a newer version of it.
     *
     * @return true when stored, false when the event was older or equal (ignored)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(ArrangementData arrangement) {
        String[] cityIds = arrangement.cities().stream().map(ArrangementData.City::cityId).filter(Objects::nonNull)
                .toArray(String[]::new);
        return entityManager.createNativeQuery("""
                        INSERT INTO arrangement (id, version, status, city_ids, data)
                        VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb))
                        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
                            city_ids = EXCLUDED.city_ids, data = EXCLUDED.data,
                            written_xid = pg_current_xact_id()
                        WHERE arrangement.version < EXCLUDED.version""")
                .unwrap(NativeQuery.class)
                .setParameter(1, arrangement.id(), String.class)
                .setParameter(2, arrangement.version(), Long.class)
                .setParameter(3, arrangement.status() == null ? null : arrangement.status().name(), String.class)
                .setParameter(4, cityIds, String[].class)
                .setParameter(5, json.write(arrangement), String.class)
                .executeUpdate() == 1;
    }

    /** Every arrangement, in any status, that {@code cityId} (a GeoNames id) takes part in, by id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ArrangementData> involving(String cityId) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery(
                        "SELECT CAST(data AS text) FROM arrangement WHERE ?1 = ANY (city_ids) ORDER BY id")
                .setParameter(1, cityId)
                .getResultList();
        return rows.stream().map(this::read).toList();
    }

    private ArrangementData read(String data) {
        try {
            return json.read(data, ArrangementData.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored arrangement data cannot be read", e);
        }
    }
}
