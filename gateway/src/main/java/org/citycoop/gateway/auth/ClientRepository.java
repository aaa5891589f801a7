package org.citycoop.gateway.auth;

import org.citycoop.gateway.vocabulary.ClientRole;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code api_client} table (plain JDBC: a handful of statements). Blocking: call it from a worker
 * thread. Keys arrive here already hashed ({@link ApiKeys#hash}).
 */
@ApplicationScoped
public class ClientRepository {

    private static final String COLUMNS = "id, name, role, agency_id, city_ids, key_prefix, created_at, key_created_at, revoked_at";

    @Inject
    AgroalDataSource dataSource;

    /** Thrown when a client of that name exists already. */
    public static class NameTaken extends RuntimeException {
        NameTaken(String name) {
            super(name);
        }
    }

    /** The client whose current key has this hash, revoked or not. */
    public Optional<ApiClient> findByKeyHash(String keyHash) {
        return one("SELECT " + COLUMNS + " FROM api_client WHERE key_hash = ?", keyHash);
    }

    public Optional<ApiClient> find(UUID id) {
        return one("SELECT " + COLUMNS + " FROM api_client WHERE id = ?", id);
    }

    public Optional<ApiClient> findByName(String name) {
        return one("SELECT " + COLUMNS + " FROM api_client WHERE name = ?", name);
    }

    /** Clients in name order, after {@code afterName} (exclusive) when given. */
    public List<ApiClient> list(String afterName, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM api_client" + (afterName == null ? "" : " WHERE name > ?") + " ORDER BY name LIMIT ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (afterName != null) {
                statement.setString(i++, afterName);
            }
            statement.setInt(i, limit);
            List<ApiClient> clients = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    clients.add(map(rows));
                }
            }
            return clients;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores a new client with the hash of its first key. */
    public ApiClient create(NewClient request, String keyPrefix, String keyHash) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO api_client (id, name, role, agency_id, city_ids, key_prefix, key_hash, created_at, key_created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
            statement.setObject(1, id);
            statement.setString(2, request.name());
            statement.setString(3, request.role().name());
            statement.setString(4, request.agencyId());
            statement.setArray(5, connection.createArrayOf("text",
                    request.cityIds() == null ? new String[0] : request.cityIds().toArray(String[]::new)));
            statement.setString(6, keyPrefix);
            statement.setString(7, keyHash);
            statement.setObject(8, now);
            statement.setObject(9, now);
            if (statement.executeUpdate() == 0) {
                throw new NameTaken(request.name());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return find(id).orElseThrow();
    }

    /** Replaces the client's key: the old one stops working. Empty when there is no such client or it is revoked. */
    public Optional<ApiClient> replaceKey(UUID id, String keyPrefix, String keyHash) {
        return update("UPDATE api_client SET key_prefix = ?, key_hash = ?, key_created_at = now() WHERE id = ? AND revoked_at IS NULL",
                id, keyPrefix, keyHash);
    }

    /** Revokes the client (its key stops working); revoking again changes nothing. */
    public Optional<ApiClient> revoke(UUID id) {
        return update("UPDATE api_client SET revoked_at = coalesce(revoked_at, now()) WHERE id = ?", id);
    }

    /**
     * Makes sure the named admin client exists, is not revoked, and has this key: the bootstrap key
     * configured for the gateway is authoritative.
     */
    public void ensureAdmin(String name, String keyPrefix, String keyHash) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO api_client (id, name, role, key_prefix, key_hash, created_at, key_created_at) "
                        + "VALUES (?, ?, 'SECRETARIAT_ADMIN', ?, ?, now(), now()) ON CONFLICT (name) DO UPDATE SET "
                        + "role = 'SECRETARIAT_ADMIN', agency_id = NULL, city_ids = '{}', revoked_at = NULL, "
                        + "key_prefix = excluded.key_prefix, key_hash = excluded.key_hash, "
                        + "key_created_at = CASE WHEN api_client.key_hash = excluded.key_hash THEN api_client.key_created_at ELSE now() END")) {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, name);
            statement.setString(3, keyPrefix);
            statement.setString(4, keyHash);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<ApiClient> update(String sql, UUID id, String... values) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            for (String value : values) {
                statement.setString(i++, value);
            }
            statement.setObject(i, id);
            if (statement.executeUpdate() == 0) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return find(id);
    }

    private Optional<ApiClient> one(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiClient map(ResultSet rows) throws SQLException {
        Array cities = rows.getArray("city_ids");
        List<String> cityIds = cities == null ? List.of() : Arrays.asList((String[]) cities.getArray());
        return new ApiClient(rows.getObject("id", UUID.class), rows.getString("name"), ClientRole.valueOf(rows.getString("role")),
                rows.getString("agency_id"), cityIds.isEmpty() ? null : List.copyOf(cityIds), rows.getString("key_prefix"),
                rows.getObject("created_at", OffsetDateTime.class), rows.getObject("key_created_at", OffsetDateTime.class),
                rows.getObject("revoked_at", OffsetDateTime.class));
    }
}
