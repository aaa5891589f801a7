package org.citycoop.catalog.batch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.citycoop.platform.security.BoundTo;
import org.citycoop.platform.security.Roles;

import java.io.IOException;
import java.io.InputStream;

/** Where an agency pushes many schemes at once. */
@Path("/v1/agencies/{agencyId}/schemes:batch")
@Tag(name = "Schemes")
public class SchemeBatchResource {

    public static final String NDJSON = "application/x-ndjson";

    @Inject
    SchemeBatch batch;


    @BoundTo(kind = "agency", pathParam = "agencyId")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_EDITOR})
    @POST
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change up to 1,000 schemes of an agency",
            description = "The body is a JSON array (application/json) or NDJSON (application/x-ndjson, one item per "
                    + "line) of items: each is a scheme body as PUT /v1/agencies/{agencyId}/schemes/{ref} takes it, plus "
                    + "`ref` (required) and `ifMatch` (optional: the ETag the client holds, as PUT's If-Match header, "
                    + "for example \"\\\"3\\\"\"). Each item is applied as that PUT would apply it, in order "
                    + "(committed in groups of 100; a rejected item writes nothing): created, updated, unchanged (same content again: same version, no "
                    + "event), or rejected with the RFC 9457 problem PUT would have answered (400, 412, 422, 428: "
                    + "changing an existing scheme without ifMatch is rejected as PUT without If-Match is). A "
                    + "rejected item changes nothing and does not stop the others. Each changed item publishes its "
                    + "org.citycoop.catalog.scheme.created.v1 or .updated.v1 event. Two items with the same ref are "
                    + "applied one after the other (the second then needs the first's version in ifMatch).")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, example = "[{\"ref\": \"AQ-2027-01\", \"name\": \"...\", \"supportTypes\": [\"TECHNICAL\"], \"challengeAreas\": [\"AIR_QUALITY\"]}]"),
            @Content(mediaType = NDJSON)})
    @APIResponse(responseCode = "200", description = "Every item was applied or rejected; see each item's outcome",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", description = "The body is not a JSON array, or is malformed JSON (nothing applied)")
    @APIResponse(responseCode = "403", description = "The API client may not change this agency's schemes (field agencyId; nothing applied)")
    @APIResponse(responseCode = "404", description = "No such agency (nothing applied)")
    @APIResponse(responseCode = "413", description = "More than 1,000 items (nothing applied), or a body above the size limit")
    public BatchResult apply(
            @Parameter(description = "The agency's id", example = "unep-ietc") @PathParam("agencyId") String agencyId,
            @Context HttpHeaders headers, @Context UriInfo uri, InputStream body) throws IOException {
        boolean ndjson = headers.getMediaType() != null && headers.getMediaType().isCompatible(MediaType.valueOf(NDJSON));
        var items = ndjson ? batch.readNdjson(body) : batch.readJsonArray(body);
        return batch.apply(agencyId, items, uri.getPath());
    }
}
