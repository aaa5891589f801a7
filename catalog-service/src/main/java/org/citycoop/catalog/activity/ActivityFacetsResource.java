package org.citycoop.catalog.activity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.platform.paging.Facets;
import org.citycoop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Facet counts of an activity list. */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/activities:facets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "IATI activities")
public class ActivityFacetsResource {

    @Inject
    ActivityQueryRepository queries;

    @Inject
    Vocabularies vocabularies;

    @GET
    @Operation(summary = "Count the IATI activities of a list per value of its filters",
            description = "Takes the filters of GET /v1/activities and answers how many activities match in all and, for "
                    + "each facet asked for, how many have each value (most frequent first) among the activities matching every "
                    + "filter but the facet's own (with country=PH, the country counts name the other countries). An activity with two recipient "
                    + "countries counts once for each; region and sector count OECD DAC regions and DAC 5-digit sectors "
                    + "(vocabulary 1), the codes the filters take. The codes' names are at GET /v1/vocabularies/{name}.")
    @APIResponse(responseCode = "200", description = "The counts", content = @Content(schema = @Schema(implementation = Facets.class)))
    @APIResponse(responseCode = "400", description = "An unknown facet or a bad filter value")
    public Facets facets(
            @BeanParam ActivityQuery query,
            @Parameter(description = "Comma-separated facets among agency, country, region, sector, status (default: all of them)",
                    example = "country,sector")
            @QueryParam("facets") String facets) {
        ActivityFilter filter = query.filter(vocabularies);
        return queries.facets(filter, Facets.parse(facets, ActivityFacet.NAMES, ActivityFacet.NAMES).stream()
                .map(ActivityFacet::byParameter).toList());
    }
}
