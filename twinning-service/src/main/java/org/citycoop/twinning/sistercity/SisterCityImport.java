package org.citycoop.twinning.sistercity;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.citycoop.platform.storage.AdvisoryLocks;
import org.citycoop.twinning.arrangement.Provenance;
import org.citycoop.twinning.vocabulary.CityRole;
import org.citycoop.twinning.arrangement.Twinning;
import org.citycoop.twinning.arrangement.TwinningEvents;
import org.citycoop.twinning.vocabulary.TwinningKind;
import org.citycoop.twinning.vocabulary.TwinningStatus;
import org.citycoop.platform.storage.DatabaseTime;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Imports the sister-city pairs shipped in {@code data/twinning/} as arrangements of kind SISTER_CITY (status
 * ACTIVE, both cities PARTNER, with source and licence). Ends are resolved to registry cities by
 * {@link SisterCityResolver}; a pair listed twice or in both directions becomes one arrangement; what cannot be
 * resolved is left out and listed in the report, which is kept ({@code GET /v1/twinnings/sister-city-import}).
 * Each arrangement carries the key {@code sister-city:<id>|<id>}, so running the import again creates nothing
 * new; a SISTER_CITY arrangement already made through the API between the same two cities counts as held.
 * Each created arrangement publishes {@code created.v1} through the outbox in the import's transaction. It runs
 * on {@code POST /v1/twinnings/sister-city-import}, and at start-up when
 * {@code citycoop.twinning.sister-city-import.at-start} is true.
 */
@ApplicationScoped
public class SisterCityImport {

    static final String IMPORT = "sister-cities";
    /** The actor recorded in the history of imported arrangements. */
    static final String ACTOR = "sister-city-import";
    static final String WIKIPEDIA_FILE = "twinning_pairs_asia_pacific.csv";
    static final String WIKIDATA_FILE = "wikidata_eu_to_asia_pacific_pairs.csv";
    static final Provenance WIKIPEDIA = new Provenance("English Wikipedia, lists of twin towns and sister cities "
            + "(geocoded by github Hekman/twincities, commit 84ebdec)", "CC BY-SA 4.0; coordinates partly OpenStreetMap (ODbL)");
    static final Provenance WIKIDATA = new Provenance("Wikidata property P190 \"twinned administrative body\" "
            + "(through github rogorido/sistercities)", "CC0 1.0");
    private static final Logger LOG = Logger.getLogger(SisterCityImport.class);

    @Inject
    DatabaseTime time;

    @Inject
    EntityManager entityManager;

    @Inject
    TwinningEvents events;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    SisterCityConfig config;

    /** A pair from a file, its ends resolved or not. */
    private record Pair(String file, long line, SisterCityResolver.End first, SisterCityResolver.End second, Provenance provenance) {
        String label() {
            return first.name() + " (" + first.country() + ") - " + second.name() + " (" + second.country() + ")";
        }
    }

    void onStart(@Observes StartupEvent started) {
        if (config.atStart()) {
            SisterCityImportReport report = run();
            LOG.infof("Sister-city import: %d created, %d already held, %d duplicates merged, %d pairs unresolved",
                    report.created(), report.alreadyHeld(), report.duplicatesMerged(), report.unresolvedPairs());
        }
    }

