package org.citycoop.matching.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this instance's {@link ReadModelIndex} equal to the database's read model (the source of truth), in three
 * ways:
 * <ol>
 * <li>at start-up (after Flyway), {@link #load} reads every scheme, agency, arrangement and IATI activity;</li>
 * <li>after a transaction of this instance's consumers commits, what it stored ({@link ReadModelChange}) is put in
 * the index at once, so the index never shows uncommitted data;</li>
 * <li>every {@code citycoop.matching.index.refresh-interval} (default 250 ms), {@link #refresh} reads the rows
 * written by transactions that had not committed when the previous load or refresh began: with several
 * instances in one consumer group each consumes only its partitions' events, and this is how the others'
 * changes reach its index.</li>
 * </ol>
 * A refresh finds those rows by {@code written_xid}, the transaction that last wrote each row (migration
 * {@code V3__read_model_changes.sql}): it keeps the PostgreSQL snapshot taken before its previous read and reads
 * the rows whose transaction that snapshot did not see as committed ({@code pg_visible_in_snapshot}), so a
 * transaction that commits late is never missed and one long transaction elsewhere does not make it read
 * everything again. Rows the index already holds in that version are not parsed again.
 */
@ApplicationScoped
public class ReadModelIndexer {

    private static final Logger LOG = Logger.getLogger(ReadModelIndexer.class);

    /** Rows fetched per round trip while reading (the whole read model at start-up does not sit in memory twice). */
    private static final int FETCH_SIZE = 500;
    private static final int LOAD_TIMEOUT_SECONDS = 900;

    private static final String CHANGED_SINCE = " WHERE written_xid >= pg_snapshot_xmin(CAST(? AS pg_snapshot))"
            + " AND NOT pg_visible_in_snapshot(written_xid, CAST(? AS pg_snapshot))";

    @Inject
    ReadModelIndex index;

    @Inject
    DataSource dataSource;

    @Inject
    EventJson json;

    /** How often to refresh: its own timer, since the Quarkus scheduler's {@code every} cannot go below a second. */
    @Inject
    IndexConfig config;

    /** The snapshot taken before the last load or refresh read the tables; null until the first load. */
    private String lastSnapshot;
    private volatile boolean loaded;
    private ScheduledExecutorService refresher;

    void onStart(@Observes StartupEvent start) {
        load();
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "read-model-index-refresh"));
        refresher.scheduleWithFixedDelay(this::scheduledRefresh, config.refreshInterval().toMillis(), config.refreshInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops refreshing before the database layer closes (a refresh under way finishes). */
    void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
        if (refresher != null) {
            refresher.shutdown();
            refresher.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Puts what this instance's consumer stored in the index once its transaction has committed. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadModelChange change) {
        if (change instanceof ReadModelChange.SchemeStored stored) {
            index.put(stored.scheme());
        } else if (change instanceof ReadModelChange.AgencyStored stored) {
            index.put(stored.agency());
        } else if (change instanceof ReadModelChange.ArrangementStored stored) {
            index.put(stored.arrangement());
        } else if (change instanceof ReadModelChange.ActivityStored stored) {
            index.put(stored.activity());
        }
    }

    private void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("The read-model index will retry its refresh: %s", e.getMessage());
        }
    }

    /**
     * Reads the whole read model from the database into the index (entries it holds in a newer version stay).
     *
     * @return what was read
     */
    public synchronized Counts load() {
        long started = System.nanoTime();
        // Reading 100,000 schemes on a busy machine can take longer than the default transaction timeout (60 s).
        Counts counts = QuarkusTransaction.requiringNew().timeout(LOAD_TIMEOUT_SECONDS).call(() -> read(null));
        loaded = true;
        Runtime runtime = Runtime.getRuntime();
        LOG.infof("Loaded the read model into memory in %d ms: %d schemes, %d agencies, %d arrangements, %d IATI activities; "
                        + "heap in use %d MB (garbage included) of at most %d MB", (System.nanoTime() - started) / 1_000_000,
                index.schemeCount(), index.agencyCount(), index.arrangementCount(), index.activityCount(),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        return counts;
    }

    /**
     * Reads what was written since the previous load or refresh began (by any instance) into the index; loads
     * everything when nothing was loaded yet. Runs in a transaction of its own, so it sees committed rows only,
     * also when called inside another transaction.
     *
     * @return what was read
     */
    public synchronized Counts refresh() {
        if (lastSnapshot == null) {
            return load();
        }
        return QuarkusTransaction.requiringNew().call(() -> read(lastSnapshot));
    }

    /** True once the read model has been loaded. */
    public boolean loaded() {
        return loaded;
    }

    /** Reads rows written by transactions {@code since} did not see committed (all rows when null). */
    private Counts read(String since) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String snapshot;
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT CAST(pg_current_snapshot() AS text)")) {
                result.next();
                snapshot = result.getString(1);
            }
            String where = since == null ? "" : CHANGED_SINCE;
            int schemes = 0;
            int agencies = 0;
            int arrangements = 0;
            try (ResultSet rows = query(connection, "SELECT id, version, CAST(data AS text) FROM scheme" + where, since)) {
                while (rows.next()) {
                    if (!index.holdsScheme(rows.getString(1), rows.getLong(2))) {
                        index.put(read(rows.getString(3), SchemeData.class));
                        schemes++;
                    }
                }
            }
            try (ResultSet rows = query(connection, "SELECT id, version, name, acronym FROM agency" + where, since)) {
                while (rows.next()) {
                    if (!index.holdsAgency(rows.getString(1), rows.getLong(2))) {
                        index.put(new AgencyData(rows.getString(1), rows.getString(3), rows.getString(4), rows.getLong(2)));
                        agencies++;
                    }
                }
            }
            try (ResultSet rows = query(connection, "SELECT id, version, CAST(data AS text) FROM arrangement" + where, since)) {
                while (rows.next()) {
                    if (!index.holdsArrangement(rows.getString(1), rows.getLong(2))) {
                        index.put(read(rows.getString(3), ArrangementData.class));
                        arrangements++;
                    }
                }
            }
            int activities = 0;
            try (ResultSet rows = query(connection, "SELECT id, version, CAST(data AS text) FROM activity" + where, since)) {
                while (rows.next()) {
                    if (!index.holdsActivity(rows.getString(1), rows.getLong(2))) {
                        index.put(read(rows.getString(3), ActivityData.class));
                        activities++;
                    }
                }
            }
            lastSnapshot = snapshot;
            if (since != null && schemes + agencies + arrangements + activities > 0) {
                LOG.debugf("Refreshed the read-model index: %d schemes, %d agencies, %d arrangements, %d IATI activities", schemes,
                        agencies, arrangements, activities);
            }
            return new Counts(schemes, agencies, arrangements, activities);
        }
    }

    private static ResultSet query(Connection connection, String sql, String since) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH_SIZE);
        if (since != null) {
            statement.setString(1, since);
            statement.setString(2, since);
        }
        statement.closeOnCompletion();
        return statement.executeQuery();
    }

    private <T> T read(String data, Class<T> type) {
        try {
            return json.read(data, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored read-model data cannot be read as " + type.getSimpleName(), e);
        }
    }

    /** How many schemes, agencies, arrangements and IATI activities a load or refresh put in the index (new or newer versions). */
    public record Counts(int schemes, int agencies, int arrangements, int activities) {
    }
}
