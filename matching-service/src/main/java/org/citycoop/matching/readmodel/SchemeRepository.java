package org.citycoop.matching.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.citycoop.platform.events.VersionedUpserts;
import org.hibernate.Session;

import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.Collection;
import java.util.List;

/**
 * The schemes of the read model (table {@code scheme}): the event data as JSONB plus the columns that locate a
 * scheme (status, window, countries, applicant types, challenge areas) and {@code written_xid}, the transaction
 * that last wrote the row, from which {@link ReadModelIndexer} refreshes every instance's in-memory index.
 */
@ApplicationScoped
public class SchemeRepository {

    @Inject
    EntityManager entityManager;

    @Inject
    EventJson json;

    /**
     * Stores each scheme unless the read model holds the same or a newer version of it, in order, in one JDBC batch
     * (one round trip for a whole poll). A scheme listed twice is stored in the order given, as one statement after
     * the other would.
     *
     * @return for each scheme, true when stored, false when the read model held this version or a newer one (ignored)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] storeAll(List<SchemeData> schemes) {
        if (schemes.isEmpty()) {
            return new boolean[0];
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (SchemeData scheme : schemes) {
                    SchemeData.ApplicationWindow window = scheme.window();
                    upsert.setString(1, scheme.id());
                    upsert.setLong(2, scheme.version());
                    upsert.setString(3, scheme.agencyId());
                    upsert.setString(4, scheme.status() == null ? null : scheme.status().name());
                    upsert.setString(5, scheme.supersededBy());
                    upsert.setString(6, window == null || window.kind() == null ? null : window.kind().name());
                    upsert.setObject(7, window == null ? null : window.deadline(), Types.TIMESTAMP_WITH_TIMEZONE);
                    upsert.setArray(8, connection.createArrayOf("text", scheme.eligibleCountries().toArray()));
                    upsert.setArray(9, connection.createArrayOf("text", names(scheme.applicantTypes())));
                    upsert.setArray(10, connection.createArrayOf("text", names(scheme.challengeAreas())));
                    upsert.setString(11, json.write(scheme));
                    upsert.addBatch();
                }
                return VersionedUpserts.execute(upsert);
            }
        });
    }

    private static final String UPSERT = """
            INSERT INTO scheme (id, version, agency_id, status, superseded_by, window_kind, deadline,
                                eligible_countries, applicant_types, challenge_areas, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, agency_id = EXCLUDED.agency_id,
                status = EXCLUDED.status, superseded_by = EXCLUDED.superseded_by,
                window_kind = EXCLUDED.window_kind, deadline = EXCLUDED.deadline,
                eligible_countries = EXCLUDED.eligible_countries,
                applicant_types = EXCLUDED.applicant_types,
                challenge_areas = EXCLUDED.challenge_areas, data = EXCLUDED.data,
                written_xid = pg_current_xact_id()
            WHERE scheme.version < EXCLUDED.version""";

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
