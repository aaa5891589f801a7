package org.citycoop.matching.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.citycoop.matching.readmodel.EventJson;
import org.hibernate.query.NativeQuery;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The last evaluated match state per (need, scheme) (table {@code need_match}) and the alerts (table {@code alert}). */
@ApplicationScoped
public class AlertRepository {

    @Inject
    EntityManager entityManager;

    @Inject
    EventJson json;

    /** An alert with its position in the need's list. */
    public record Stored(long seq, Alert alert) {
    }

    /** The schemes that matched the need when last evaluated, by scheme id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, MatchState> states(UUID needId) {
        List<?> rows = entityManager.createNativeQuery("SELECT scheme_id, CAST(state AS text) FROM need_match WHERE need_id = ?1")
                .setParameter(1, needId).getResultList();
        Map<String, MatchState> states = new HashMap<>();
        rows.forEach(row -> states.put((String) ((Object[]) row)[0], read((String) ((Object[]) row)[1], MatchState.class)));
        return states;
    }

    /** The state of one scheme for one need; null when it did not match. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MatchState state(UUID needId, String schemeId) {
        List<?> rows = entityManager.createNativeQuery("SELECT CAST(state AS text) FROM need_match WHERE need_id = ?1 AND scheme_id = ?2")
                .setParameter(1, needId).setParameter(2, schemeId).getResultList();
        return rows.isEmpty() ? null : read((String) rows.get(0), MatchState.class);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void saveState(UUID needId, MatchState state) {
        entityManager.createNativeQuery("""
                        INSERT INTO need_match (need_id, scheme_id, state) VALUES (?1, ?2, CAST(?3 AS jsonb))
                        ON CONFLICT (need_id, scheme_id) DO UPDATE SET state = EXCLUDED.state""")
                .unwrap(NativeQuery.class)
                .setParameter(1, needId, UUID.class)
                .setParameter(2, state.schemeId(), String.class)
                .setParameter(3, json.write(state), String.class)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteState(UUID needId, String schemeId) {
        entityManager.createNativeQuery("DELETE FROM need_match WHERE need_id = ?1 AND scheme_id = ?2")
                .setParameter(1, needId).setParameter(2, schemeId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void clearStates(UUID needId) {
        entityManager.createNativeQuery("DELETE FROM need_match WHERE need_id = ?1").setParameter(1, needId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Alert alert) {
        entityManager.createNativeQuery("""
                        INSERT INTO alert (id, need_id, scheme_id, reason, data, created_at)
                        VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, alert.id(), UUID.class)
                .setParameter(2, alert.needId(), UUID.class)
                .setParameter(3, alert.scheme().id(), String.class)
                .setParameter(4, alert.reason().name(), String.class)
                .setParameter(5, json.write(alert), String.class)
                .setParameter(6, alert.createdAt(), OffsetDateTime.class)
                .executeUpdate();
    }

    /** A page of a need's alerts, oldest first, after position {@code afterSeq} (0 for the first page). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Stored> page(UUID needId, long afterSeq, int limit) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT seq, CAST(data AS text) FROM alert WHERE need_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3")
                .setParameter(1, needId).setParameter(2, afterSeq).setParameter(3, limit).getResultList();
        return rows.stream().map(row -> {
            Object[] columns = (Object[]) row;
            return new Stored(((Number) columns[0]).longValue(), read((String) columns[1], Alert.class));
        }).toList();
    }

    private <T> T read(String data, Class<T> type) {
        try {
            return json.read(data, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
