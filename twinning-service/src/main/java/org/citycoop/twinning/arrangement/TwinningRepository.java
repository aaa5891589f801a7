package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.TwinningStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import org.citycoop.twinning.vocabulary.ChallengeArea;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores twinning arrangements and their lifecycle audit. */
@ApplicationScoped
public class TwinningRepository implements PanacheRepositoryBase<TwinningArrangement, UUID> {

    /** The sort key of an arrangement in lists: newest first, then id descending. */
    public record Position(Instant createdAt, UUID id) {
    }

    /** The arrangement, locked until the end of the transaction (transitions run one at a time). */
    public Optional<TwinningArrangement> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * One page of arrangements, newest first.
     *
     * @param cityId only arrangements this city (GeoNames id) takes part in; null for any
     * @param status only arrangements in this status; null for any
     * @param after the sort key of the last item of the previous page, null for the first page
     * @param limit the most arrangements to return
     */
    public List<TwinningArrangement> page(String cityId, TwinningStatus status, Position after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT a FROM TwinningArrangement a WHERE 1 = 1");
        if (cityId != null) {
            jpql.append(" AND a.id IN (SELECT t.id FROM TwinningArrangement t JOIN t.cities p WHERE p.cityId = :cityId)");
        }
        if (status != null) {
            jpql.append(" AND a.status = :status");
        }
        if (after != null) {
            jpql.append(" AND (a.createdAt < :createdAt OR (a.createdAt = :createdAt AND a.id < :id))");
        }
        jpql.append(" ORDER BY a.createdAt DESC, a.id DESC");
        TypedQuery<TwinningArrangement> query = getEntityManager().createQuery(jpql.toString(), TwinningArrangement.class)
                .setMaxResults(limit);
        if (cityId != null) {
            query.setParameter("cityId", cityId);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    /** Every arrangement with at least one of {@code themes}, oldest first. */
    public List<TwinningArrangement> withAnyTheme(Collection<ChallengeArea> themes) {
        return getEntityManager().createQuery("""
                        SELECT a FROM TwinningArrangement a WHERE a.id IN
                            (SELECT t.id FROM TwinningArrangement t JOIN t.themes theme WHERE theme IN :themes)
                        ORDER BY a.createdAt, a.id""", TwinningArrangement.class)
                .setParameter("themes", themes)
                .getResultList();
    }

    /** The arrangements with a funding link to any of these schemes, in id order (one query for all of them). */
    public List<UUID> fundedByAny(Collection<String> schemeIds) {
        return uuids(getEntityManager().createNativeQuery("""
                        SELECT DISTINCT a.id FROM twinning_arrangement a, unnest(CAST(?1 AS text[])) AS s(link)
                        WHERE a.funding_links @> CAST(s.link AS jsonb) ORDER BY a.id""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter(1, schemeIds.stream().map(TwinningRepository::containment).toArray(String[]::new), String[].class)
                .getResultList());
    }

    /** Ids of the arrangements the city takes part in. */
    public List<UUID> ofCity(String cityId) {
        return uuids(getEntityManager().createNativeQuery("SELECT arrangement_id FROM twinning_city WHERE city_id = ?1")
                .setParameter(1, cityId).getResultList());
    }

    /**
     * The values of a one-column native query over a {@code uuid} column. Such queries are made without a result
     * class on purpose: Hibernate ORM 7.2 never finds a native query with a basic result class (such as
     * {@code UUID.class}) in its query plan cache and adds another entry of the same hash each time, so that every
     * later lookup compares it with all of them (measured: 0.2 ms a call without the class, 0.9 to 2.6 ms with it,
     * growing with the calls).
     */
    public static List<UUID> uuids(List<?> values) {
        return values.stream().map(value -> value instanceof UUID uuid ? uuid : UUID.fromString(value.toString())).toList();
    }

    /** For {@link #containment} only (a mapper is thread-safe once configured, and costly to make per call). */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String containment(String schemeId) {
        try {
            return JSON.writeValueAsString(List.of(java.util.Map.of("schemeId", schemeId)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a status change in the audit. */
    public void recordTransition(StatusTransition transition) {
        getEntityManager().persist(transition);
    }

    /** The arrangement's status changes, oldest first. */
    public List<StatusTransition> history(UUID arrangementId) {
        return getEntityManager()
                .createQuery("SELECT t FROM StatusTransition t WHERE t.arrangementId = :id ORDER BY t.id", StatusTransition.class)
                .setParameter("id", arrangementId)
                .getResultList();
    }
}
