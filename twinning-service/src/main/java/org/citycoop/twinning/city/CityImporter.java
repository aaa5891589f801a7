package org.citycoop.twinning.city;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import org.citycoop.platform.storage.AdvisoryLocks;
import org.citycoop.platform.storage.DatabaseTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * Fills the city registry from the GeoNames file shipped with the service
 * ({@code data/geonames/cities_pop15k.csv}) at start-up, unless the registry already holds this version
 * of the file (its SHA-256 is recorded in {@code city_import}).
 *
 * <p>The import runs in one transaction: the checked rows are copied into a temporary table with
 * PostgreSQL's COPY (pgjdbc's CopyManager), then upserted on the GeoNames id; a row whose values are the
 * same as the registry's is left untouched, so importing the same file again changes nothing. Bad rows
 * are skipped and counted in the log. An advisory lock keeps two instances from importing at once.
 */
@ApplicationScoped
public class CityImporter {

    /** The shipped file, on the class path. */
    public static final String RESOURCE = "data/geonames/cities_pop15k.csv";
    /** The value of {@code city.source} and the key of {@code city_import} for the shipped file. */
    public static final String SOURCE = "geonames:cities_pop15k";

    private static final Logger LOG = Logger.getLogger(CityImporter.class);

    @Inject
    DatabaseTime time;

    @Inject
    EntityManager entityManager;

    /**
     * The outcome of an import.
     *
     * @param source the file's source label
     * @param alreadyHeld true when the registry held this version of the file and nothing was read
     * @param rowsRead data rows in the file
     * @param rowsSkipped bad rows, not imported
     * @param rowsChanged registry rows inserted or updated
     */
    public record Report(String source, boolean alreadyHeld, int rowsRead, int rowsSkipped, int rowsChanged) {
    }

    void onStart(@Observes StartupEvent started) {
        Report report = importIfNeeded();
        if (report.alreadyHeld()) {
            LOG.infof("City registry already holds %s", report.source());
        }
    }

    /** Imports the shipped file unless the registry already holds this version of it. */
    @Transactional
    public Report importIfNeeded() {
        byte[] file = shippedFile();
        String sha256 = sha256(file);
        lock();
        List<?> held = entityManager.createNativeQuery("SELECT 1 FROM city_import WHERE source = ?1 AND sha256 = ?2")
                .setParameter(1, SOURCE).setParameter(2, sha256).getResultList();
        if (!held.isEmpty()) {
            return new Report(SOURCE, true, 0, 0, 0);
        }
        return importFile(file, sha256);
    }

    /** Imports the shipped file whether or not the registry holds it (an upsert: unchanged rows stay as they are). */
    @Transactional
    public Report importShippedFile() {
        byte[] file = shippedFile();
        lock();
        return importFile(file, sha256(file));
    }

    private Report importFile(byte[] file, String sha256) {
        CityFile.Contents contents;
        try {
            contents = CityFile.read(new InputStreamReader(new java.io.ByteArrayInputStream(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        contents.skipped().forEach(reason -> LOG.warnf("%s: skipped %s", SOURCE, reason));
        entityManager.createNativeQuery("""
                CREATE TEMPORARY TABLE city_staging (
                    geonames_id TEXT, name TEXT, ascii_name TEXT, country TEXT, admin1_code TEXT,
                    feature_code TEXT, population BIGINT, latitude DOUBLE PRECISION, longitude DOUBLE PRECISION
                ) ON COMMIT DROP""").executeUpdate();
        copyIntoStaging(contents.cities());
        int changed = entityManager.createNativeQuery("""
                INSERT INTO city AS c (geonames_id, name, ascii_name, country, admin1_code, feature_code,
                                       population, latitude, longitude, source)
                SELECT geonames_id, name, ascii_name, country, admin1_code, feature_code,
                       population, latitude, longitude, ?1
                FROM city_staging
                ON CONFLICT (geonames_id) DO UPDATE SET
                    name = EXCLUDED.name, ascii_name = EXCLUDED.ascii_name, country = EXCLUDED.country,
                    admin1_code = EXCLUDED.admin1_code, feature_code = EXCLUDED.feature_code,
                    population = EXCLUDED.population, latitude = EXCLUDED.latitude,
                    longitude = EXCLUDED.longitude, source = EXCLUDED.source
                WHERE (c.name, c.ascii_name, c.country, c.admin1_code, c.feature_code, c.population,
                       c.latitude, c.longitude, c.source)
                      IS DISTINCT FROM
                      (EXCLUDED.name, EXCLUDED.ascii_name, EXCLUDED.country, EXCLUDED.admin1_code,
                       EXCLUDED.feature_code, EXCLUDED.population, EXCLUDED.latitude, EXCLUDED.longitude,
                       EXCLUDED.source)""")
                .setParameter(1, SOURCE)
                .executeUpdate();
        Report report = new Report(SOURCE, false, contents.rowsRead(), contents.skipped().size(), changed);
        entityManager.createNativeQuery("""
                        INSERT INTO city_import (source, sha256, rows_read, rows_skipped, rows_changed, imported_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (source) DO UPDATE SET sha256 = EXCLUDED.sha256, rows_read = EXCLUDED.rows_read,
                            rows_skipped = EXCLUDED.rows_skipped, rows_changed = EXCLUDED.rows_changed,
                            imported_at = EXCLUDED.imported_at""")
                .setParameter(1, SOURCE)
                .setParameter(2, sha256)
                .setParameter(3, report.rowsRead())
                .setParameter(4, report.rowsSkipped())
                .setParameter(5, report.rowsChanged())
                .setParameter(6, time.nowUtc())
                .executeUpdate();
        LOG.infof("City registry: %s read %d rows, skipped %d bad rows, inserted or updated %d cities",
                SOURCE, report.rowsRead(), report.rowsSkipped(), report.rowsChanged());
        return report;
    }

    private void copyIntoStaging(List<CityRecord> cities) {
        CsvMapper csv = new CsvMapper();
        String rows;
        try {
            rows = csv.writer(csv.schemaFor(CityRecord.class).withoutHeader()).writeValueAsString(cities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        COPY city_staging (geonames_id, name, ascii_name, country, admin1_code, feature_code,
                                           population, latitude, longitude) FROM STDIN WITH (FORMAT csv)""",
                        new StringReader(rows));
            } catch (IOException e) {
                throw new SQLException("COPY into city_staging failed", e);
            }
        });
    }

    private void lock() {
        AdvisoryLocks.lockForTransaction(entityManager, "city-import");
    }

    private static byte[] shippedFile() {
        try (InputStream in = CityImporter.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