    /** Runs the import and keeps its report. */
    @Transactional
    public SisterCityImportReport run() {
        AdvisoryLocks.lockForTransaction(entityManager, "sister-city-import");
        Instant now = time.now();
        SisterCityResolver resolver = new SisterCityResolver(registry());
        List<Pair> pairs = new ArrayList<>();
        Map<String, Integer> rowsRead = new LinkedHashMap<>();
        rowsRead.put(WIKIPEDIA_FILE, readWikipedia(pairs));
        rowsRead.put(WIKIDATA_FILE, readWikidata(pairs));

        Map<String, Integer> methods = new TreeMap<>();
        List<SisterCityImportReport.Unresolved> unresolved = new ArrayList<>();
        Map<String, Pair> distinct = new LinkedHashMap<>();
        Map<String, List<String>> cityIds = new LinkedHashMap<>();
        int resolvedPairs = 0;
        for (Pair pair : pairs) {
            SisterCityResolver.Resolution a = resolver.resolve(pair.first());
            SisterCityResolver.Resolution b = resolver.resolve(pair.second());
            List<String> reasons = new ArrayList<>();
            if (!a.resolved()) {
                reasons.add(pair.first().name() + ": " + a.problem());
            }
            if (!b.resolved()) {
                reasons.add(pair.second().name() + ": " + b.problem());
            }
            if (a.resolved() && b.resolved() && a.city().id().equals(b.city().id())) {
                reasons.add("both ends resolve to the same city " + a.city().id());
            }
            if (!reasons.isEmpty()) {
                unresolved.add(new SisterCityImportReport.Unresolved(pair.file(), pair.line(), pair.label(), String.join("; ", reasons)));
                continue;
            }
            methods.merge(a.method().name(), 1, Integer::sum);
            methods.merge(b.method().name(), 1, Integer::sum);
            resolvedPairs++;
            List<String> ids = a.city().id().compareTo(b.city().id()) < 0 ? List.of(a.city().id(), b.city().id())
                    : List.of(b.city().id(), a.city().id());
            String key = "sister-city:" + ids.get(0) + "|" + ids.get(1);
            if (distinct.putIfAbsent(key, pair) == null) {
                cityIds.put(key, ids);
            }
        }
        Set<String> held = heldKeys();
        List<NewPair> toCreate = new ArrayList<>();
        int alreadyHeld = 0;
        for (Map.Entry<String, Pair> entry : distinct.entrySet()) {
            if (held.contains(entry.getKey())) {
                alreadyHeld++;
            } else {
                toCreate.add(newPair(entry.getKey(), cityIds.get(entry.getKey()), entry.getValue().provenance(), resolver));
            }
        }
        create(toCreate, now);
        int created = toCreate.size();
        SisterCityImportReport report = new SisterCityImportReport(now, rowsRead, methods, resolvedPairs,
                resolvedPairs - distinct.size(), created, alreadyHeld, unresolved.size(), unresolved);
        save(report, now);
        return report;
    }

    /** The last report, if the import ever ran. */
    @Transactional
    public Optional<SisterCityImportReport> lastReport() {
        List<?> rows = entityManager.createNativeQuery("SELECT CAST(report AS TEXT) FROM twinning_import_report WHERE import = ?1")
                .setParameter(1, IMPORT).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(objectMapper.readValue((String) rows.get(0), SisterCityImportReport.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An arrangement to create. */
    private record NewPair(UUID id, String key, String title, List<Twinning.TwinnedCity> cities, Provenance provenance) {
    }

    private NewPair newPair(String key, List<String> ids, Provenance provenance, SisterCityResolver resolver) {
        List<Twinning.TwinnedCity> cities = ids.stream().map(cityId -> {
            SisterCityResolver.RegistryCity city = resolver.city(cityId).orElseThrow();
            return new Twinning.TwinnedCity(city.id(), city.name(), city.country(), CityRole.PARTNER);
        }).toList();
        String title = "Sister cities " + cities.get(0).name() + " (" + cities.get(0).country() + ") and "
                + cities.get(1).name() + " (" + cities.get(1).country() + ")";
        return new NewPair(UUID.randomUUID(), key, title, cities, provenance);
    }

    /**
     * Writes the arrangements, their cities and history with JDBC batches (thousands in one transaction), then
     * one {@code created.v1} per arrangement through the outbox.
     */
    private void create(List<NewPair> pairs, Instant now) {
        Timestamp at = Timestamp.from(now);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement arrangement = connection.prepareStatement("""
                    INSERT INTO twinning_arrangement (id, title, kind, status, version, created_at, updated_at,
                                                      provenance_source, provenance_licence, import_key)
                    VALUES (?, ?, 'SISTER_CITY', 'ACTIVE', 1, ?, ?, ?, ?, ?)""");
                 PreparedStatement city = connection.prepareStatement(
                         "INSERT INTO twinning_city (arrangement_id, position, city_id, role) VALUES (?, ?, ?, 'PARTNER')");
                 PreparedStatement transition = connection.prepareStatement("""
                         INSERT INTO twinning_transition (arrangement_id, from_status, to_status, changed_at, changed_by)
                         VALUES (?, NULL, 'ACTIVE', ?, ?)""")) {
                for (NewPair pair : pairs) {
                    arrangement.setObject(1, pair.id());
                    arrangement.setString(2, pair.title());
                    arrangement.setTimestamp(3, at);
                    arrangement.setTimestamp(4, at);
                    arrangement.setString(5, pair.provenance().source());
                    arrangement.setString(6, pair.provenance().licence());
                    arrangement.setString(7, pair.key());
                    arrangement.addBatch();
                    for (int position = 0; position < pair.cities().size(); position++) {
                        city.setObject(1, pair.id());
                        city.setInt(2, position);
                        city.setString(3, pair.cities().get(position).cityId());
                        city.addBatch();
                    }
                    transition.setObject(1, pair.id());
                    transition.setTimestamp(2, at);
                    transition.setString(3, ACTOR);
                    transition.addBatch();
                }
                arrangement.executeBatch();
                city.executeBatch();
                transition.executeBatch();
            }
        });
        for (NewPair pair : pairs) {
            Twinning data = new Twinning(pair.id(), pair.title(), TwinningKind.SISTER_CITY, pair.cities(), List.of(), List.of(),
                    TwinningStatus.ACTIVE, null, null, null, 1, now, now, List.of(), List.of(), null, List.of(), pair.provenance(), null);
            events.created(data);
        }
    }

