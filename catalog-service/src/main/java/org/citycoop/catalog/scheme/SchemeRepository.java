package org.citycoop.catalog.scheme;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import org.citycoop.platform.paging.Facets;
import org.citycoop.platform.paging.Keyset;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads and filters stored schemes. */
@ApplicationScoped
public class SchemeRepository implements PanacheRepositoryBase<Scheme, UUID> {

    /**
     * The English full-text query of {@code :text}, as a subquery: PostgreSQL computes it once per statement. Written
     * as a plain call, a prepared statement's generic plan (which the driver uses after a few executions) parsed the
     * text again for every matching row, in the condition and in the rank.
     */
    private static final String QUERY = "(SELECT websearch_to_tsquery('english', :text))";

    /**
     * Relevance of a scheme for {@code q}, the same expression in the order and the cursor: 1 when a name (in any
     * language) contains the text as typed, plus 0.5 when a name or description does, plus the English full-text
     * rank ({@code ts_rank_cd}, below 1). Names first, then texts holding the words as typed, then the stemmed
     * matches; Japanese, which the English stemmer does not split, ranks by the first two. Only comparisons of the
     * texts already read, so that ranking thousands of matches stays cheap.
     */
    private static final String RANK = "(CASE WHEN s.search_names LIKE :textLike THEN 1.0 ELSE 0 END"
            + " + CASE WHEN s.search_text LIKE :textLike THEN 0.5 ELSE 0 END"
            + " + ts_rank_cd(s.search_en, " + QUERY + "))::float8";

    /**
     * The columns the entity maps ({@link Scheme}), for native queries that return schemes: not {@code s.*}, which
     * would also send the search columns (tsvector, lower-case texts), often larger than the rest of the row.
     */
    private static final String ENTITY_COLUMNS = "s.id, s.agency_id, s.ref, s.version, s.support_types, s.challenge_areas,"
            + " s.applicant_types, s.sectors, s.eligible_countries, s.eligible_regions, s.window_kind, s.window_opens,"
            + " s.window_opens_offset, s.window_deadline, s.window_deadline_offset, s.superseded_by, s.withdrawn, s.search_text,"
            + " s.details, s.created_at, s.updated_at";

    Optional<Scheme> findByAgencyAndRef(String agencyId, String ref) {
        return find("agencyId = ?1 and ref = ?2", agencyId, ref).firstResultOptional();
    }

    /** The schemes an agency holds under any of these references. */
    List<Scheme> findByAgencyAndRefs(String agencyId, List<String> refs) {
        return refs.isEmpty() ? List.of() : list("agencyId = ?1 and ref in ?2", agencyId, refs);
    }

