package org.citycoop.matching.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.query.NativeQuery;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The schemes of the read model (table {@code scheme}): the event data as JSONB plus the columns the
 * candidate query filters on.
 */
@ApplicationScoped
public class SchemeStore {

    /** Rows fetched per round trip while streaming candidates. */
    private static final int FETCH_SIZE = 500;

    @Inject
    EntityManager entityManager;

    @Inject
    EventJson json;

    /**
     * Parsed schemes by id, so that matching does not parse the same JSONB on every request. An entry is used only
     * when its version equals the row's version read in the same transaction, so it is never stale; at most
     * {@code citycoop.matching.scheme-cache-size} entries are kept (beyond that, schemes are parsed when read).
     */
    private final Map<String, SchemeData> parsed = new ConcurrentHashMap<>();

    @ConfigProperty(name = "citycoop.matching.scheme-cache-size", defaultValue = "20000")
    int cacheSize;

    /**
     * Stores the scheme unless the read model holds the same or a newer version of it.
     *
     * @return true when stored, false when the event was older or equal (ignored)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(SchemeData scheme) {
        SchemeData.ApplicationWindow window = scheme.window();
        return entityManager.createNativeQuery("""
                        INSERT INTO scheme (id, version, agency_id, status, superseded_by, window_kind, deadline,
                                            eligible_countries, applicant_types, challenge_areas, data)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, CAST(?11 AS jsonb))
                        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, agency_id = EXCLUDED.agency_id,
                            status = EXCLUDED.status, superseded_by = EXCLUDED.superseded_by,
                            window_kind = EXCLUDED.window_kind, deadline = EXCLUDED.deadline,
                            eligible_countries = EXCLUDED.eligible_countries,
                            applicant_types = EXCLUDED.applicant_types,
                            challenge_areas = EXCLUDED.challenge_areas, data = EXCLUDED.data
                        WHERE scheme.version < EXCLUDED.version""")
                .unwrap(NativeQuery.class)
                .setParameter(1, scheme.id(), String.class)
                .setParameter(2, scheme.version(), Long.class)
                .setParameter(3, scheme.agencyId(), String.class)
                .setParameter(4, scheme.status() == null ? null : scheme.status().name(), String.class)
                .setParameter(5, scheme.supersededBy(), String.class)
                .setParameter(6, window == null || window.kind() == null ? null : window.kind().name(), String.class)
                .setParameter(7, window == null ? null : window.deadline(), OffsetDateTime.class)
                .setParameter(8, scheme.eligibleCountries().toArray(String[]::new), String[].class)
                .setParameter(9, names(scheme.applicantTypes()), String[].class)
                .setParameter(10, names(scheme.challengeAreas()), String[].class)
                .setParameter(11, json.write(scheme), String.class)
                .executeUpdate() == 1;
    }

    /**
     * The schemes that may match, streamed from the database (with their agency's name and acronym). All of
     * them cover at least one of {@code areas}. With {@code onlyEligible} the query also leaves out what the
     * hard criteria of {@link org.citycoop.matching.scoring.HardCriteria} would fail for certain: a scheme
     * withdrawn or superseded, a {@code FIXED} deadline before {@code now}, a country list
     * without {@code country}, an applicant list without {@code applicantType} or {@code ANY}. Scoring
     * decides the rest (deadline reachability, partner city, region membership). Call inside a transaction and
     * close the stream.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stream<Candidate> candidates(Collection<ChallengeArea> areas, String country, ApplicantType applicantType,
                                        boolean onlyEligible, Instant now) {
        String sql = """
                SELECT s.id, s.version, a.name, a.acronym
                FROM scheme s LEFT JOIN agency a ON a.id = s.agency_id
                WHERE s.challenge_areas && CAST(?1 AS text[])""";
        if (onlyEligible) {
            sql += """

                      AND s.status IS DISTINCT FROM 'WITHDRAWN'
                      AND s.superseded_by IS NULL
                      AND (s.window_kind IS DISTINCT FROM 'FIXED' OR s.deadline IS NULL OR s.deadline >= ?2)
                      AND (cardinality(s.eligible_countries) = 0 OR ?3 = ANY (s.eligible_countries))
                      AND (cardinality(s.applicant_types) = 0 OR 'ANY' = ANY (s.applicant_types) OR ?4 = ANY (s.applicant_types))""";
        }
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = entityManager.createNativeQuery(sql).unwrap(NativeQuery.class);
        query.setParameter(1, names(areas), String[].class);
        if (onlyEligible) {
            query.setParameter(2, now.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                    .setParameter(3, country, String.class)
                    .setParameter(4, applicantType.name(), String.class);
        }
        query.setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE);
        List<Object[]> rows = query.getResultList();
        Map<String, SchemeData> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Object[] row : rows) {
            String id = (String) row[0];
            SchemeData cached = parsed.get(id);
            if (cached != null && cached.version() != null && cached.version() == ((Number) row[1]).longValue()) {
                found.put(id, cached);
            } else {
                missing.add(id);
            }
        }
        for (int from = 0; from < missing.size(); from += FETCH_SIZE) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + FETCH_SIZE));
            @SuppressWarnings("unchecked")
            List<String> data = entityManager.createNativeQuery("SELECT CAST(data AS text) FROM scheme WHERE id = ANY (CAST(?1 AS text[]))")
                    .unwrap(NativeQuery.class).setParameter(1, batch.toArray(String[]::new), String[].class).getResultList();
            for (String json : data) {
                SchemeData scheme = read(json);
                found.put(scheme.id(), scheme);
                if (parsed.size() < cacheSize || parsed.containsKey(scheme.id())) {
                    parsed.put(scheme.id(), scheme);
                }
            }
        }
        return rows.stream().filter(row -> found.containsKey((String) row[0]))
                .map(row -> new Candidate(found.get((String) row[0]), (String) row[2], (String) row[3]));
    }

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

    /**
     * A scheme that may match, with its agency as the read model knows it (name and acronym are null until
     * the agency's event has arrived).
     */
    public record Candidate(SchemeData scheme, String agencyName, String agencyAcronym) {
    }
}
