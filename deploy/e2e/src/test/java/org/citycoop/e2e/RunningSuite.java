package org.citycoop.e2e;

import io.restassured.RestAssured;
import org.citycoop.devstack.Credentials;
import org.citycoop.devstack.SeedLoader;
import org.citycoop.devstack.StackSettings;
import org.citycoop.devstack.Suite;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One packaged suite for all end-to-end tests of this JVM, started as {@code deploy/local up} does:
 * signing keys, the admin key and one agency-editor key per seeded agency (the same
 * {@link Credentials}), the seed loaded through the gateway with the admin key. Stopped when the JVM ends.
 */
final class RunningSuite {

    private static RunningSuite instance;

    final Suite suite;
    final Path root;
    final Credentials credentials;

    private RunningSuite(Suite suite, Path root, Credentials credentials) {
        this.suite = suite;
        this.root = root;
        this.credentials = credentials;
    }

    static synchronized RunningSuite get() throws Exception {
        if (instance == null) {
            Path root = Path.of(System.getProperty("citycoop.root", "../..")).toAbsolutePath().normalize();
            Suite suite = Suite.forTests(root, Files.createTempDirectory("citycoop-e2e"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    suite.stopAttached();
                } catch (Exception ignored) {
                    // the JVM ends anyway
                }
            }, "citycoop-e2e-stop"));
            try {
                suite.start(StackSettings.fromEnvironment(), 0, 0, System.out);
                new SeedLoader(suite.gatewayUrl(), suite.adminKey()).load(root.resolve("deploy/seed"));
                Credentials credentials = suite.credentials(root.resolve("deploy/seed")); // agency keys need their agencies
                instance = new RunningSuite(suite, root, credentials);
            } catch (Exception | AssertionError e) {
                suite.stopAttached(); // not a second suite beside this one when the next test class tries again
                throw e;
            }
        }
        RestAssured.baseURI = instance.suite.gatewayUrl().toString();
        return instance;
    }
}
