package org.citycoop.catalog.changes;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.platform.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Every catalogue change, in order, for clients that keep a copy of the catalogue. */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes")
public class ChangeFeedResource {

    @Inject
    ChangeFeedRepository feed;

    @GET
    @Operation(summary = "Feed of catalogue changes",
            description = "Every change to the catalogue (agency CREATED or UPDATED; scheme CREATED, UPDATED or WITHDRAWN), "
                    + "oldest first, in seq order. seq order is commit order: seq values are assigned under a lock held "
                    + "until the change's transaction commits, so a change never appears behind one already read. "
                    + "A re-sent body that changes nothing adds no entry. Each entry names the resource and its version "
                    + "after the change; fetch href for its state. next is always present, also on the last page: store "
                    + "it and poll it later to get only the changes made since (an empty page keeps the same next). "
                    + "Changes made before the feed existed are not listed.")
    @APIResponse(responseCode = "200", description = "The changes after the cursor, oldest first",
            content = @Content(schema = @Schema(implementation = ChangePageSchema.class)))
    @APIResponse(responseCode = "400", description = "limit out of 1..100, or an after cursor this feed did not make")
    public Page<Change> list(
            @Parameter(description = "Opaque cursor from a previous page's next link; absent for the start of the feed")
            @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 100 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit) {
        int size = QueryParams.limit(limit);
        ChangeFeedRepository.ChangePage page = feed.page(after, size);
        return Page.of(page.items(), "/v1/changes?after=" + page.nextCursor() + "&limit=" + size);
    }

    /** The shape of a feed page, for the OpenAPI document. */
    @Schema(name = "CatalogChangePage")
    record ChangePageSchema(
            List<Change> items,
            @Schema(description = "Relative URL of the changes after this page (opaque cursor); always present: "
                    + "store it and poll it for newer changes") String next) {
    }
}
