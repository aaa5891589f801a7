package org.citycoop.twinning.city;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One place of the GeoNames cities file ({@code data/geonames/cities_pop15k.csv}), checked: the rules a
 * row must meet to enter the registry. The property order is the column order of the staging table the
 * importer copies into.
 *
 * @param geonamesId GeoNames feature id, digits only
 * @param name the name with accents, as GeoNames gives it
 * @param asciiName the name with accents stripped
 * @param country ISO 3166-1 alpha-2 code
 * @param admin1Code GeoNames first-level administrative division code, or null
 * @param featureCode GeoNames feature code such as PPLA
 * @param population inhabitants, at least 0
 * @param latitude WGS 84 degrees, -90 to 90
 * @param longitude WGS 84 degrees, -180 to 180
 */
@JsonPropertyOrder({"geonamesId", "name", "asciiName", "country", "admin1Code", "featureCode", "population", "latitude", "longitude"})
public record CityRecord(String geonamesId, String name, String asciiName, String country, String admin1Code,
                         String featureCode, long population, double latitude, double longitude) {

    /** The file's header, in order. */
    public static final List<String> COLUMNS = List.of("geonames_id", "name", "ascii_name_derived", "country_iso2",
            "admin1_code", "feature_code", "population", "lat", "lon");

    private static final Pattern GEONAMES_ID = Pattern.compile("[0-9]{1,12}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ADMIN1 = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern FEATURE_CODE = Pattern.compile("[A-Z][A-Z0-9]{0,9}");

    /** A row that cannot enter the registry; the message says why. */
    public static final class InvalidRow extends Exception {
        InvalidRow(String reason) {
            super(reason);
        }
    }

    /** Checks one row of the file (the values of {@link #COLUMNS}, in order). */
    public static CityRecord parse(List<String> values) throws InvalidRow {
        if (values.size() != COLUMNS.size()) {
            throw new InvalidRow("expected " + COLUMNS.size() + " columns, found " + values.size());
        }
        String id = values.get(0).trim();
        if (!GEONAMES_ID.matcher(id).matches()) {
            throw new InvalidRow("geonames_id '" + id + "' is not a GeoNames id (digits)");
        }
        String name = required(values.get(1), "name");
        String asciiName = required(values.get(2), "ascii_name_derived");
        String country = values.get(3).trim();
        if (!COUNTRY.matcher(country).matches()) {
            throw new InvalidRow("country_iso2 '" + country + "' is not an ISO 3166-1 alpha-2 code");
        }
        String admin1 = values.get(4).trim();
        if (!admin1.isEmpty() && !ADMIN1.matcher(admin1).matches()) {
            throw new InvalidRow("admin1_code '" + admin1 + "' is not a GeoNames admin1 code");
        }
        String featureCode = values.get(5).trim();
        if (!FEATURE_CODE.matcher(featureCode).matches()) {
            throw new InvalidRow("feature_code '" + featureCode + "' is not a GeoNames feature code");
        }
        long population;
        try {
            population = Long.parseLong(values.get(6).trim());
        } catch (NumberFormatException e) {
            throw new InvalidRow("population '" + values.get(6) + "' is not a whole number");
        }
        if (population < 0) {
            throw new InvalidRow("population " + population + " is negative");
        }
        double latitude = degrees(values.get(7), "lat", 90);
        double longitude = degrees(values.get(8), "lon", 180);
        return new CityRecord(id, name, asciiName, country, admin1.isEmpty() ? null : admin1, featureCode,
                population, latitude, longitude);
    }

    private static String required(String value, String column) throws InvalidRow {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidRow(column + " is empty");
        }
        return trimmed;
    }

    private static double degrees(String value, String column, double limit) throws InvalidRow {
        double degrees;
        try {
            degrees = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRow(column + " '" + value + "' is not a number");
        }
        if (!(degrees >= -limit && degrees <= limit)) {
            throw new InvalidRow(column + " " + value + " is outside -" + (int) limit + " to " + (int) limit);
        }
        return degrees;
    }
}
