package org.citycoop.catalog.scheme;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.platform.web.EntityTags;
import org.citycoop.catalog.web.Upserted;
import org.citycoop.platform.security.BoundTo;
import org.citycoop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** Where agencies push their schemes, under their own references. */
@Path("/v1/agencies/{agencyId}/schemes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schemes")
public class AgencySchemeResource {

    @Inject
    SchemeService service;


    @RolesAllowed(Roles.ANYONE)
    @GET
    @Path("/{ref}")
    @Operation(summary = "Read a scheme by the agency's own reference",
            description = "The same representation as GET /v1/schemes/{id}, with the same Accept-Language and If-None-Match "
                    + "handling; its ETag is what an update sends in If-Match.")
    @APIResponse(responseCode = "200", description = "The scheme",
            headers = {@Header(name = "ETag", description = "Quoted version"),
                    @Header(name = "Content-Language", description = "Language of name and description")},
            content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "404", description = "The agency has no scheme under this reference")
    public RestResponse<SchemeView> get(
            @Parameter(description = "The agency's id", example = "unep-ietc") @PathParam("agencyId") String agencyId,
            @Parameter(description = "The agency's own reference", example = "AQ-2027-01") @PathParam("ref") String ref,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context HttpHeaders headers) {
        return SchemeResource.single(service.getByRef(agencyId, ref), ifNoneMatch, headers);
    }

    @BoundTo(kind = "agency", pathParam = "agencyId")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_EDITOR})
    @PUT
    @Path("/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change a scheme under the agency's own reference",
            description = "Idempotent upsert keyed by (agencyId, ref). The normalised content is compared with what is "
                    + "stored: the same content again gives 200 with the same version and publishes nothing; changed "
                    + "content on an existing scheme needs If-Match with its current ETag. Codes are checked against "
                    + "GET /v1/vocabularies/{name}. Publishes org.citycoop.catalog.scheme.created.v1 or .updated.v1 on "
                    + "catalog.schemes (key = scheme id, data = the response body). A withdrawn scheme pushed again "
                    + "is offered again (no longer withdrawn, next version, .updated.v1), even with the same content; "
                    + "that is a change, so it needs If-Match.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "ETag", description = "Quoted version"),
                    @Header(name = "Location", description = "/v1/schemes/{id}")},
            content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "200", description = "Changed, or unchanged when the content was the same",
            headers = @Header(name = "ETag", description = "Quoted version"),
            content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "403", description = "Not the secretariat, nor the agency editor of this agency")
    @APIResponse(responseCode = "422", description = "A value is not allowed: unknown or withdrawn code, missing field, "
            + "min above max, window inconsistent with its kind, bad ref")
    @APIResponse(responseCode = "428", description = "The scheme exists, the content differs, and If-Match is missing")
    public RestResponse<SchemeView> upsert(
            @Parameter(description = "The agency's id", example = "unep-ietc") @PathParam("agencyId") String agencyId,
            @Parameter(description = "The agency's own reference: 1 to 64 of A-Z a-z 0-9 . _ -", example = "AQ-2027-01")
            @PathParam("ref")
            @Pattern(regexp = SchemeRules.REF_PATTERN, message = "must be 1 to 64 letters, digits, dots, underscores or hyphens, with at least one letter or digit")
            String ref,
            @Parameter(description = "The current ETag; required to change an existing scheme")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") SchemeContent body) {
        Upserted<SchemeView> result = service.upsert(agencyId, ref, body, ifMatch);
        RestResponse.ResponseBuilder<SchemeView> response = RestResponse.ResponseBuilder
                .create(RestResponse.Status.fromStatusCode(result.status()), result.view())
                .header(HttpHeaders.ETAG, EntityTags.of(result.version()));
        if (result.outcome() == Upserted.Outcome.CREATED) {
            response.location(URI.create("/v1/schemes/" + result.view().id()));
        }
        return response.build();
    }

    @BoundTo(kind = "agency", pathParam = "agencyId")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_EDITOR})
    @DELETE
    @Path("/{ref}")
    @Operation(summary = "Withdraw a scheme",
            description = "Marks the scheme withdrawn: its status becomes WITHDRAWN, its version goes up, and it stays "
                    + "readable (and in GET /v1/schemes?status=WITHDRAWN) for history. Needs If-Match with the current "
                    + "ETag. Withdrawing a withdrawn scheme changes nothing (200, same version, no event); as for PUT, a "
                    + "stale If-Match is still 412. A later PUT of the same ref with If-Match offers the scheme again. "
                    + "Publishes org.citycoop.catalog.scheme.withdrawn.v1 on catalog.schemes (key = scheme id, data = "
                    + "the response body).")
    @APIResponse(responseCode = "200", description = "Withdrawn, or already withdrawn",
            headers = @Header(name = "ETag", description = "Quoted version"),
            content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "403", description = "Not the secretariat, nor the agency editor of this agency")
    @APIResponse(responseCode = "404", description = "No such agency, or the agency has no scheme under this reference")
    @APIResponse(responseCode = "428", description = "The scheme is not withdrawn yet and If-Match is missing")
    public RestResponse<SchemeView> withdraw(
            @Parameter(description = "The agency's id", example = "unep-ietc") @PathParam("agencyId") String agencyId,
            @Parameter(description = "The agency's own reference", example = "AQ-2027-01") @PathParam("ref") String ref,
            @Parameter(description = "The current ETag; required to withdraw")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Upserted<SchemeView> result = service.withdraw(agencyId, ref, ifMatch);
        return RestResponse.ResponseBuilder.ok(result.view()).header(HttpHeaders.ETAG, EntityTags.of(result.version())).build();
    }
}
