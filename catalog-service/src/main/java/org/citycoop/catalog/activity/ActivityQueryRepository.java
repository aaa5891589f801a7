package org.citycoop.catalog.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.catalog.agency.AgencyService;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Facets;
import org.citycoop.platform.paging.Keyset;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.storage.DatabaseTime;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Reads the stored activities: lists, one activity, an agency's track record. */
@ApplicationScoped
public class ActivityQueryRepository {

    /** First part of the list's cursors: tells them from text that merely decodes to an identifier. */
    private static final String CURSOR_MARK = "activities";

    /** How many activities the track record shows. */
    static final int LATEST = 5;

    @Inject
    ActivityRepository store;

    @Inject
    AgencyService agencies;

    /** A page of activities and the cursor of the next one (null on the last page). */
    public record ActivityPage(List<ActivityView> items, String nextCursor) {
    }

    /** One page of activities in iati-identifier order. */
    @Transactional
    public ActivityPage list(ActivityFilter filter, String cursor, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("WHERE TRUE");
        conditions(filter, where, parameters);
        List<String> after = Cursor.decode(cursor, 2);
        if (after != null) {
            if (!CURSOR_MARK.equals(after.get(0))) {
                throw ProblemException.badRequest("cursor", "not a cursor returned by this list; start again without it");
            }
            where.append(" AND iati_identifier > ?");
            parameters.add(after.get(1));
        }
        where.append(" ORDER BY iati_identifier LIMIT ?");
        parameters.add(Keyset.fetch(limit));
        Keyset<ActivityView> page = Keyset.of(store.query(where.toString(), parameters), limit,
                last -> List.of(CURSOR_MARK, last.iatiIdentifier()));
        return new ActivityPage(page.items(), page.cursor());
    }

