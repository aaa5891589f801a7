package org.citycoop.twinning.arrangement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code Idempotency-Key}s of {@code POST /v1/twinnings} (table {@code twinning_idempotency_key}):
 * each key with a hash of the request it came with and the arrangement it created. The key is claimed in
 * the creating transaction, so a failed request leaves no key behind, and a second request with the same
 * key waits for the first one's commit and then sees its row.
 */
@ApplicationScoped
public class IdempotencyKeys {

    @Inject
    EntityManager entityManager;

    /**
     * What a key was first used for.
     *
     * @param requestSha256 hash of the request body it came with
     * @param arrangementId the arrangement it created
     */
    public record Use(String requestSha256, UUID arrangementId) {
    }

    /**
     * Claims {@code key} for a new arrangement.
     *
     * @return empty when the key is new (now claimed for {@code arrangementId}), otherwise its earlier use
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Use> claim(String key, String requestSha256, UUID arrangementId, Instant now) {
        int claimed = entityManager.createNativeQuery("""
                        INSERT INTO twinning_idempotency_key (idempotency_key, request_sha256, arrangement_id, created_at)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT (idempotency_key) DO NOTHING""")
                .setParameter(1, key)
                .setParameter(2, requestSha256)
                .setParameter(3, arrangementId)
                .setParameter(4, now)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT request_sha256, arrangement_id FROM twinning_idempotency_key WHERE idempotency_key = ?1")
                .setParameter(1, key)
                .getResultList();
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Use((String) row[0], (UUID) row[1]));
    }
}
