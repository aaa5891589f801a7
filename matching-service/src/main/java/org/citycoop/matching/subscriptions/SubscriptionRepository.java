package org.citycoop.matching.subscriptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.citycoop.matching.needs.NeedAccess;
import org.citycoop.matching.alerts.Alert;
import org.citycoop.matching.readmodel.EventJson;
import org.citycoop.platform.storage.DatabaseTime;
import org.hibernate.query.NativeQuery;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions (table {@code subscription}) and their deliveries (table {@code delivery}). */
@ApplicationScoped
public class SubscriptionRepository {

    @Inject
    DatabaseTime time;

    @Inject
    EntityManager entityManager;

    @Inject
    EventJson json;

    /** A delivery claimed for an attempt, with what is needed to send it. */
    public record Claimed(UUID id, UUID subscriptionId, String url, String secret, boolean digest, String alertsJson, int attempt) {
    }

    /**
     * Stores a subscription with what its owner may see of the saved needs ({@link NeedAccess#visibility}: null for the
     * secretariat admin, who sees them all); false, storing nothing, when its need is gone (deleted meanwhile).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insert(Subscription subscription, NeedAccess.Visibility owner) {
        return entityManager.createNativeQuery("""
                        INSERT INTO subscription (id, created_by, need_id, url, secret, mode, created_at, sees_all, city_ids)
                        SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9
                        WHERE CAST(?3 AS uuid) IS NULL OR EXISTS (SELECT 1 FROM need WHERE id = ?3)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, subscription.id(), UUID.class)
                .setParameter(2, subscription.createdBy(), String.class)
                .setParameter(3, subscription.needId(), UUID.class)
                .setParameter(4, subscription.url(), String.class)
                .setParameter(5, subscription.secret(), String.class)
                .setParameter(6, subscription.mode().name(), String.class)
                .setParameter(7, subscription.createdAt(), OffsetDateTime.class)
                .setParameter(8, owner == null, Boolean.class)
                .setParameter(9, owner == null ? new String[0] : owner.cityIds().stream().sorted().toArray(String[]::new), String[].class)
                .executeUpdate() == 1;
    }

    /** The subscription, without its secret. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Subscription> find(UUID id) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT id, url, need_id, mode, created_by, created_at FROM subscription WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new Subscription((UUID) c[0], (String) c[1], (UUID) c[2], DeliveryMode.valueOf((String) c[3]),
                    (String) c[4], DatabaseTime.utc(c[5]), null);
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(UUID id) {
        return entityManager.createNativeQuery("DELETE FROM subscription WHERE id = ?1").setParameter(1, id).executeUpdate() == 1;
    }

    /**
     * Queues the alert for every subscription to its need, or to all needs of {@code needCreatedBy}, whose owner may
     * still see the need (as when it subscribed: the admin, the need's owner, an editor of the need's city): an
     * immediate subscription gets a delivery due now; a digest one adds the alert to its open digest (due at
     * the next 00:00 UTC), opening one when there is none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Alert alert, String needCreatedBy, String needCityId) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT id, mode FROM subscription WHERE (need_id = ?1 OR (need_id IS NULL AND created_by = ?2))
                        AND (sees_all OR created_by = ?2 OR CAST(?3 AS text) = ANY (city_ids))""")
                .unwrap(NativeQuery.class)
                .setParameter(1, alert.needId(), UUID.class).setParameter(2, needCreatedBy, String.class)
                .setParameter(3, needCityId, String.class).getResultList();
        Instant now = time.now();
        String alerts = json.write(List.of(alert));
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            boolean digest = DeliveryMode.valueOf((String) c[1]) == DeliveryMode.DAILY_DIGEST;
            Instant due = digest ? LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : now;
            entityManager.createNativeQuery("""
                            INSERT INTO delivery (id, subscription_id, status, digest, alerts, attempts, due_at, created_at)
                            VALUES (?1, ?2, 'PENDING', ?3, CAST(?4 AS jsonb), 0, ?5, ?6)
                            ON CONFLICT (subscription_id) WHERE status = 'PENDING' AND digest AND attempts = 0
                            DO UPDATE SET alerts = delivery.alerts || EXCLUDED.alerts""")
                    .unwrap(NativeQuery.class)
                    .setParameter(1, UUID.randomUUID(), UUID.class)
                    .setParameter(2, (UUID) c[0], UUID.class)
                    .setParameter(3, digest, Boolean.class)
                    .setParameter(4, alerts, String.class)
                    .setParameter(5, due.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                    .setParameter(6, now.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                    .executeUpdate();
        }
    }

    /**
     * Claims up to {@code limit} due deliveries (skipping those another instance holds): counts the attempt and
     * moves their due time {@code leaseSeconds} ahead, so a crash during the attempt only delays a retry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claimed> claimDue(Instant now, int limit, long leaseSeconds) {
        List<?> rows = entityManager.createNativeQuery("""
                        UPDATE delivery d SET attempts = d.attempts + 1, due_at = ?2
                        FROM subscription s
                        WHERE s.id = d.subscription_id AND d.id IN (
                            SELECT id FROM delivery WHERE status = 'PENDING' AND due_at <= ?1
                            ORDER BY due_at LIMIT ?3 FOR UPDATE SKIP LOCKED)
                        RETURNING d.id, d.subscription_id, s.url, s.secret, d.digest, CAST(d.alerts AS text), d.attempts""")
                .unwrap(NativeQuery.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                .setParameter(2, now.plusSeconds(leaseSeconds).atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                .setParameter(3, limit, Integer.class)
                .getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            claimed.add(new Claimed((UUID) c[0], (UUID) c[1], (String) c[2], (String) c[3], (Boolean) c[4], (String) c[5],
                    ((Number) c[6]).intValue()));
        }
        return claimed;
    }

    /**
     * Records the outcome of an attempt.
     *
     * @param nextAttemptAt when to try again; null when delivered or out of attempts
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAttempt(UUID id, boolean delivered, Integer statusCode, String error, Instant nextAttemptAt, Instant now) {
        String status = delivered ? "DELIVERED" : nextAttemptAt == null ? "FAILED" : "PENDING";
        entityManager.createNativeQuery("""
                        UPDATE delivery SET status = ?2, last_status_code = ?3, last_error = ?4, due_at = COALESCE(?5, due_at),
                            delivered_at = ?6 WHERE id = ?1""")
                .unwrap(NativeQuery.class)
                .setParameter(1, id, UUID.class)
                .setParameter(2, status, String.class)
                .setParameter(3, statusCode, Integer.class)
                .setParameter(4, error, String.class)
                .setParameter(5, nextAttemptAt == null ? null : nextAttemptAt.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                .setParameter(6, delivered ? now.atOffset(ZoneOffset.UTC) : null, OffsetDateTime.class)
                .executeUpdate();
    }

    /** A page of a subscription's deliveries, oldest first, after position {@code afterSeq}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Positioned> page(UUID subscriptionId, long afterSeq, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT seq, id, status, digest, CAST(alerts AS text), attempts, due_at, last_status_code, last_error,
                               created_at, delivered_at
                        FROM delivery WHERE subscription_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3""")
                .setParameter(1, subscriptionId).setParameter(2, afterSeq).setParameter(3, limit).getResultList();
        return rows.stream().map(row -> {
            Object[] c = (Object[]) row;
            Delivery.DeliveryStatus status = Delivery.DeliveryStatus.valueOf((String) c[2]);
            return new Positioned(((Number) c[0]).longValue(), new Delivery((UUID) c[1], status, (Boolean) c[3],
                    alertIds((String) c[4]), ((Number) c[5]).intValue(),
                    status == Delivery.DeliveryStatus.PENDING ? DatabaseTime.utc(c[6]) : null,
                    c[7] == null ? null : ((Number) c[7]).intValue(), (String) c[8], DatabaseTime.utc(c[9]),
                    DatabaseTime.utc(c[10])));
        }).toList();
    }

    /** A delivery with its position in the subscription's log. */
    public record Positioned(long seq, Delivery delivery) {
    }

    private List<UUID> alertIds(String alerts) {
        try {
            List<UUID> ids = new ArrayList<>();
            for (JsonNode alert : json.read(alerts, JsonNode.class)) {
                ids.add(UUID.fromString(alert.get("id").asText()));
            }
            return ids;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored delivery cannot be read", e);
        }
    }
}
