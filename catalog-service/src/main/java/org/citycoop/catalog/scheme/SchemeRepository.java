package org.citycoop.catalog.scheme;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads and filters stored schemes. */
@ApplicationScoped
public class SchemeRepository implements PanacheRepositoryBase<Scheme, UUID> {

    Optional<Scheme> findByAgencyAndRef(String agencyId, String ref) {
        return find("agencyId = ?1 and ref = ?2", agencyId, ref).firstResultOptional();
    }

    /**
     * One page of schemes matching the filter, newest change first ({@code updated_at DESC, id DESC}),
     * starting strictly after the given position.
     *
     * @param after the (updatedAt, id) of the previous page's last item, or null for the first page
     * @param limit the number of items wanted; one more is fetched to tell whether a next page exists
     * @param now the time the status filter refers to
     */
    @SuppressWarnings("unchecked")
    List<Scheme> search(SchemeFilter filter, Position after, int limit, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT s.* FROM scheme s WHERE TRUE");
        Map<String, Object> parameters = new LinkedHashMap<>();
        anyOf(sql, parameters, "s.challenge_areas", "challenge", filter.challengeAreas().stream().map(Enum::name).toList());
        anyOf(sql, parameters, "s.support_types", "supportType", filter.supportTypes().stream().map(Enum::name).toList());
        if (!filter.applicantTypes().isEmpty()) {
            List<String> types = new java.util.ArrayList<>(filter.applicantTypes().stream().map(Enum::name).toList());
            types.add(ApplicantType.ANY.name());
            anyOf(sql, parameters, "s.applicant_types", "applicantType", types);
        }
        if (filter.country() != null) {
            sql.append(" AND (cardinality(s.eligible_countries) = 0 OR s.eligible_countries @> ARRAY[:country]::text[])");
            parameters.put("country", filter.country());
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND scheme_status(s.withdrawn, s.superseded_by, s.window_kind, s.window_opens, s.window_opens_offset,"
                    + " s.window_deadline, s.window_deadline_offset, :now) IN (:statuses)");
            parameters.put("now", now.atOffset(ZoneOffset.UTC));
            parameters.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.agencyId() != null) {
            sql.append(" AND s.agency_id = :agency");
            parameters.put("agency", filter.agencyId());
        }
        if (filter.text() != null) {
            sql.append(" AND s.search_text LIKE :text");
            parameters.put("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (after != null) {
            sql.append(" AND (s.updated_at, s.id) < (:afterUpdatedAt, :afterId)");
            parameters.put("afterUpdatedAt", after.updatedAt().atOffset(ZoneOffset.UTC));
            parameters.put("afterId", after.id());
        }
        sql.append(" ORDER BY s.updated_at DESC, s.id DESC LIMIT :limit");
        parameters.put("limit", limit + 1);
        Query query = getEntityManager().createNativeQuery(sql.toString(), Scheme.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Where a page ends: the sort key of its last item. */
    record Position(Instant updatedAt, UUID id) {
    }

    /** {@code column && ARRAY[...]}: the array shares a value with the list (uses the column's GIN index). */
    private static void anyOf(StringBuilder sql, Map<String, Object> parameters, String column, String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" && ARRAY[");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(':').append(name).append(i);
            parameters.put(name + i, values.get(i));
        }
        sql.append("]::text[]");
    }

    /** Escapes LIKE's wildcards (PostgreSQL's default escape character is the backslash). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
