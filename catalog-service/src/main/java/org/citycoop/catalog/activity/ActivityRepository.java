package org.citycoop.catalog.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and writes the {@code activity} table with plain JDBC on the transaction's connection: an import writes its
 * activities in JDBC batches, without holding them in a persistence context.
 */
@ApplicationScoped
public class ActivityRepository {

    private static final String COLUMNS = "id, agency_id, version, content::text, created_at, updated_at";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /** Reads stored content: a field a later version no longer has does not stop a row from being read. */
    private ObjectMapper storedJson;

    @jakarta.annotation.PostConstruct
    void init() {
        storedJson = org.citycoop.platform.web.StrictJson.tolerant(mapper);
    }

    /** An activity as stored, with its content as a JSON tree (to compare with an imported one). */
    record Stored(UUID id, String agencyId, long version, JsonNode content, Instant createdAt, Instant updatedAt) {
    }

    /** A row to insert or update. */
    record Row(ActivityView view, JsonNode content) {
    }

    /** The stored activities with these identifiers, by identifier. */
    /** Makes the current transaction read one snapshot (before its first statement): counts that must agree. */
    void readOneSnapshot() {
        org.citycoop.platform.storage.Snapshots.readOne(entityManager);
    }

    Map<String, Stored> findByIdentifiers(Collection<String> identifiers) {
        if (identifiers.isEmpty()) {
            return Map.of();
        }
        return work(connection -> {
            Map<String, Stored> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT iati_identifier, " + COLUMNS + " FROM activity WHERE iati_identifier = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", identifiers.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), new Stored(rows.getObject(2, UUID.class), rows.getString(3), rows.getLong(4),
                                tree(rows.getString(5)), instant(rows, 6), instant(rows, 7)));
                    }
                }
            }
            return found;
        });
    }

    /** Inserts the new activities and updates the changed ones, each group in one JDBC batch. */
    void write(List<Row> inserts, List<Row> updates) {
        work(connection -> {
            if (!inserts.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO activity (status, start_date, end_date, last_updated, countries, regions, sectors, content,
                                              version, updated_at, agency_id, iati_identifier, created_at, id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")) {
                    for (Row row : inserts) {
                        bind(connection, insert, row);
                        insert.setString(11, row.view().agencyId());
                        insert.setString(12, row.view().iatiIdentifier());
                        insert.setObject(13, row.view().createdAt().atOffset(ZoneOffset.UTC));
                        insert.setObject(14, row.view().id());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            if (!updates.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE activity SET status = ?, start_date = ?, end_date = ?, last_updated = ?, countries = ?, regions = ?,
                                            sectors = ?, content = ?::jsonb, version = ?, updated_at = ?
                        WHERE id = ?""")) {
                    for (Row row : updates) {
                        bind(connection, update, row);
                        update.setObject(11, row.view().id());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            return null;
        });
    }

    private void bind(Connection connection, PreparedStatement statement, Row row) throws SQLException {
        ActivityView view = row.view();
        statement.setString(1, view.status());
        statement.setObject(2, date(view.dates().start()));
        statement.setObject(3, date(view.dates().end()));
        OffsetDateTime lastUpdated = org.citycoop.catalog.activity.iati.IatiActivityReader.lastUpdatedTime(view.lastUpdated());
        statement.setObject(4, lastUpdated);
        statement.setArray(5, connection.createArrayOf("text", view.recipientCountries().stream()
                .map(ActivityContent.Share::code).filter(java.util.Objects::nonNull).distinct().toArray()));
        statement.setArray(6, connection.createArrayOf("text", view.recipientRegions().stream()
                .filter(r -> r.vocabulary() == null || ActivityRules.DAC_REGIONS.equals(r.vocabulary()))
                .map(ActivityContent.Share::code).filter(java.util.Objects::nonNull).distinct().toArray()));
        statement.setArray(7, connection.createArrayOf("text", view.sectors().stream()
                .filter(s -> s.vocabulary() == null || ActivityRules.DAC_5_DIGIT.equals(s.vocabulary()))
                .map(ActivityContent.Share::code).filter(java.util.Objects::nonNull).distinct().toArray()));
        statement.setString(8, row.content().toString());
        statement.setLong(9, view.version());
        statement.setObject(10, view.updatedAt().atOffset(ZoneOffset.UTC));
    }

    /**
     * Runs a query that returns activities, in its order.
     *
     * @param where the SQL after {@code FROM activity} (conditions, order, limit), with {@code ?} for the parameters
     */
    List<ActivityView> query(String where, List<Object> parameters) {
        return work(connection -> {
            List<ActivityView> views = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM activity " + where)) {
                bindAll(connection, select, parameters);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        views.add(view(rows));
                    }
                }
            }
            return views;
        });
    }

    /** Runs any query and hands back its rows as arrays of column values. */
    List<Object[]> rows(String sql, List<Object> parameters) {
        return work(connection -> {
            List<Object[]> result = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                bindAll(connection, select, parameters);
                try (ResultSet rows = select.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = rows.getObject(i + 1);
                        }
                        result.add(row);
                    }
                }
            }
            return result;
        });
    }

    private static void bindAll(Connection connection, PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Collection<?> values) {
                statement.setArray(i + 1, connection.createArrayOf("text", values.toArray()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private ActivityView view(ResultSet rows) throws SQLException {
        try {
            ActivityContent content = storedJson.readValue(rows.getString(4), ActivityContent.class);
            return ActivityView.of(rows.getObject(1, UUID.class), rows.getString(2), rows.getLong(3), instant(rows, 5), instant(rows, 6), content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }
}
