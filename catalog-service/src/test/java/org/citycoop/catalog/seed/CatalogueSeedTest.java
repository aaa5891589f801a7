package org.citycoop.catalog.seed;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.citycoop.catalog.Fixtures;
import org.citycoop.catalog.agency.AgencyRules;
import org.citycoop.catalog.scheme.SchemeRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped seed catalogue ({@code deploy/seed}, what {@code deploy/local up} loads) against the real service and
 * PostgreSQL: every scheme has a source or is kept as history without a verification date, every code is one the
 * service accepts (IATI codelists, ISO 3166 and 4217, the catalogue's vocabularies), and loading it a second time
 * changes nothing (the same versions, no new entry in the change feed).
 */
@QuarkusTest
class CatalogueSeedTest {

    private static final Path SEED = seedDirectory();

    /** One seed file: its folder, its id (the file name) and its content. */
    record SeedFile(String agencyId, String ref, JsonNode body) {
        String path() {
            return "/v1/agencies/" + agencyId + (ref == null ? "" : "/schemes/" + ref);
        }

        @Override
        public String toString() {
            return agencyId + (ref == null ? "" : "/" + ref);
        }
    }

    @Test
    void everySchemeHasItsSourceOrIsHistoryWithoutAVerificationDate() {
        List<SeedFile> schemes = schemes();
        List<String> agencyIds = agencies().stream().map(SeedFile::agencyId).toList();
        List<String> wrong = new ArrayList<>();
        int current = 0;
        for (SeedFile scheme : schemes) {
            JsonNode s = scheme.body();
            boolean historical = s.hasNonNull("supersededBy");
            boolean sourced = s.hasNonNull("sourceUrl");
            if (!agencyIds.contains(scheme.agencyId())) {
                wrong.add(scheme + ": no agencies/" + scheme.agencyId() + ".json");
            }
            if (!scheme.ref().matches(SchemeRules.REF_PATTERN)) {
                wrong.add(scheme + ": the file name is not a scheme reference");
            }
            if (!historical && !(sourced && s.hasNonNull("verifiedOn"))) {
                wrong.add(scheme + ": a current scheme needs sourceUrl and verifiedOn");
            }
            if (!sourced && s.hasNonNull("verifiedOn")) {
                wrong.add(scheme + ": verifiedOn without a sourceUrl claims a check that was not made");
            }
            if (!sourced && !historical) {
                wrong.add(scheme + ": no source and not marked historical (supersededBy)");
            }
            current += historical ? 0 : 1;
        }
        assertEquals(List.of(), wrong);
        assertTrue(current >= 40, "current schemes: " + current);
        long agenciesWithCurrentSchemes = schemes.stream().filter(s -> !s.body().hasNonNull("supersededBy"))
                .map(SeedFile::agencyId).distinct().count();
        assertTrue(agenciesWithCurrentSchemes >= 12, "agencies with current schemes: " + agenciesWithCurrentSchemes);
    }

    @Test
    void theSeedLoadsWithValidCodesAndLoadingItAgainChangesNothing() {
        Map<String, Integer> firstVersions = new TreeMap<>();
        for (SeedFile agency : agencies()) {
            assertTrue(agency.agencyId().matches(AgencyRules.ID_PATTERN), agency.agencyId());
            Response response = put(agency);
            // 422 would name the code at fault (organisation type, country, region, IATI identifier)
            assertTrue(response.statusCode() == 201 || response.statusCode() == 200, agency + ": " + response.asString());
            firstVersions.put(agency.toString(), response.path("version"));
        }
        for (SeedFile scheme : schemes()) {
            Response response = put(scheme);
            assertTrue(response.statusCode() == 201 || response.statusCode() == 200, scheme + ": " + response.asString());
            firstVersions.put(scheme.toString(), response.path("version"));
            String status = response.path("status");
            if (scheme.body().hasNonNull("supersededBy")) {
                assertEquals("CLOSED", status, scheme + " is kept as history");
            } else {
                assertTrue(List.of("OPEN", "FORECASTED").contains(status), scheme + " is current but " + status);
            }
        }
        String feedEnd = changeFeedEnd();

        Map<String, Integer> secondVersions = new TreeMap<>();
        for (SeedFile file : allFiles()) {
            Response response = put(file);
            assertEquals(200, response.statusCode(), file + " again: " + response.asString());
            secondVersions.put(file.toString(), response.path("version"));
        }
        assertEquals(firstVersions, secondVersions);
        assertEquals(List.of(), given().urlEncodingEnabled(false).get(feedEnd).then().statusCode(200)
                .extract().jsonPath().getList("items"), "loading the seed again recorded changes");
        assertFalse(firstVersions.isEmpty());
    }

    private static Response put(SeedFile file) {
        return given().contentType("application/json").body(file.body().toString()).put(file.path());
    }

    /** The change feed's current end: the next link after every change made so far. */
    private static String changeFeedEnd() {
        String next = "/v1/changes?limit=100";
        while (true) {
            JsonPath page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            next = page.getString("next");
            assertNotNull(next);
            if (page.getList("items").isEmpty()) {
                return next;
            }
        }
    }

    private static List<SeedFile> allFiles() {
        List<SeedFile> all = new ArrayList<>(agencies());
        all.addAll(schemes());
        return all;
    }

    private static List<SeedFile> agencies() {
        return jsonFiles(SEED.resolve("agencies")).stream().map(f -> new SeedFile(baseName(f), null, read(f))).toList();
    }

    private static List<SeedFile> schemes() {
        Map<String, SeedFile> byPath = new LinkedHashMap<>();
        try (Stream<Path> folders = Files.list(SEED.resolve("schemes"))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                for (Path file : jsonFiles(folder)) {
                    SeedFile scheme = new SeedFile(folder.getFileName().toString(), baseName(file), read(file));
                    byPath.put(scheme.toString(), scheme);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(byPath.isEmpty(), "no schemes under " + SEED);
        return List.copyOf(byPath.values());
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Fixtures.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not JSON", e);
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    /** deploy/seed of this checkout: the tests run in the module's folder, one below the project root. */
    private static Path seedDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path seed = dir.resolve("deploy/seed");
            if (Files.isDirectory(seed.resolve("schemes"))) {
                return seed;
            }
        }
        throw new IllegalStateException("deploy/seed not found above " + Path.of("").toAbsolutePath());
    }
}
