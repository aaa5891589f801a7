package org.citycoop.twinning.city;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A city with what the registry adds to GeoNames: names in other scripts, expertise offered and needs, the
 * version. {@code GET /v1/cities/{id}} returns it and the {@code twinning.cities} events carry it.
 */
@Schema(name = "CityDetail", description = "A city of the registry with its other names, expertise and needs")
public record CityDetail(
        @Schema(description = "GeoNames id, or CC followed by digits for a municipality the secretariat added", example = "1859307")
        String id,
        String name,
        String asciiName,
        @Schema(description = "ISO 3166-1 alpha-2", example = "JP")
        String country,
        @Schema(nullable = true)
        String admin1Code,
        @Schema(description = "Inhabitants")
        long population,
        @Schema(description = "WGS 84 decimal degrees")
        double latitude,
        @Schema(description = "WGS 84 decimal degrees")
        double longitude,
        @Schema(description = "Where the record comes from: geonames:cities_pop15k or secretariat")
        String source,
        List<AlternateName> alternateNames,
        @Schema(description = "Expertise the city can offer")
        List<Expertise> offers,
        @Schema(description = "Needs the city has")
        List<Expertise> needs,
        @Schema(description = "0 for a GeoNames city nobody changed; grows by one with each change of names, expertise or needs; "
                + "the ETag is this number in quotes")
        int version) {
}
