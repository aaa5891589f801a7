package org.citycoop.twinning.city;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A city of the registry as the API shows it. */
@Schema(name = "City", description = "A place of the city registry (GeoNames, geonames.org, CC BY 4.0)")
public record CityView(
        @Schema(description = "GeoNames id", example = "1859307")
        String id,
        @Schema(description = "Name as GeoNames gives it, with accents", example = "Kitakyushu")
        String name,
        @Schema(description = "Name with accents stripped", example = "Kitakyushu")
        String asciiName,
        @Schema(description = "ISO 3166-1 alpha-2 country code", example = "JP")
        String country,
        @Schema(description = "GeoNames first-level administrative division code (within the country), when known", example = "07")
        String admin1Code,
        @Schema(description = "Inhabitants (GeoNames, data of about 2018-19)", example = "997536")
        long population,
        @Schema(description = "Latitude, WGS 84 decimal degrees", example = "33.85181")
        double latitude,
        @Schema(description = "Longitude, WGS 84 decimal degrees", example = "130.85034")
        double longitude) {

    public static CityView of(City city) {
        return new CityView(city.id(), city.name(), city.asciiName(), city.country(), city.admin1Code(),
                city.population(), city.latitude(), city.longitude());
    }
}
