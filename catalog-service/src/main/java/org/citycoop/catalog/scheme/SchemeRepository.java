package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.SchemeStatus;
import org.citycoop.catalog.vocabulary.WindowKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import org.citycoop.platform.paging.Keyset;

import java.time.Instant;
import java.time.ZoneOffset;
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

    /** The change feed's last position in this transaction's snapshot (0 when empty). */
    long lastChange() {
        return ((Number) getEntityManager().createNativeQuery("SELECT coalesce(max(seq), 0) FROM catalog_change")
                .getSingleResult()).longValue();
    }

    /**
     * The ordinals ({@link SchemeFacetIndex}) of the schemes matching the filter at {@code now}, as one array in one row:
     * tens of thousands of rows of one number each cost some microseconds apiece in the query's row handling.
     */
    int[] ordinals(SchemeFilter filter, Instant now) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("SELECT array_agg(s.ordinal) FROM scheme s WHERE TRUE");
        where(sql, parameters, filter, now);
        Query query = getEntityManager().createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        Object found = query.getSingleResult(); // null when no scheme matches
        if (found == null) {
            return new int[0];
        }
        if (found instanceof int[] ordinals) {
            return ordinals;
        }
        return java.util.Arrays.stream((Object[]) found).mapToInt(ordinal -> ((Number) ordinal).intValue()).toArray();
    }

    /** The facet values of the schemes changed after a change feed position, and the position they were read at. */
    record FacetValues(long readAfter, long position, Map<Integer, SchemeFacetIndex.Entry> entries) {
    }

    /**
     * The facet values of every scheme changed after {@code seq} and up to {@code upTo} in the change feed
     * ({@code catalog_change}, in commit order), or of every scheme when {@code seq} is negative (the first load), as
     * the transaction's snapshot holds them: in one snapshot whose feed ends at {@code upTo} ({@link #lastChange}),
     * they are the schemes' state at that position.
     */
    FacetValues facetValuesChangedAfter(long seq, long upTo) {
        String columns = "s.ordinal, s.agency_id, s.challenge_areas, s.support_types, s.sectors, s.applicant_types,"
                + " s.eligible_countries, s.eligible_regions, s.finance_type, s.aid_type, s.withdrawn, s.superseded_by,"
                + " s.window_kind, s.window_opens, s.window_opens_offset, s.window_deadline, s.window_deadline_offset";
        return getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            Map<Integer, SchemeFacetIndex.Entry> entries = new java.util.HashMap<>();
            String sql = seq < 0 ? "SELECT " + columns + " FROM scheme s"
                    : "SELECT " + columns + " FROM scheme s WHERE s.id IN (SELECT CAST(c.resource_id AS uuid) FROM catalog_change c"
                    + " WHERE c.seq > ? AND c.seq <= ? AND c.kind = 'SCHEME')";
            try (var statement = connection.prepareStatement(sql)) {
                if (seq >= 0) {
                    statement.setLong(1, seq);
                    statement.setLong(2, upTo);
                }
                statement.setFetchSize(1000);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        entries.put(rows.getInt(1), facetEntry(rows));
                    }
                }
            }
            return new FacetValues(seq, upTo, entries);
        });
    }

    private static SchemeFacetIndex.Entry facetEntry(java.sql.ResultSet row) throws java.sql.SQLException {
        String[][] values = new String[SchemeFacet.values().length][];
        values[SchemeFacet.AGENCY.ordinal()] = code(row, 2);
        values[SchemeFacet.CHALLENGE.ordinal()] = strings(row, 3);
        values[SchemeFacet.SUPPORT_TYPE.ordinal()] = strings(row, 4);
        values[SchemeFacet.SECTOR.ordinal()] = strings(row, 5);
        values[SchemeFacet.APPLICANT_TYPE.ordinal()] = strings(row, 6);
        values[SchemeFacet.COUNTRY.ordinal()] = strings(row, 7);
        values[SchemeFacet.REGION.ordinal()] = strings(row, 8);
        values[SchemeFacet.FINANCE_TYPE.ordinal()] = code(row, 9);
        values[SchemeFacet.AID_TYPE.ordinal()] = code(row, 10);
        values[SchemeFacet.STATUS.ordinal()] = new String[0]; // computed at the time of each count
        String kind = row.getString(13);
        ApplicationWindow window = kind == null ? null : new ApplicationWindow(WindowKind.valueOf(kind),
                at(row, 14, 15), at(row, 16, 17));
        return new SchemeFacetIndex.Entry(values, row.getBoolean(11), row.getString(12), window);
    }

    private static String[] code(java.sql.ResultSet row, int column) throws java.sql.SQLException {
        String value = row.getString(column);
        return value == null ? new String[0] : new String[] {value.intern()};
    }

    /**
     * Makes the rest of the transaction read one snapshot (REPEATABLE READ), so that the facet values read from the
     * change feed and the ordinals of a search see the same schemes; must come first in its transaction.
     */
    void readOneSnapshot() {
        org.citycoop.platform.storage.Snapshots.readOne(getEntityManager());
    }

    private static String[] strings(java.sql.ResultSet row, int column) throws java.sql.SQLException {
        java.sql.Array array = row.getArray(column);
        if (array == null) {
            return new String[0];
        }
        String[] values = (String[]) array.getArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] == null ? null : values[i].intern(); // codes: one copy each, however many schemes
        }
        return values;
    }

    private static java.time.OffsetDateTime at(java.sql.ResultSet row, int instantColumn, int offsetColumn) throws java.sql.SQLException {
        java.time.OffsetDateTime instant = row.getObject(instantColumn, java.time.OffsetDateTime.class);
        return instant == null ? null : instant.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(row.getInt(offsetColumn)));
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
            List<String> types = filter.applicantTypes().stream().flatMap(type -> type.listedFor().stream()).map(Enum::name)
                    .distinct().toList();
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
