package org.citycoop.devstack;

/**
 * External PostgreSQL and Kafka, when configured; the launcher and the tests start embedded ones
 * for whatever is not.
 *
 * <ul>
 *   <li>{@code CITYCOOP_POSTGRES_URL}: JDBC URL of the server without a database, for example
 *       {@code jdbc:postgresql://db.internal:5432/}; each service gets a database of its own on it.</li>
 *   <li>{@code CITYCOOP_POSTGRES_USER}, {@code CITYCOOP_POSTGRES_PASSWORD}: a role allowed to create
 *       databases (default {@code postgres}/{@code postgres}).</li>
 *   <li>{@code CITYCOOP_KAFKA_BOOTSTRAP_SERVERS}: for example {@code kafka.internal:9092}.</li>
 * </ul>
 */
public record StackSettings(String postgresUrl, String postgresUser, String postgresPassword, String kafkaBootstrapServers) {

    public static StackSettings fromEnvironment() {
        return new StackSettings(
                blankToNull(System.getenv("CITYCOOP_POSTGRES_URL")),
                orDefault(System.getenv("CITYCOOP_POSTGRES_USER"), "postgres"),
                orDefault(System.getenv("CITYCOOP_POSTGRES_PASSWORD"), "postgres"),
                blankToNull(System.getenv("CITYCOOP_KAFKA_BOOTSTRAP_SERVERS")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