    /**
     * One page of schemes matching the filter in the given order, starting strictly after the given position.
     *
     * @param after the sort key of the previous page's last item, or null for the first page
     * @param limit the number of items wanted; one more is fetched to tell whether a next page exists
     * @param now the time the status filter refers to
     */
    @SuppressWarnings("unchecked")
    List<Scheme> search(SchemeFilter filter, SchemeSort sort, Position after, int limit, Instant now) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("SELECT " + ENTITY_COLUMNS + " FROM scheme s WHERE TRUE");
        where(sql, parameters, filter, now);
        if (after != null) {
            switch (sort) {
                case UPDATED -> {
                    sql.append(" AND (s.updated_at, s.id) < (:afterUpdatedAt, :afterId)");
                    parameters.put("afterUpdatedAt", after.updatedAt().atOffset(ZoneOffset.UTC));
                }
                case DEADLINE -> {
                    if (after.deadline() == null) {
                        sql.append(" AND s.window_deadline IS NULL AND s.id > :afterId");
                    } else {
                        sql.append(" AND (s.window_deadline > :afterDeadline OR (s.window_deadline = :afterDeadline AND s.id > :afterId)"
                                + " OR s.window_deadline IS NULL)");
                        parameters.put("afterDeadline", after.deadline().atOffset(ZoneOffset.UTC));
                    }
                }
                case RELEVANCE -> {
                    sql.append(" AND (" + RANK + " < :afterRank OR (" + RANK + " = :afterRank AND s.id < :afterId))");
                    parameters.put("afterRank", after.rank());
                }
            }
            parameters.put("afterId", after.id());
        }
        sql.append(switch (sort) {
            case UPDATED -> " ORDER BY s.updated_at DESC, s.id DESC";
            case DEADLINE -> " ORDER BY s.window_deadline ASC NULLS LAST, s.id ASC";
            case RELEVANCE -> " ORDER BY " + RANK + " DESC, s.id DESC";
        });
        sql.append(" LIMIT :limit");
        parameters.put("limit", Keyset.fetch(limit));
        Query query = getEntityManager().createNativeQuery(sql.toString(), Scheme.class);
        // Read only: the schemes of a page are never changed, so Hibernate keeps no snapshot and checks none at commit.
        query.setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The relevance of a scheme for a text, as {@link #search} orders by it (for the cursor of a page's last item). */
    double relevance(UUID id, String text) {
        Query query = getEntityManager().createNativeQuery("SELECT " + RANK + " FROM scheme s WHERE s.id = :id");
        query.setParameter("id", id);
        query.setParameter("text", text);
        query.setParameter("textLike", like(text));
        return ((Number) query.getSingleResult()).doubleValue();
    }

    /**
     * How many schemes matching the filter have each value of each facet, and how many match in all, in one pass over
     * the matching rows ({@link Facets#sql}; a field with one value is a list of one). The status is computed only
     * when asked for. A scheme counts once for each of its values.
     *
     * @return rows of (facet's ordinal in {@code facets}, value, count); the total is the row with a null facet
     */
    @SuppressWarnings("unchecked")
    List<Object[]> facets(SchemeFilter filter, List<SchemeFacet> facets, Instant now) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> values = facets.stream().map(facet -> switch (facet) {
            case CHALLENGE -> "s.challenge_areas";
            case SUPPORT_TYPE -> "s.support_types";
            case SECTOR -> "s.sectors";
            case APPLICANT_TYPE -> "s.applicant_types";
            case COUNTRY -> "s.eligible_countries";
            case REGION -> "s.eligible_regions";
            case FINANCE_TYPE -> "ARRAY[s.finance_type]";
            case AID_TYPE -> "ARRAY[s.aid_type]";
            case AGENCY -> "ARRAY[s.agency_id]";
            case STATUS -> "ARRAY[" + statusAt(parameters, now) + "]"; // computed only when asked for
        }).toList();
        StringBuilder fromWhere = new StringBuilder("FROM scheme s WHERE TRUE");
        where(fromWhere, parameters, filter, now);
        Query query = getEntityManager().createNativeQuery(Facets.sql(fromWhere.toString(), values));
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Appends the filter's conditions ({@code AND ...}) over the alias {@code s}. */
    private static void where(StringBuilder sql, Map<String, Object> parameters, SchemeFilter filter, Instant now) {
        anyOf(sql, parameters, "s.challenge_areas", "challenge", filter.challengeAreas().stream().map(Enum::name).toList());
        anyOf(sql, parameters, "s.support_types", "supportType", filter.supportTypes().stream().map(Enum::name).toList());
        anyOf(sql, parameters, "s.sectors", "sector", filter.sectors());
        if (!filter.financeTypes().isEmpty()) {
            sql.append(" AND s.finance_type IN (:financeTypes)");
            parameters.put("financeTypes", filter.financeTypes());
        }
        if (!filter.aidTypes().isEmpty()) {
            sql.append(" AND s.aid_type IN (:aidTypes)");
            parameters.put("aidTypes", filter.aidTypes());
        }
        if (!filter.applicantTypes().isEmpty()) {
            List<String> types = new ArrayList<>(filter.applicantTypes().stream().map(Enum::name).toList());
            types.add(ApplicantType.ANY.name());
            anyOf(sql, parameters, "s.applicant_types", "applicantType", types);
        }
        if (filter.country() != null) {
            sql.append(" AND ((cardinality(s.eligible_countries) = 0 AND cardinality(s.eligible_regions) = 0)"
                    + " OR s.eligible_countries @> ARRAY[:country]::text[]");
            parameters.put("country", filter.country());
            if (!filter.countryRegions().isEmpty()) {
                sql.append(" OR s.eligible_regions && ");
                array(sql, parameters, "countryRegion", filter.countryRegions());
            }
            sql.append(')');
        }
        if (!filter.statuses().isEmpty()) {
            String statuses = filter.statuses().stream().map(SchemeRepository::statusCondition)
                    .collect(Collectors.joining(" OR ", " AND (", ")"));
            sql.append(statuses);
            if (statuses.contains(":now")) {
                parameters.put("now", now.atOffset(ZoneOffset.UTC));
            }
        }
        if (!filter.agencyIds().isEmpty()) {
            sql.append(" AND s.agency_id IN (:agencies)");
            parameters.put("agencies", filter.agencyIds());
        }
        if (filter.deadlineAfter() != null) {
            sql.append(" AND s.window_deadline >= :deadlineAfter");
            parameters.put("deadlineAfter", filter.deadlineAfter().atOffset(ZoneOffset.UTC));
        }
        if (filter.deadlineBefore() != null) {
            sql.append(" AND s.window_deadline <= :deadlineBefore");
            parameters.put("deadlineBefore", filter.deadlineBefore().atOffset(ZoneOffset.UTC));
        }
        SchemeFilter.AmountRange amount = filter.amount();
        if (amount != null) {
            sql.append(" AND (s.min_currency = :currency OR s.max_currency = :currency)");
            parameters.put("currency", amount.currency());
            if (amount.min() != null) {
                sql.append(" AND (s.max_currency IS DISTINCT FROM :currency OR s.max_amount >= :amountMin)");
                parameters.put("amountMin", amount.min());
            }
            if (amount.max() != null) {
                sql.append(" AND (s.min_currency IS DISTINCT FROM :currency OR s.min_amount <= :amountMax)");
                parameters.put("amountMax", amount.max());
            }
        }
        if (filter.language() != null) {
            sql.append(" AND s.languages @> jsonb_build_array(CAST(:language AS text))");
            parameters.put("language", filter.language());
        }
        if (filter.text() != null) {
            sql.append(" AND (s.search_en @@ " + QUERY + " OR s.search_text LIKE :textLike)");
            parameters.put("text", filter.text());
            parameters.put("textLike", like(filter.text()));
        }
    }

    /**
     * The condition that a scheme (alias {@code s}) has the status at the time {@code :now}: the rule of
     * {@link SchemeStatusRule} written as plain comparisons on the window's columns, which PostgreSQL evaluates far
     * faster than a function call per row and can estimate. Only ANNUAL windows, whose occurrences recur, call
     * {@code scheme_status}. {@code SchemeStatusSqlTest} checks that both agree.
     */
    static String statusCondition(SchemeStatus status) {
        String current = "NOT s.withdrawn AND s.superseded_by IS NULL";
        String fixedStarted = "s.window_kind = 'FIXED' AND (s.window_opens IS NULL OR s.window_opens <= :now)";
        String annual = "scheme_status(FALSE, NULL, 'ANNUAL', s.window_opens, s.window_opens_offset, s.window_deadline,"
                + " s.window_deadline_offset, :now)";
        return switch (status) {
            case WITHDRAWN -> "(s.withdrawn)";
            case OPEN -> "(" + current + " AND (s.window_kind IS NULL OR s.window_kind = 'ROLLING'"
                    + " OR (" + fixedStarted + " AND s.window_deadline >= :now)"
                    + " OR (s.window_kind = 'ANNUAL' AND " + annual + " = 'OPEN')))";
            case FORECASTED -> "(" + current + " AND ((s.window_kind = 'FIXED' AND s.window_opens > :now)"
                    + " OR (s.window_kind = 'ANNUAL' AND " + annual + " = 'FORECASTED')))";
            case CLOSED -> "(NOT s.withdrawn AND (s.superseded_by IS NOT NULL"
                    + " OR (" + fixedStarted + " AND s.window_deadline < :now)))";
        };
    }

    private static String statusAt(Map<String, Object> parameters, Instant now) {
        parameters.put("now", now.atOffset(ZoneOffset.UTC));
        return "scheme_status(s.withdrawn, s.superseded_by, s.window_kind, s.window_opens, s.window_opens_offset,"
                + " s.window_deadline, s.window_deadline_offset, :now)";
    }

    /**
     * Where a page ends: the sort key of its last item (the field of the page's sort; the others are null).
     */
    record Position(Instant updatedAt, Instant deadline, Double rank, UUID id) {
    }

    /** {@code column && ARRAY[...]}: the array shares a value with the list (uses the column's GIN index). */
    private static void anyOf(StringBuilder sql, Map<String, Object> parameters, String column, String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" && ");
        array(sql, parameters, name, values);
    }

    private static void array(StringBuilder sql, Map<String, Object> parameters, String name, List<String> values) {
        sql.append("ARRAY[");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(':').append(name).append(i);
            parameters.put(name + i, values.get(i));
        }
        sql.append("]::text[]");
    }

    /** The LIKE pattern of a text anywhere in a lower-case text. */
    private static String like(String text) {
        return "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
    }

    /** Escapes LIKE's wildcards (PostgreSQL's default escape character is the backslash). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
