package org.citycoop.matching.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The schemes of the read model (table {@code scheme}): the event data as JSONB plus the columns that locate a
 * scheme (status, window, countries, applicant types, challenge areas) and {@code written_xid}, the transaction
 * that last wrote the row, from which {@link ReadModelIndexer} refreshes every instance's in-memory index.
 */
@ApplicationScoped
public class SchemeStore {

    @Inject
    EntityManager entityManager;

    @Inject
    EventJson json;

    /**
     * Stores the scheme unless the read model holds the same or a newer version of it.
     *
     * @return true when stored, false when the event was older or equal (ignored)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(SchemeData scheme) {
        SchemeData.ApplicationWindow window = scheme.window();
        return entityManager.createNativeQuery("""
                        INSERT INTO scheme (id, version, agency_id, status, superseded_by, window_kind, deadline,
                                            eligible_countries, applicant_types, challenge_areas, data)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, CAST(?11 AS jsonb))
                        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, agency_id = EXCLUDED.agency_id,
                            status = EXCLUDED.status, superseded_by = EXCLUDED.superseded_by,
                            window_kind = EXCLUDED.window_kind, deadline = EXCLUDED.deadline,
                            eligible_countries = EXCLUDED.eligible_countries,
                            applicant_types = EXCLUDED.applicant_types,
                            challenge_areas = EXCLUDED.challenge_areas, data = EXCLUDED.data,
                            written_xid = pg_current_xact_id()
                        WHERE scheme.version < EXCLUDED.version""")
                .unwrap(NativeQuery.class)
                .setParameter(1, scheme.id(), String.class)
                .setParameter(2, scheme.version(), Long.class)
                .setParameter(3, scheme.agencyId(), String.class)
                .setParameter(4, scheme.status() == null ? null : scheme.status().name(), String.class)
                .setParameter(5, scheme.supersededBy(), String.class)
                .setParameter(6, window == null || window.kind() == null ? null : window.kind().name(), String.class)
                .setParameter(7, window == null ? null : window.deadline(), OffsetDateTime.class)
                .setParameter(8, scheme.eligibleCountries().toArray(String[]::new), String[].class)
                .setParameter(9, names(scheme.applicantTypes()), String[].class)
                .setParameter(10, names(scheme.challengeAreas()), String[].class)
                .setParameter(11, json.write(scheme), String.class)
                .executeUpdate() == 1;
    }

    /** One scheme of the read model, by id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<SchemeData> find(String id) {
        List<?> rows = entityManager.createNativeQuery("SELECT CAST(data AS text) FROM scheme WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(row -> read((String) row));
    }

    private SchemeData read(String data) {
        try {
            return json.read(data, SchemeData.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored scheme data cannot be read", e);
        }
    }

    private static String[] names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }
}
