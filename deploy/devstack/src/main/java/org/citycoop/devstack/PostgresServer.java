package org.citycoop.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server for the local stack and the tests: either the embedded binaries from Maven
 * (io.zonky.test, PostgreSQL 17) or an external server given by {@code CITYCOOP_POSTGRES_URL}.
 *
 * <p>Each service keeps its data in a database of its own on this server
 * ({@link #createDatabaseIfMissing(String)}).
 */
public final class PostgresServer {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String baseUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path dataDirectory;
    private final Path binaries;
    private final boolean keepsData;

    private PostgresServer(String baseUrl, String user, String password, EmbeddedPostgres embedded, Path dataDirectory,
            Path binaries, boolean keepsData) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.binaries = binaries;
        this.keepsData = keepsData;
    }

    /** Where tests unpack the PostgreSQL binaries: once per machine, shared by every test run. */
    public static Path sharedBinaries() {
        return Path.of(System.getProperty("java.io.tmpdir"), "citycoop-pg-binaries");
    }

    /** An external server, for example {@code jdbc:postgresql://db.example:5432}. */
    public static PostgresServer external(String baseUrl, String user, String password) {
        return new PostgresServer(baseUrl, user, password, null, null, null, true);
    }

    /**
     * Starts the embedded PostgreSQL.
     *
     * @param dataDirectory where the cluster lives; reused when it already holds one
     * @param binaries where the PostgreSQL binaries are unpacked (about 58 MB; reused when present)
     * @param port TCP port on loopback, 0 for any free port
     * @param survivesThisJvm true for the launcher (the server keeps running after this JVM ends and is
     *     stopped by {@link #stopDetached(Path)}), false for tests (the caller stops it with {@link #close()},
     *     which also deletes the data directory)
     */
    public static PostgresServer startEmbedded(Path dataDirectory, Path binaries, int port, boolean survivesThisJvm)
            throws IOException {
        return startEmbedded(dataDirectory, binaries, port, !survivesThisJvm, survivesThisJvm);
    }

    /**
     * Starts the embedded PostgreSQL for this JVM, keeping its data directory when it stops (the caller deletes it), so
     * that {@link #restart()} can stop and start it again on the same data.
     */
    public static PostgresServer startEmbeddedRestartable(Path dataDirectory, Path binaries, int port) throws IOException {
        return startEmbedded(dataDirectory, binaries, port, false, false);
    }

    private static PostgresServer startEmbedded(Path dataDirectory, Path binaries, int port, boolean clean,
            boolean survivesThisJvm) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(binaries);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/", "postgres", "postgres", pg,
                dataDirectory, binaries, !clean);
    }

    /**
     * Restarts an embedded server started by {@link #startEmbeddedRestartable}: a fast shutdown (every session is
     * ended, as clients see in a failover; the embedded server's own stop, which also frees its lock on the data
     * directory), then a start on the same data directory and port; returns the server that runs now (the caller
     * closes that one).
     */
    public PostgresServer restart() throws IOException {
        if (embedded == null || !keepsData) {
            throw new IllegalStateException("only an embedded server started with startEmbeddedRestartable can be restarted");
        }
        int port = embedded.getPort();
        embedded.close();
        return startEmbedded(dataDirectory, binaries, port, false, false);
    }

    /** Stops an embedded server started by an earlier JVM, by the postmaster id in its data directory. */
    public static boolean stopDetached(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).map(handle -> {
            handle.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
            try {
                handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
            return true;
        }).orElse(false);
    }

    /** The process id of a detached embedded server, if it runs. */
    public static java.util.Optional<Long> runningPid(Path dataDirectory) {
        try {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return java.util.Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Creates the database if it does not exist yet; the name is lower case letters, digits and '_'. */
    public void createDatabaseIfMissing(String database) throws SQLException {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(baseUrl + "postgres", user, password);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        }
    }

    public String jdbcUrl(String database) {
        return baseUrl + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Stops an embedded server owned by this JVM; an external one is left alone. */
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
