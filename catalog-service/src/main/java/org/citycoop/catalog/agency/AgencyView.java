package org.citycoop.catalog.agency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * An agency as the API returns it and as the data of the {@code org.citycoop.catalog.agency.*.v1} events
 * (see {@code src/main/resources/events/org.citycoop.catalog.agency.updated.v1.json}).
 */
@Schema(name = "Agency", description = "An agency that offers support schemes")
public record AgencyView(
        @Schema(description = "Lower-case slug", example = "unep-ietc") String id,
        @Schema(description = "Full name") String name,
        @Schema(description = "Acronym, or null", example = "UNEP-IETC") String acronym,
        @Schema(description = "IATI OrganisationType code", example = "40") String organisationType,
        @Schema(description = "ISO 3166-1 alpha-2 code of the home country", example = "JP") String country,
        @Schema(description = "IATI organisation identifier, or null", example = "XM-DAC-41116") String iatiOrgId,
        @Schema(description = "Website, or null") String website,
        @Schema(description = "Contact, or null") String contact,
        @Schema(description = "IATI Region codes of the regions served") List<String> regionsServed,
        @Schema(description = "Version, starting at 1; the ETag is this number quoted", example = "1") long version,
        @Schema(description = "When the catalogue first stored the agency (UTC)") OffsetDateTime createdAt,
        @Schema(description = "When the agency last changed (UTC)") OffsetDateTime updatedAt) {

    static AgencyView of(Agency a) {
        return new AgencyView(a.id, a.name, a.acronym, a.organisationType, a.country, a.iatiOrgId, a.website, a.contact,
                List.copyOf(a.regionsServed), a.version, a.createdAt.atOffset(ZoneOffset.UTC), a.updatedAt.atOffset(ZoneOffset.UTC));
    }
}
