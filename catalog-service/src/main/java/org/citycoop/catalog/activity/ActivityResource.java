package org.citycoop.catalog.activity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.security.Roles;
import org.citycoop.platform.web.PathIds;
import org.citycoop.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** The agencies' IATI activities, read. */
@Path("/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "IATI activities", description = "What the agencies fund, from their own IATI files")
public class ActivityResource {

    @Inject
    ActivityQueryRepository queries;

    @Inject
    Vocabularies vocabularies;

    @RolesAllowed(Roles.ANYONE)
    @GET
    @Operation(summary = "List IATI activities", description = "In iati-identifier order, a page at a time; follow `next`. "
            + "Filters combine with AND.")
    @APIResponse(responseCode = "200", description = "A page of activities")
    @APIResponse(responseCode = "400", description = "A filter value that is not a known code, id or date; limit out of 1..100; a cursor this list did not make")
    public Page<ActivityView> list(
            @BeanParam ActivityQuery query,
            @Parameter(description = "Page size, 1 to 100 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from the previous page's next link") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        ActivityQueryRepository.ActivityPage page = queries.list(query.filter(vocabularies), cursor, QueryParams.limit(limit));
        return Page.of(page.items(), page.nextCursor() == null ? null : Cursor.nextLink(uri, page.nextCursor()));
    }

    @RolesAllowed(Roles.ANYONE)
    @GET
    @Path("/{id}")
    @Operation(summary = "Read an IATI activity")
    @APIResponse(responseCode = "200", description = "The activity", content = @Content(schema = @Schema(implementation = ActivityView.class)))
    public ActivityView get(@Parameter(description = "The activity's UUID") @PathParam("id") String id) {
        return queries.get(PathIds.uuid(id, "No activity " + id + " (activity ids are UUIDs)."));
    }
}
