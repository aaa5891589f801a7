package org.citycoop.catalog.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What the secretariat says about an agency: the body of {@code PUT /v1/agencies/{agencyId}}.
 * {@link AgencyRules} checks the codes and gives the normalised form that is stored.
 */
@Schema(name = "AgencyContent", description = "An agency that offers support schemes. Code lists: GET /v1/vocabularies/{name}.")
public record AgencyRequest(
        @NotBlank @Size(max = 300)
        @Schema(description = "Full name", example = "UN Environment Programme, International Environmental Technology Centre")
        String name,
        @Size(max = 50)
        @Schema(description = "Acronym, or null", example = "UNEP-IETC")
        String acronym,
        @NotBlank
        @Schema(description = "IATI OrganisationType code (GET /v1/vocabularies/organisation-types)", example = "40")
        String organisationType,
        @NotBlank
        @Schema(description = "ISO 3166-1 alpha-2 code of the home country (GET /v1/vocabularies/countries)", example = "JP")
        String country,
        @Size(max = 100)
        @Schema(description = "IATI organisation identifier (registration agency prefix, hyphen, id), or null",
                example = "XM-DAC-41116")
        String iatiOrgId,
        @Size(max = 2000)
        @Schema(description = "http or https URL of the agency's website, or null", example = "https://www.unep.org/ietc")
        String website,
        @Size(max = 300)
        @Schema(description = "How to reach the agency about its schemes (an e-mail address, a URL or a name), or null")
        String contact,
        @Size(max = 50)
        @Schema(description = "IATI Region codes of the regions the agency serves (GET /v1/vocabularies/regions)",
                example = "[\"798\"]")
        List<String> regionsServed) {
}
