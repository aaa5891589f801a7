package org.citycoop.catalog.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which countries belong to which IATI Region (OECD DAC recipient region), from
 * {@code vocabularies/regions/RegionCountries.csv} (source and coverage in that folder's README.md).
 * A plain immutable class; {@link VocabularyProducer} makes the application's instance.
 */
public final class RegionMembers {

    static final String RESOURCE = "vocabularies/regions/RegionCountries.csv";

    private final Map<String, Set<String>> countriesByRegion;
    private final Map<String, Set<String>> regionsByCountry;

    RegionMembers(Map<String, Set<String>> countriesByRegion) {
        this.countriesByRegion = countriesByRegion;
        Map<String, Set<String>> byCountry = new TreeMap<>();
        countriesByRegion.forEach((region, countries) ->
                countries.forEach(country -> byCountry.computeIfAbsent(country, c -> new TreeSet<>()).add(region)));
        this.regionsByCountry = byCountry;
    }

    /**
     * Loads the mapping; fails when a region or country is not in the shipped codelists, so that a typo
     * stops the service from starting.
     */
    public static RegionMembers load(Vocabularies vocabularies) {
        Map<String, Set<String>> byRegion = new TreeMap<>();
        try (InputStream csv = RegionMembers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (csv == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (cells.length != 2 || vocabularies.list(Vocabulary.REGIONS).find(cells[0]).isEmpty()
                        || vocabularies.list(Vocabulary.COUNTRIES).find(cells[1]).isEmpty()) {
                    throw new IllegalStateException(RESOURCE + ": not a known region,country pair: " + line);
                }
                byRegion.computeIfAbsent(cells[0], r -> new TreeSet<>()).add(cells[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RegionMembers(byRegion);
    }

    /** The regions the country belongs to, in code order; empty when none is expanded. */
    public List<String> regionsOf(String country) {
        return List.copyOf(regionsByCountry.getOrDefault(country, Set.of()));
    }

    /** The member countries of a region, in code order; empty when the region is not expanded. */
    public List<String> countriesOf(String region) {
        return List.copyOf(countriesByRegion.getOrDefault(region, Set.of()));
    }
}