    /**
     * How many activities match the filter in all, and per value of each facet among those matching every filter but
     * the facet's own ({@link Facets}): one statement per distinct filter, all in one snapshot.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Facets facets(ActivityFilter filter, List<ActivityFacet> facets) {
        store.readOneSnapshot(); // the total and every facet of one moment, while imports write
        Map<ActivityFilter, List<ActivityFacet>> byFilter = new LinkedHashMap<>();
        byFilter.put(filter, new ArrayList<>()); // the total, and the facets whose field is not filtered
        facets.forEach(facet -> byFilter.computeIfAbsent(filter.without(facet), f -> new ArrayList<>()).add(facet));
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        facets.forEach(facet -> counts.put(facet.parameter(), new HashMap<>()));
        long total = 0;
        for (Map.Entry<ActivityFilter, List<ActivityFacet>> counted : byFilter.entrySet()) {
            List<Object> parameters = new ArrayList<>();
            StringBuilder fromWhere = new StringBuilder("FROM activity WHERE TRUE");
            conditions(counted.getKey(), fromWhere, parameters);
            List<String> names = counted.getValue().stream().map(ActivityFacet::parameter).toList();
            Facets part = Facets.of(store.rows(Facets.sql(fromWhere.toString(),
                    counted.getValue().stream().map(ActivityFacet::value).toList()), parameters), names);
            if (counted.getKey().equals(filter)) {
                total = part.total();
            }
            part.facets().forEach((name, values) -> values.forEach(value -> counts.get(name).put(value.value(), value.count())));
        }
        return Facets.of(total, counts);
    }

    /**
     * The activities matching the filter after an iati-identifier (from the first when null), in iati-identifier
     * order, in a transaction of their own: the export reads the whole result in such batches, never all at once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ActivityView> batchAfter(ActivityFilter filter, String afterIdentifier, int size) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("WHERE TRUE");
        conditions(filter, where, parameters);
        if (afterIdentifier != null) {
            where.append(" AND iati_identifier > ?");
            parameters.add(afterIdentifier);
        }
        where.append(" ORDER BY iati_identifier LIMIT ?");
        parameters.add(size);
        return store.query(where.toString(), parameters);
    }

    /** @throws ProblemException 404 when there is no such activity */
    @Transactional
    public ActivityView get(UUID id) {
        return store.query("WHERE id = ?", List.of(id)).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("No activity " + id + "."));
    }

    /**
     * The agency's track record in a country and sectors.
     *
     * @param sectors DAC 5-digit sectors asked for (empty: any, unless the challenge gives some)
     * @param challenge a challenge area: adds the sectors of the agency's schemes in it; null: none
     * @throws ProblemException 404 when there is no such agency
     */
    @Transactional
    public TrackRecord trackRecord(String agencyId, String country, List<String> sectors, String challenge) {
        agencies.get(agencyId);
        Set<String> counted = new TreeSet<>(sectors);
        if (challenge != null) {
            store.rows("SELECT DISTINCT unnest(sectors) FROM scheme WHERE agency_id = ? AND challenge_areas @> ARRAY[?]::text[] "
                    + "AND NOT withdrawn", List.of(agencyId, challenge)).forEach(row -> counted.add((String) row[0]));
        }
        if (challenge != null && counted.isEmpty()) {
            // the agency has no scheme in the challenge area: no sector to count, so no activity either
            return new TrackRecord(agencyId, country, challenge, List.of(), 0, List.of(), List.of(), null, List.of());
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("WHERE agency_id = ?");
        parameters.add(agencyId);
        if (country != null) {
            where.append(" AND countries @> ARRAY[?]::text[]");
            parameters.add(country);
        }
        if (!counted.isEmpty()) {
            where.append(" AND sectors && ?");
            parameters.add(List.copyOf(counted));
        }
        Object[] totals = store.rows("SELECT count(*), max(last_updated) FROM activity " + where, parameters).get(0);
        long count = ((Number) totals[0]).longValue();
        List<Integer> years = store.rows("SELECT DISTINCT extract(year FROM start_date)::int FROM activity " + where
                + " AND start_date IS NOT NULL ORDER BY 1", parameters).stream().map(row -> ((Number) row[0]).intValue()).toList();
        List<ActivityContent.Amount> committed = store.rows("SELECT c.currency, sum(c.amount::numeric) FROM activity, "
                        + "jsonb_to_recordset(content -> 'committed') AS c(amount text, currency text) " + where
                        + " GROUP BY c.currency ORDER BY c.currency", parameters).stream()
                .map(row -> new ActivityContent.Amount(((BigDecimal) row[1]).stripTrailingZeros().toPlainString(), (String) row[0]))
                .toList();
        List<Object> latestParameters = new ArrayList<>(parameters);
        latestParameters.add(LATEST);
        List<ActivityView> latest = store.query(where + " ORDER BY start_date DESC NULLS LAST, iati_identifier LIMIT ?", latestParameters);
        String lastUpdated = totals[1] == null ? null : DatabaseTime.utc(totals[1]).toInstant().toString();
        return new TrackRecord(agencyId, country, challenge, List.copyOf(counted), count, committed, years, lastUpdated, latest);
    }

    private static void conditions(ActivityFilter filter, StringBuilder where, List<Object> parameters) {
        if (filter.agency() != null) {
            where.append(" AND agency_id = ?");
            parameters.add(filter.agency());
        }
        if (filter.country() != null) {
            where.append(" AND countries @> ARRAY[?]::text[]");
            parameters.add(filter.country());
        }
        if (filter.region() != null) {
            where.append(" AND regions @> ARRAY[?]::text[]");
            parameters.add(filter.region());
        }
        if (filter.sector() != null) {
            where.append(" AND sectors @> ARRAY[?]::text[]");
            parameters.add(filter.sector());
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            parameters.add(filter.status());
        }
        if (filter.from() != null) {
            where.append(" AND (end_date IS NULL OR end_date >= ?)");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND (start_date IS NULL OR start_date <= ?)");
            parameters.add(filter.to());
        }
    }
}
