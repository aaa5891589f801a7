package org.citycoop.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL database and a real Kafka broker: the embedded ones
 * (started once per test JVM, on free ports, in a temporary directory deleted at the end) or the external ones named by
 * {@code CITYCOOP_POSTGRES_URL} / {@code CITYCOOP_KAFKA_BOOTSTRAP_SERVERS}.
 *
 * <p>Use it with {@code @QuarkusTestResource(value = StackTestResource.class, initArgs =
 * @ResourceArg(name = "database", value = "catalog"))}. With an external PostgreSQL each test JVM gets
 * a database of its own ({@code <database>_test_<pid>}), so runs do not see each other's rows.
 *
 * <p>Tokens: it gives the service this JVM's test public key, issuer and audience
 * ({@code mp.jwt.verify.*}) and the gateway the private key ({@code smallrye.jwt.sign.key.location}), so
 * that {@link TestTokens} are accepted; every RestAssured request then carries an admin token unless it
 * sets its own ({@link DefaultTestToken}). {@code @ResourceArg(name = "defaultToken", value = "none")}
 * turns that default off.
 */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "citycoop";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        System.setProperty(DefaultTestToken.PROPERTY, initArgs.getOrDefault("defaultToken", "admin"));
    }

    @Override
    public Map<String, String> start() {
        try {
            SharedStack stack = SharedStack.get();
            String db = stack.external ? database + "_test_" + ProcessHandle.current().pid() : database;
            stack.postgres.createDatabaseIfMissing(db);
            Path keys = TestTokens.keyDirectory();
            Map<String, String> config = new java.util.HashMap<>();
            config.put("quarkus.datasource.jdbc.url", stack.postgres.jdbcUrl(db));
            config.put("quarkus.datasource.username", stack.postgres.user());
            config.put("quarkus.datasource.password", stack.postgres.password());
            config.put("kafka.bootstrap.servers", stack.kafkaBootstrapServers);
            config.put("mp.jwt.verify.publickey.location", keys.resolve(JwtKeys.PUBLIC_KEY_FILE).toString());
            config.put("mp.jwt.verify.issuer", JwtKeys.ISSUER);
            config.put("mp.jwt.verify.audiences", JwtKeys.AUDIENCE);
            config.put("smallrye.jwt.sign.key.location", keys.resolve(JwtKeys.PRIVATE_KEY_FILE).toString());
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test stack (PostgreSQL, Kafka)", e);
        }
    }

    @Override
    public void stop() {
        // The stack lives as long as the test JVM: shutdown hooks stop the embedded servers.
    }

    /**
     * One PostgreSQL and one broker per JVM, whatever the number of test classes; stopped and their
     * temporary directory deleted when the JVM ends.
     */
    static final class SharedStack {
        private static SharedStack instance;
        final PostgresServer postgres;
        final String kafkaBootstrapServers;
        final boolean external;

        private SharedStack(PostgresServer postgres, String kafkaBootstrapServers, boolean external) {
            this.postgres = postgres;
            this.kafkaBootstrapServers = kafkaBootstrapServers;
            this.external = external;
        }

        static synchronized SharedStack get() throws Exception {
            if (instance == null) {
                StackSettings settings = StackSettings.fromEnvironment();
                Path dir = Files.createTempDirectory("citycoop-test-stack");
                PostgresServer postgres = settings.postgresUrl() != null
                        ? PostgresServer.external(settings.postgresUrl(), settings.postgresUser(), settings.postgresPassword())
                        : PostgresServer.startEmbedded(dir.resolve("pg"), PostgresServer.sharedBinaries(), 0, false);
                KafkaBroker broker = settings.kafkaBootstrapServers() != null ? null : KafkaBroker.start(dir.resolve("kafka"), 0, false);
                String kafka = broker != null ? broker.bootstrapServers() : settings.kafkaBootstrapServers();
                instance = new SharedStack(postgres, kafka, settings.postgresUrl() != null);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    if (broker != null) {
                        broker.stop();
                    }
                    try {
                        postgres.close();
                    } catch (java.io.IOException ignored) {
                        // the process ends anyway
                    }
                    Directories.deleteQuietly(dir);
                }, "citycoop-test-stack-stop"));
            }
            return instance;
        }
    }
}
