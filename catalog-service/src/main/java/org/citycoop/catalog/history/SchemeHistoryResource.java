package org.citycoop.catalog.history;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.platform.security.Roles;
import org.citycoop.platform.web.PathIds;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.catalog.scheme.SchemeService;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The versions of a scheme: what changed, when, and how. */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/schemes/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schemes")
public class SchemeHistoryResource {

    @Inject
    SchemeHistoryRepository history;

    @Inject
    SchemeService schemes;

    @GET
    @Operation(summary = "History of a scheme",
            description = "Every version the catalogue stored (created, updated, withdrawn), newest first, a page at a time; "
                    + "each with the leaf fields that differ from the version before (paths with dots and [index], in order of "
                    + "field name and index; "
                    + "before null for an added field, after null for a removed one; version, createdAt and updatedAt "
                    + "are not compared, status is the status at the time of each change). The first recorded version "
                    + "lists no differences. Who made a change is not recorded: the services do not authenticate "
                    + "callers yet. Schemes stored before history was kept have history from their next change on.")
    @APIResponse(responseCode = "200", description = "A page of versions, newest first",
            content = @Content(schema = @Schema(implementation = HistoryPageSchema.class)))
    @APIResponse(responseCode = "400", description = "limit out of 1..100, or a cursor this list did not make")
    public Page<SchemeChange> list(
            @Parameter(description = "The scheme's UUID") @PathParam("id") String id,
            @Parameter(description = "Page size, 1 to 100 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from the previous page's next link") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        UUID uuid = PathIds.uuid(id, "No scheme " + id + " (scheme ids are UUIDs).");
        int size = QueryParams.limit(limit);
        schemes.get(uuid); // 404 problem when there is no such scheme
        SchemeHistoryRepository.HistoryPage page = history.page(uuid, cursor, size);
        return Page.of(page.items(), page.nextCursor() == null ? null : Cursor.nextLink(uri, page.nextCursor()));
    }

    /** The shape of a history page, for the OpenAPI document. */
    @Schema(name = "SchemeHistoryPage")
    record HistoryPageSchema(
            java.util.List<SchemeChange> items,
            @Schema(description = "Relative URL of the next page (opaque cursor); absent on the last page") String next) {
    }
}
