package org.citycoop.catalog.scheme;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.catalog.vocabulary.RegionMembers;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.platform.security.Roles;
import org.citycoop.platform.paging.Facets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

/** Facet counts of a scheme search. */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/schemes:facets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schemes")
public class SchemeFacetsResource {

    static final List<SchemeFacet> DEFAULT = List.of(SchemeFacet.CHALLENGE, SchemeFacet.SUPPORT_TYPE, SchemeFacet.APPLICANT_TYPE,
            SchemeFacet.COUNTRY, SchemeFacet.STATUS);

    @Inject
    SchemeService service;

    @Inject
    Vocabularies vocabularies;

    @Inject
    RegionMembers regions;

    @GET
    @Operation(summary = "Count the schemes of a search per value of the main fields",
            description = "Takes the filters of GET /v1/schemes and answers how many schemes match in all and, for each "
                    + "facet asked for, how many have each value (most frequent first) among the schemes matching every "
                    + "filter but the facet's own: with challenge=WATER, the challenge counts say how many schemes each "
                    + "area has under the other filters. The country facet counts the countries schemes name in eligibleCountries.")
    @APIResponse(responseCode = "200", description = "The counts", content = @Content(schema = @Schema(implementation = Facets.class)))
    @APIResponse(responseCode = "400", description = "An unknown facet or a bad filter value")
    public Facets facets(
            @BeanParam SchemeQuery query,
            @Parameter(description = "Comma-separated facets among challenge, supportType, sector, financeType, aidType, "
                    + "applicantType, country, region, agency, status (default: challenge,supportType,applicantType,country,status)",
                    example = "challenge,supportType,country")
            @QueryParam("facets") String facets) {
        return service.facets(query.filter(vocabularies, regions), parse(facets));
    }

    private static List<SchemeFacet> parse(String facets) {
        return Facets.parse(facets, Arrays.stream(SchemeFacet.values()).map(SchemeFacet::parameter).toList(),
                DEFAULT.stream().map(SchemeFacet::parameter).toList()).stream().map(SchemeFacet::byParameter).toList();
    }
}
