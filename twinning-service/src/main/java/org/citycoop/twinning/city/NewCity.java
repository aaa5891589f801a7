package org.citycoop.twinning.city;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /v1/cities}: a municipality the secretariat adds to the registry. */
@Schema(name = "NewCity", description = "A municipality to add to the registry (usually one below GeoNames' 15,000 inhabitants)")
public record NewCity(
        @Schema(example = "Tagbilaran", maxLength = 200)
        @NotBlank @Size(max = 200)
        String name,
        @Schema(description = "ISO 3166-1 alpha-2, upper case", example = "PH")
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in upper case, such as PH")
        String country,
        @Schema(description = "GeoNames first-level administrative division code", nullable = true)
        @Pattern(regexp = "[A-Za-z0-9]{1,20}", message = "must be a GeoNames admin1 code (letters and digits)")
        String admin1Code,
        @Schema(description = "Inhabitants")
        @NotNull @PositiveOrZero
        Long population,
        @Schema(description = "WGS 84 decimal degrees, -90 to 90")
        @NotNull @DecimalMin("-90") @DecimalMax("90")
        Double latitude,
        @Schema(description = "WGS 84 decimal degrees, -180 to 180")
        @NotNull @DecimalMin("-180") @DecimalMax("180")
        Double longitude,
        @Schema(description = "Names in other languages and scripts; may be empty")
        @Size(max = 50)
        List<@NotNull @Valid AlternateName> alternateNames) {

    public List<AlternateName> alternateNamesOrEmpty() {
        return alternateNames == null ? List.of() : alternateNames;
    }
}
