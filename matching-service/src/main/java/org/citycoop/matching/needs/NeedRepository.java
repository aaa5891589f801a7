package org.citycoop.matching.needs;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.citycoop.matching.readmodel.EventJson;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.platform.storage.DatabaseTime;
import org.hibernate.query.NativeQuery;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Saved needs profiles (table {@code need}). */
@ApplicationScoped
public class NeedRepository {

    private static final String COLUMNS = "id, name, created_by, CAST(profile AS text), version, created_at, updated_at";

    @Inject
    EntityManager entityManager;

    @Inject
    EventJson json;

    /** Where a page of needs starts: after this creation time and id. */
    public record Position(Instant createdAt, UUID id) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Need need) {
        NeedsProfile profile = need.profile();
        entityManager.createNativeQuery("""
                        INSERT INTO need (id, name, created_by, city_id, country, challenge_areas, profile, version, created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, ?9, ?10)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, need.id(), UUID.class)
                .setParameter(2, need.name(), String.class)
                .setParameter(3, need.createdBy(), String.class)
                .setParameter(4, profile.cityId(), String.class)
                .setParameter(5, profile.country(), String.class)
                .setParameter(6, areas(profile), String[].class)
                .setParameter(7, json.write(profile), String.class)
                .setParameter(8, need.version(), Long.class)
                .setParameter(9, need.createdAt(), OffsetDateTime.class)
                .setParameter(10, need.updatedAt(), OffsetDateTime.class)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Need need) {
        NeedsProfile profile = need.profile();
        entityManager.createNativeQuery("""
                        UPDATE need SET name = ?2, city_id = ?3, country = ?4, challenge_areas = ?5, profile = CAST(?6 AS jsonb),
                            version = ?7, updated_at = ?8 WHERE id = ?1""")
                .unwrap(NativeQuery.class)
                .setParameter(1, need.id(), UUID.class)
                .setParameter(2, need.name(), String.class)
                .setParameter(3, profile.cityId(), String.class)
                .setParameter(4, profile.country(), String.class)
                .setParameter(5, areas(profile), String[].class)
                .setParameter(6, json.write(profile), String.class)
                .setParameter(7, need.version(), Long.class)
                .setParameter(8, need.updatedAt(), OffsetDateTime.class)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(UUID id) {
        return entityManager.createNativeQuery("DELETE FROM need WHERE id = ?1").setParameter(1, id).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Need> find(UUID id) {
        return rows("SELECT " + COLUMNS + " FROM need WHERE id = ?1", id).stream().findFirst();
    }

    /** The need, locked until the transaction ends (updates and re-evaluations of one need run one at a time). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Need> findForUpdate(UUID id) {
        return rows("SELECT " + COLUMNS + " FROM need WHERE id = ?1 FOR UPDATE", id).stream().findFirst();
    }

    /**
     * A page of needs, oldest first (then by id), optionally of one city and limited to what a caller sees
     * ({@code visibility} null: all); {@code limit} rows at most.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Need> page(String cityId, NeedAccess.Visibility visibility, Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM need WHERE TRUE");
        if (cityId != null) {
            sql.append(" AND city_id = :city");
        }
        if (visibility != null) {
            sql.append(" AND (created_by = :owner OR city_id = ANY (CAST(:cities AS text[])))");
        }
        if (after != null) {
            sql.append(" AND (created_at, id) > (:after, :afterId)");
        }
        sql.append(" ORDER BY created_at, id LIMIT :limit");
        var query = entityManager.createNativeQuery(sql.toString()).unwrap(NativeQuery.class);
        if (cityId != null) {
            query.setParameter("city", cityId, String.class);
        }
        if (visibility != null) {
            query.setParameter("owner", visibility.owner(), String.class);
            query.setParameter("cities", visibility.cityIds().toArray(String[]::new), String[].class);
        }
        if (after != null) {
            query.setParameter("after", after.createdAt().atOffset(ZoneOffset.UTC), OffsetDateTime.class);
            query.setParameter("afterId", after.id(), UUID.class);
        }
        query.setParameter("limit", limit, Integer.class);
        return map(query.getResultList());
    }

    /**
     * The saved needs that changes of these schemes can affect, by scheme id: those with a challenge area the scheme
     * addresses, in a country it lists (or any, when it lists none), and those that matched the scheme before (a row
     * in {@code need_match}). Two queries for all the schemes: the (scheme, need) pairs, then the needs, locked for the
     * transaction in id order.
     * A scheme listed in several versions gets the needs any of them can affect.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, List<Need>> affectedBySchemes(List<SchemeData> schemes) {
        Map<String, List<Need>> affected = new HashMap<>();
        if (schemes.isEmpty()) {
            return affected;
        }
        // Two branches of a UNION, each with its index (need.challenge_areas GIN, need_match.scheme_id): an OR in one
        // join would compare every need with every scheme of the poll.
        List<?> pairs = entityManager.createNativeQuery("""
                        SELECT s.scheme_id, n.id
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]))
                             AS s(scheme_id, challenge_areas, eligible_countries)
                        JOIN need n ON n.challenge_areas && string_to_array(s.challenge_areas, ',')
                             AND (s.eligible_countries = '' OR n.country = ANY (string_to_array(s.eligible_countries, ',')))
                        UNION
                        SELECT m.scheme_id, m.need_id FROM need_match m WHERE m.scheme_id = ANY (CAST(?1 AS text[]))""")
                .unwrap(NativeQuery.class)
                .setParameter(1, schemes.stream().map(SchemeData::id).toArray(String[]::new), String[].class)
                .setParameter(2, schemes.stream().map(scheme -> scheme.challengeAreas().stream().map(Enum::name)
                        .collect(Collectors.joining(","))).toArray(String[]::new), String[].class)
                .setParameter(3, schemes.stream().map(scheme -> String.join(",", scheme.eligibleCountries()))
                        .toArray(String[]::new), String[].class)
                .getResultList();
        if (pairs.isEmpty()) {
            return affected;
        }
        Map<UUID, Need> locked = new HashMap<>();
        entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM need WHERE id = ANY (CAST(?1 AS uuid[])) ORDER BY id FOR UPDATE")
                .unwrap(NativeQuery.class)
                .setParameter(1, pairs.stream().map(pair -> ((Object[]) pair)[1].toString()).distinct().toArray(String[]::new), String[].class)
                .getResultList()
                .forEach(row -> {
                    Need need = need((Object[]) row);
                    locked.put(need.id(), need);
                });
        pairs.stream().map(pair -> (Object[]) pair)
                .sorted(Comparator.comparing(pair -> (UUID) pair[1]))
                .forEach(pair -> {
                    Need need = locked.get((UUID) pair[1]); // null when deleted meanwhile
                    if (need != null) {
                        affected.computeIfAbsent((String) pair[0], any -> new ArrayList<>()).add(need);
                    }
                });
        return affected;
    }

    /** The saved needs of these cities (GeoNames ids), locked for the transaction in id order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Need> ofCities(Collection<String> cityIds) {
        var query = entityManager.createNativeQuery("SELECT " + COLUMNS
                        + " FROM need WHERE city_id = ANY (CAST(?1 AS text[])) ORDER BY id FOR UPDATE")
                .unwrap(NativeQuery.class)
                .setParameter(1, cityIds.toArray(String[]::new), String[].class);
        return map(query.getResultList());
    }

    private List<Need> rows(String sql, UUID id) {
        return map(entityManager.createNativeQuery(sql).setParameter(1, id).getResultList());
    }

    private List<Need> map(List<?> rows) {
        return rows.stream().map(row -> need((Object[]) row)).toList();
    }

    /** A need from the columns of {@link #COLUMNS}. */
    private Need need(Object[] columns) {
        return new Need((UUID) columns[0], (String) columns[1], (String) columns[2], readProfile((String) columns[3]),
                ((Number) columns[4]).longValue(), DatabaseTime.utc(columns[5]), DatabaseTime.utc(columns[6]));
    }

    private NeedsProfile readProfile(String data) {
        try {
            return json.read(data, NeedsProfile.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored needs profile cannot be read", e);
        }
    }

    private static String[] areas(NeedsProfile profile) {
        return profile.challenges().stream().map(challenge -> challenge.area().name()).toArray(String[]::new);
    }
}
