package org.citycoop.catalog.scheme;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A scheme that needs the applicant to have a partner city in a given country (often the donor's).
 *
 * @param country ISO 3166-1 alpha-2 code of the partner city's country
 */
@Schema(description = "The applicant needs a partner city in this country")
public record PartnerCityRequirement(
        @NotNull
        @Schema(description = "ISO 3166-1 alpha-2 code (GET /v1/vocabularies/countries)", example = "JP")
        String country) {
}
