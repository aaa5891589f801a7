package org.citycoop.catalog.agency;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.platform.security.Roles;
import org.citycoop.platform.security.BoundTo;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.platform.web.EntityTags;
import org.citycoop.platform.web.QueryParams;
import org.citycoop.catalog.web.NotModified;
import org.citycoop.catalog.web.Upserted;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Agencies: created and changed by PUT with their own slug as id. */
@Path("/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "International agencies that offer support schemes to local governments")
public class AgencyResource {

    @Inject
    AgencyService service;


    @BoundTo(kind = "agency", pathParam = "agencyId")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_EDITOR})
    @PUT
    @Path("/{agencyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change an agency",
            description = "Idempotent: the same content again changes nothing (200, same version, no event). Changing an "
                    + "existing agency needs If-Match with its current ETag. Codes are checked against the IATI "
                    + "codelists served at GET /v1/vocabularies/{name}. Publishes "
                    + "org.citycoop.catalog.agency.created.v1 or .updated.v1 on catalog.agencies.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "ETag", description = "Quoted version"),
            content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "200", description = "Changed, or unchanged when the content was the same",
            headers = @Header(name = "ETag", description = "Quoted version"),
            content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "403", description = "Not the secretariat, nor the agency editor of this agency")
    @APIResponse(responseCode = "422", description = "A value is not allowed (unknown or withdrawn code, bad id, missing field)")
    @APIResponse(responseCode = "428", description = "The agency exists, the content differs, and If-Match is missing")
    public RestResponse<AgencyView> upsert(
            @Parameter(description = "Lower-case slug: letters, digits, single hyphens; at most 64 characters", example = "unep-ietc")
            @PathParam("agencyId")
            @Pattern(regexp = AgencyRules.ID_PATTERN, message = "must be a lower-case slug such as unep-ietc (letters, digits, single hyphens)")
            @Size(max = AgencyRules.ID_MAX_LENGTH)
            String agencyId,
            @Parameter(description = "The current ETag; required to change an existing agency")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") AgencyRequest body) {
        Upserted<AgencyView> result = service.upsert(agencyId, body, ifMatch);
        return RestResponse.ResponseBuilder.create(RestResponse.Status.fromStatusCode(result.status()), result.view())
                .header(HttpHeaders.ETAG, EntityTags.of(result.version()))
                .build();
    }

    @RolesAllowed(Roles.ANYONE)
    @GET
    @Path("/{agencyId}")
    @Operation(summary = "Read an agency", description = "If-None-Match with the current ETag answers 304 without a body.")
    @APIResponse(responseCode = "200", description = "The agency", headers = @Header(name = "ETag", description = "Quoted version"),
            content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    public RestResponse<AgencyView> get(@PathParam("agencyId") String agencyId,
                                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        AgencyView view = service.get(agencyId);
        String etag = EntityTags.of(view.version());
        if (NotModified.matches(ifNoneMatch, etag)) {
            return RestResponse.ResponseBuilder.<AgencyView>notModified().header(HttpHeaders.ETAG, etag).build();
        }
        return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, etag).build();
    }

    @RolesAllowed(Roles.ANYONE)
    @GET
    @Operation(summary = "List agencies", description = "In id order, a page at a time; follow `next` for the following page. "
            + "The page's ETag is weak, from its ids and versions; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "A page of agencies", headers = @Header(name = "ETag", description = "Weak tag of the page"))
    @APIResponse(responseCode = "304", description = "If-None-Match names the page's current ETag")
    @APIResponse(responseCode = "400", description = "limit out of 1..100, or a cursor this list did not make")
    public RestResponse<Page<AgencyView>> list(
            @Parameter(description = "Page size, 1 to 100 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from the previous page's next link") @QueryParam("cursor") String cursor,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri) {
        AgencyService.AgencyPage page = service.list(cursor, QueryParams.limit(limit));
        String etag = NotModified.weakTagOf(page.nextCursor() + "|" + page.items().stream()
                .map(agency -> agency.id() + ":" + agency.version()).collect(java.util.stream.Collectors.joining(",")));
        if (NotModified.matches(ifNoneMatch, etag)) {
            return RestResponse.ResponseBuilder.<Page<AgencyView>>notModified().header(HttpHeaders.ETAG, etag).build();
        }
        return RestResponse.ResponseBuilder.ok(Page.of(page.items(), page.nextCursor() == null ? null : Cursor.nextLink(uri, page.nextCursor())))
                .header(HttpHeaders.ETAG, etag).build();
    }
}
