package org.citycoop.twinning.sistercity;

import org.citycoop.twinning.city.Geo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an end of a sister-city pair (a name, a country, maybe coordinates and a GeoNames id) to a city of
 * the registry, or says why it cannot; it never guesses:
 * <ol>
 *   <li>a GeoNames id the registry holds resolves the end when the registry puts that city in the source's
 *       country (otherwise the end is unresolved: the id belongs to a city elsewhere);</li>
 *   <li>otherwise the registry cities of that country whose name or ASCII name is the end's name (ignoring case
 *       and accents): one alone resolves the end, unless the source's trusted coordinates lie more than
 *       {@value #MAX_KM} km from it; among several, the only one within {@value #MAX_KM} km of trusted
 *       coordinates resolves it;</li>
 *   <li>anything else is unresolved, with the reason.</li>
 * </ol>
 * Coordinates are trusted unless the source flags them (they fall in another country, or were not checked).
 */
public final class SisterCityResolver {

    /** How far the source's coordinates may lie from the registry's city. */
    public static final int MAX_KM = 40;

    /**
     * A city of the registry as the resolver needs it.
     *
     * @param id registry id
     * @param name name
     * @param asciiName name without accents
     * @param country ISO 3166-1 alpha-2
     * @param latitude WGS 84
     * @param longitude WGS 84
     */
    public record RegistryCity(String id, String name, String asciiName, String country, double latitude, double longitude) {
    }

    /**
     * One end of a pair as a source gives it.
     *
     * @param name the city's name
     * @param country ISO 3166-1 alpha-2, or null when the source's country could not be mapped
     * @param latitude WGS 84, or null
     * @param longitude WGS 84, or null
     * @param coordinatesTrusted false when the source flags the coordinates
     * @param geonamesId a GeoNames id the source joined, or null
     */
    public record End(String name, String country, Double latitude, Double longitude, boolean coordinatesTrusted, String geonamesId) {
    }

    /** How an end was resolved. */
    public enum Method { GEONAMES_ID, NAME_AND_COUNTRY, NAME_COUNTRY_AND_COORDINATES }

    /**
     * The answer for one end: a city and how, or the reason there is none.
     *
     * @param city the registry city, or null
     * @param method how it was found, or null
     * @param problem why none was found, or null
     */
    public record Resolution(RegistryCity city, Method method, String problem) {
        public boolean resolved() {
            return city != null;
        }
    }

    private final Map<String, RegistryCity> byId = new HashMap<>();
    private final Map<String, List<RegistryCity>> byNameAndCountry = new HashMap<>();

    public SisterCityResolver(Collection<RegistryCity> registry) {
        for (RegistryCity city : registry) {
            byId.put(city.id(), city);
            byNameAndCountry.computeIfAbsent(key(city.name(), city.country()), k -> new ArrayList<>()).add(city);
            if (!fold(city.asciiName()).equals(fold(city.name()))) {
                byNameAndCountry.computeIfAbsent(key(city.asciiName(), city.country()), k -> new ArrayList<>()).add(city);
            }
        }
    }

    public Resolution resolve(End end) {
        if (end.country() == null || end.country().isBlank()) {
            return problem("the source's country could not be mapped to an ISO 3166-1 code");
        }
        if (end.geonamesId() != null && !end.geonamesId().isBlank()) {
            RegistryCity city = byId.get(end.geonamesId().trim());
            if (city != null) {
                return city.country().equals(end.country()) ? new Resolution(city, Method.GEONAMES_ID, null)
                        : problem("GeoNames id " + city.id() + " is " + city.name() + " in " + city.country()
                        + ", but the source puts " + end.name() + " in " + end.country());
            }
        }
        List<RegistryCity> named = byNameAndCountry.getOrDefault(key(end.name(), end.country()), List.of());
        boolean coordinates = end.coordinatesTrusted() && end.latitude() != null && end.longitude() != null;
        if (named.isEmpty()) {
            return problem("no registry city named " + end.name() + " in " + end.country());
        }
        if (named.size() == 1) {
            RegistryCity city = named.get(0);
            if (coordinates) {
                double km = Geo.distanceKm(end.latitude(), end.longitude(), city.latitude(), city.longitude());
                if (km > MAX_KM) {
                    return problem("the only registry city named " + end.name() + " in " + end.country() + " (" + city.id()
                            + ") lies " + Math.round(km) + " km from the source's coordinates");
                }
            }
            return new Resolution(city, Method.NAME_AND_COUNTRY, null);
        }
        if (!coordinates) {
            return problem(named.size() + " registry cities are named " + end.name() + " in " + end.country()
                    + " and the source gives no trusted coordinates to choose");
        }
        List<RegistryCity> near = named.stream()
                .filter(c -> Geo.distanceKm(end.latitude(), end.longitude(), c.latitude(), c.longitude()) <= MAX_KM).toList();
        return near.size() == 1 ? new Resolution(near.get(0), Method.NAME_COUNTRY_AND_COORDINATES, null)
                : problem(named.size() + " registry cities are named " + end.name() + " in " + end.country() + ", "
                + near.size() + " of them within " + MAX_KM + " km of the source's coordinates");
    }

    /** Looks a registry city up by id. */
    public Optional<RegistryCity> city(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static Resolution problem(String reason) {
        return new Resolution(null, null, reason);
    }

    private static String key(String name, String country) {
        return fold(name) + "|" + country;
    }

    /** Lower case, accents removed, spaces collapsed. */
    static String fold(String name) {
        String stripped = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('Đ', 'D').replace('đ', 'd');
        return stripped.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** ISO 3166-1 alpha-2 code of an English country name ("Bulgaria" -> BG), as the JDK's locale data names them. */
    public static Optional<String> countryCode(String englishName) {
        if (englishName == null) {
            return Optional.empty();
        }
        String wanted = fold(englishName);
        for (String code : Locale.getISOCountries()) {
            if (fold(new Locale("", code).getDisplayCountry(Locale.ENGLISH)).equals(wanted)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
