package org.citycoop.twinning;

import io.restassured.RestAssured;
import org.citycoop.devstack.SeedLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Loads the seminar's twinning cases (deploy/seed/twinnings) into the service under test with the suite's
 * own {@link SeedLoader}, as {@code deploy/local up} does through the gateway. Loading again changes nothing.
 */
public final class SeminarSeed {

    public static final Path TWINNINGS = Path.of("../deploy/seed/twinnings");

    private SeminarSeed() {
    }

    /** Loads the cases; returns how many arrangements the seed holds. */
    public static int load() {
        Path root = null;
        try {
            root = Files.createTempDirectory("twinning-seed");
            Path twinnings = Files.createDirectory(root.resolve("twinnings"));
            try (Stream<Path> files = Files.list(TWINNINGS)) {
                for (Path file : files.toList()) {
                    Files.copy(file, twinnings.resolve(file.getFileName()));
                }
            }
            URI service = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/");
            return new SeedLoader(service, org.citycoop.devstack.TestTokens.admin()).load(root).twinnings(); // straight to the service: a token as the gateway signs it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(root);
        }
    }

    private static void delete(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
