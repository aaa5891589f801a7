package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.ActivityData;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What an agency's own IATI activities show about its work in a country and sectors: how many it published, how
 * many of them are in the country, and how many in the country and in one of the sectors, since which year, last
 * updated when.
 *
 * @param agency how the agency is named in explanations (its acronym, else its name, else its id)
 * @param country the ISO 3166-1 alpha-2 country asked about
 * @param sectors the DAC 5-digit sectors asked about (empty: any)
 * @param published the agency's activities in the read model
 * @param inCountry those with {@code country} among their recipient countries
 * @param matching those of {@code inCountry} with one of {@code sectors} (all of {@code inCountry} when no sector is asked)
 * @param matchedSectors the asked sectors those activities have, in code order
 * @param since the first year one of the counted activities started
 * @param lastUpdated the latest last-updated day among the counted activities
 */
public record TrackRecord(String agency, String country, List<String> sectors, int published, int inCountry, int matching,
                          List<String> matchedSectors, Integer since, LocalDate lastUpdated) {

    /** The track record of an agency from its activities. */
    public static TrackRecord of(String agency, Collection<ActivityData> activities, String country, List<String> sectors) {
        int inCountry = 0;
        int matching = 0;
        TreeSet<String> matched = new TreeSet<>();
        Integer since = null;
        LocalDate lastUpdated = null;
        Integer sinceInCountry = null;
        LocalDate lastUpdatedInCountry = null;
        for (ActivityData activity : activities) {
            if (!activity.inCountry(country)) {
                continue;
            }
            inCountry++;
            Optional<Integer> year = activity.startYear();
            Optional<LocalDate> updated = activity.lastUpdatedDay();
            sinceInCountry = min(sinceInCountry, year);
            lastUpdatedInCountry = max(lastUpdatedInCountry, updated);
            List<String> shared = sectors.isEmpty() ? List.of() : activity.dacSectors().stream().filter(sectors::contains).toList();
            if (sectors.isEmpty() || !shared.isEmpty()) {
                matching++;
                matched.addAll(shared);
                since = min(since, year);
                lastUpdated = max(lastUpdated, updated);
            }
        }
        boolean partial = matching == 0;
        return new TrackRecord(agency, country, List.copyOf(sectors), activities.size(), inCountry, matching, List.copyOf(matched),
                partial ? sinceInCountry : since, partial ? lastUpdatedInCountry : lastUpdated);
    }

    /** No activity of the agency is known. */
    public static TrackRecord unknown(String agency, String country, List<String> sectors) {
        return new TrackRecord(agency, country, List.copyOf(sectors), 0, 0, 0, List.of(), null, null);
    }

    /**
     * The rating of the {@code trackRecord} criterion: 1 with activities in the country and the sectors (or in the
     * country when no sector is asked); 0.5 with activities in the country in other sectors, and when the agency's
     * IATI activities are unknown (it publishes none, or not to the catalogue); 0 when it publishes activities and
     * none is in the country.
     */
    public double value() {
        if (published == 0) {
            return 0.5;
        }
        if (matching > 0) {
            return 1;
        }
        return inCountry > 0 ? 0.5 : 0;
    }

    /** The explanation: "ADB has 14 activities in Indonesia in sectors 14050 and 14022 since 2015 (IATI, last updated 2026-09-30)". */
    public String explanation() {
        if (published == 0) {
            return "no IATI activities of " + agency + " are known to the catalogue";
        }
        String place = countryName(country);
        if (matching > 0) {
            return agency + " has " + activities(matching) + " in " + place
                    + (matchedSectors.isEmpty() ? "" : " in " + (matchedSectors.size() == 1 ? "sector " : "sectors ") + and(matchedSectors))
                    + source();
        }
        if (inCountry > 0) {
            return agency + " has " + activities(inCountry) + " in " + place + source() + ", none in "
                    + (sectors.size() == 1 ? "sector " : "sectors ") + and(sectors);
        }
        return agency + " has " + activities(published) + " in IATI, none in " + place;
    }

    private String source() {
        return (since == null ? "" : " since " + since)
                + (lastUpdated == null ? " (IATI)" : " (IATI, last updated " + lastUpdated + ")");
    }

    private static String activities(int count) {
        return count + (count == 1 ? " activity" : " activities");
    }

    private static String and(List<String> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " and " + values.get(values.size() - 1);
    }

    /** The English name of an ISO 3166-1 country ("Indonesia"), or the code when the JDK has none. */
    static String countryName(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name == null || name.isEmpty() || name.equals(code) ? code : name;
    }

    private static Integer min(Integer held, Optional<Integer> value) {
        return value.isEmpty() ? held : held == null ? value.get() : Math.min(held, value.get());
    }

    private static LocalDate max(LocalDate held, Optional<LocalDate> value) {
        return value.isEmpty() ? held : held == null || value.get().isAfter(held) ? value.get() : held;
    }
}