    @SuppressWarnings("unchecked")
    private List<SisterCityResolver.RegistryCity> registry() {
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT geonames_id, name, ascii_name, country, latitude, longitude FROM city").getResultList();
        return rows.stream().map(r -> new SisterCityResolver.RegistryCity((String) r[0], (String) r[1], (String) r[2],
                String.valueOf(r[3]), ((Number) r[4]).doubleValue(), ((Number) r[5]).doubleValue())).toList();
    }

    /** Keys of imported arrangements, and of SISTER_CITY arrangements of exactly two cities made through the API. */
    @SuppressWarnings("unchecked")
    private Set<String> heldKeys() {
        Set<String> keys = new HashSet<>(entityManager.createNativeQuery(
                "SELECT import_key FROM twinning_arrangement WHERE import_key IS NOT NULL", String.class).getResultList());
        List<String> made = entityManager.createNativeQuery("""
                SELECT 'sister-city:' || min(c.city_id) || '|' || max(c.city_id)
                FROM twinning_arrangement a JOIN twinning_city c ON c.arrangement_id = a.id
                WHERE a.kind = 'SISTER_CITY' AND a.import_key IS NULL AND a.status <> 'TERMINATED'
                GROUP BY a.id HAVING count(*) = 2""", String.class).getResultList();
        keys.addAll(made);
        return keys;
    }

    private void save(SisterCityImportReport report, Instant now) {
        String json;
        try {
            json = objectMapper.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entityManager.createNativeQuery("""
                        INSERT INTO twinning_import_report (import, report, ran_at) VALUES (?1, CAST(?2 AS jsonb), ?3)
                        ON CONFLICT (import) DO UPDATE SET report = EXCLUDED.report, ran_at = EXCLUDED.ran_at""")
                .setParameter(1, IMPORT).setParameter(2, json).setParameter(3, now).executeUpdate();
    }

    private int readWikipedia(List<Pair> pairs) {
        return read(WIKIPEDIA_FILE, (row, line) -> pairs.add(new Pair(WIKIPEDIA_FILE, line,
                end(row.get("city1"), row.get("country1_iso2"), row.get("lat1"), row.get("lng1"), row.get("coord_check1"), row.get("geonames_id1")),
                end(row.get("city2"), row.get("country2_iso2"), row.get("lat2"), row.get("lng2"), row.get("coord_check2"), row.get("geonames_id2")),
                WIKIPEDIA)));
    }

    private int readWikidata(List<Pair> pairs) {
        return read(WIKIDATA_FILE, (row, line) -> pairs.add(new Pair(WIKIDATA_FILE, line,
                end(row.get("origin_city"), SisterCityResolver.countryCode(row.get("origin_country")).orElse(null),
                        row.get("origin_lat"), row.get("origin_lon"), "ok", null),
                end(row.get("sister_city"), row.get("sister_country_iso2"), row.get("sister_lat"), row.get("sister_lon"), "ok", null),
                WIKIDATA)));
    }

    private static SisterCityResolver.End end(String name, String country, String lat, String lon, String check, String geonamesId) {
        return new SisterCityResolver.End(name == null ? "" : name.strip(), blankToNull(country), number(lat), number(lon),
                "ok".equals(check), blankToNull(geonamesId));
    }

    private interface RowHandler {
        void accept(Map<String, String> row, long line);
    }

    private static int read(String file, RowHandler handler) {
        String resource = "data/twinning/" + file;
        try (InputStream in = SisterCityImport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + resource);
            }
            int rows = 0;
            try (MappingIterator<Map<String, String>> iterator = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
                while (iterator.hasNextValue()) {
                    long line = iterator.getCurrentLocation().getLineNr();
                    Map<String, String> row = iterator.nextValue();
                    rows++;
                    handler.accept(row, line);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static Double number(String value) {
        try {
            return value == null || value.isBlank() ? null : Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
