package org.citycoop.matching.needs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.matching.alerts.Alert;
import org.citycoop.matching.alerts.AlertRepository;
import org.citycoop.matching.match.MatchList;
import org.citycoop.matching.match.MatchResource;
import org.citycoop.matching.match.MatchService;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Keyset;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.idempotency.IdempotencyKeys;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.security.Roles;
import org.citycoop.platform.web.PathIds;
import org.citycoop.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Saved needs profiles: their current matches and the alerts raised when those change. */
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_PORTAL, Roles.CITY_EDITOR})
@Path("/v1/needs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Needs", description = "Saved needs profiles, their matches and alerts")
public class NeedResource {

    @Inject
    NeedService service;

    @Inject
    MatchService matches;

    @Inject
    NeedAccess access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a needs profile",
            description = "Takes the body of POST /v1/matches plus a `name`, with the same rules. Records who saved it "
                    + "(the authenticated principal, `anonymous` without authentication) and what it matches now: from "
                    + "then on, every catalogue or twinning event that can affect it re-evaluates it and raises alerts "
                    + "(GET /v1/needs/{id}/alerts, topic matching.alerts, webhooks). With an `Idempotency-Key`, "
                    + "repeating the request returns the profile created the first time (201, `Idempotent-Replayed: true`).")
    @APIResponse(responseCode = "201", description = "Saved; `Location` and `ETag` headers",
            headers = {@Header(name = "Location", description = "URL of the saved profile"),
                    @Header(name = "ETag", description = "The version, quoted"),
                    @Header(name = "Idempotent-Replayed", description = "true when an earlier request with this key created it")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Need.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field or enum value, a bad Idempotency-Key")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used with a different body")
    @APIResponse(responseCode = "422", description = "A field's value is not allowed, as for POST /v1/matches (unknown country or "
            + "currency, an area or a sector listed twice, a sector not active in the IATI Sector codelist, a city editor without "
            + "`cityId`); `errors` names each field")
    public Response create(@Valid @NotNull NewNeed body,
                           @Parameter(description = "Client-chosen key (printable ASCII, up to 255 characters) that makes retries safe")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Context UriInfo uri) {
        String key = IdempotencyKeys.check(idempotencyKey);
        access.requireMayCreateFor(body.profile().cityId());
        NeedService.Created created = service.create(body, key, access.owner());
        Need need = created.need();
        return Response.created(uri.getBaseUriBuilder().path("v1/needs").path(need.id().toString()).build())
                .tag(etag(need))
                .header("Idempotent-Replayed", created.replayed())
                .entity(need)
                .build();
    }

    @GET
    @Operation(summary = "List saved needs profiles", description = "The caller's own profiles and those of the cities it is "
            + "bound to (the secretariat admin sees all), oldest first (then by id); follow `next` until it is absent.")
    @APIResponse(responseCode = "200", description = "A page of profiles (`items`, `next`)")
    @APIResponse(responseCode = "400", description = "Unreadable `cursor` or malformed `limit`")
    public Page<Need> list(
            @Parameter(description = "Only profiles of this city (GeoNames id)", example = "1625822") @QueryParam("city") String city,
            @Parameter(description = "Page size, 1-100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from a previous page's `next`") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        int size = QueryParams.limit(limit);
        List<Need> found = service.page(city == null || city.isBlank() ? null : city, access.visibility(),
                position(Cursor.decode(cursor, 2)), Keyset.fetch(size));
        return Keyset.of(found, size, last -> List.of(last.createdAt().toInstant().toString(), last.id().toString())).page(uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One saved needs profile")
    @APIResponse(responseCode = "200", description = "The profile; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Need.class)))
    @APIResponse(responseCode = "404", description = "Unknown or malformed id, or a profile the caller may not see (saved by another API client and not of a city it is bound to)")
    public Response get(@Parameter(description = "Profile id (UUID)") @PathParam("id") String id) {
        Need need = access.require(id);
        return Response.ok(need).tag(etag(need)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a saved needs profile",
            description = "Replaces the name and profile (same body as POST). Needs `If-Match` with the current ETag; the "
                    + "version grows by one and the profile's current matches become the new baseline of its alerts.")
    @APIResponse(responseCode = "200", description = "The changed profile; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Need.class)))
    @APIResponse(responseCode = "404", description = "Unknown or malformed id, or a profile the caller may not see (saved by another API client and not of a city it is bound to)")
    @APIResponse(responseCode = "422", description = "A field's value is not allowed, as for POST /v1/needs; sending the stored "
            + "content again is not checked (it changes nothing, even if a code it names has been withdrawn since)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@Parameter(description = "Profile id (UUID)") @PathParam("id") String id,
                           @Parameter(description = "The current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull NewNeed body) {
        Need need = service.update(needId(id), body, ifMatch);
        return Response.ok(need).tag(etag(need)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a saved needs profile", description = "Also deletes its alerts, plans and the subscriptions to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown or malformed id, or a profile the caller may not see (saved by another API client and not of a city it is bound to)")
    public Response delete(@Parameter(description = "Profile id (UUID)") @PathParam("id") String id) {
        service.delete(access.require(id).id());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/matches")
    @Operation(summary = "The current matches of a saved needs profile", description = MatchResource.RULES)
    @APIResponse(responseCode = "200", description = "Matches, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MatchList.class)))
    @APIResponse(responseCode = "404", description = "Unknown or malformed id, or a profile the caller may not see (saved by another API client and not of a city it is bound to)")
    public MatchList matches(@Parameter(description = "Profile id (UUID)") @PathParam("id") String id,
                             @Parameter(description = "Also list schemes that fail a hard criterion other than relevance",
                                     schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                             @QueryParam("includeIneligible") String includeIneligible,
                             @Parameter(description = "Most matches to return",
                                     schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
                             @QueryParam("limit") String limit) {
        boolean ineligible = QueryParams.flag("includeIneligible", includeIneligible, false);
        int size = QueryParams.limit(limit);
        Need need = access.require(id);
        List<String> languages = need.profile().languages();
        return MatchList.of(matches.match(need.profile(), ineligible, size), languages);
    }

    @GET
    @Path("{id}/alerts")
    @Operation(summary = "The alerts of a saved needs profile",
            description = "Oldest first. An alert is raised when a catalogue or twinning event makes a scheme newly match "
                    + "the profile (NEW_MATCH), stop matching it (NO_LONGER_MATCHING, with the failing hard criteria), or "
                    + "change its status, deadline or funding range while it matches (CHANGED); `changes` gives each "
                    + "field's value before and after. Each alert is also published on topic matching.alerts as "
                    + "org.citycoop.matching.alert.raised.v1 and sent to the webhooks subscribed to the profile.")
    @APIResponse(responseCode = "200", description = "A page of alerts (`items`, `next`)")
    @APIResponse(responseCode = "404", description = "Unknown or malformed id, or a profile the caller may not see (saved by another API client and not of a city it is bound to)")
    public Page<Alert> alerts(@Parameter(description = "Profile id (UUID)") @PathParam("id") String id,
                              @Parameter(description = "Page size, 1-100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
                              @QueryParam("limit") String limit,
                              @Parameter(description = "Opaque cursor from a previous page's `next`") @QueryParam("cursor") String cursor,
                              @Context UriInfo uri) {
        int size = QueryParams.limit(limit);
        List<AlertRepository.Stored> found = service.alerts(access.require(id).id(), sequence(Cursor.decode(cursor, 1)), Keyset.fetch(size));
        return Keyset.of(found, size, last -> List.of(Long.toString(last.seq()))).page(uri, AlertRepository.Stored::alert);
    }

    static UUID needId(String id) {
        return PathIds.uuid(id, NeedService.notFound(id).getMessage());
    }

    private static EntityTag etag(Need need) {
        return new EntityTag(Long.toString(need.version()));
    }

    /** The position in a list ordered by a sequence number, from a one-part cursor (0 without one). */
    public static long sequence(List<String> sortKey) {
        if (sortKey == null) {
            return 0;
        }
        try {
            return Long.parseLong(sortKey.get(0));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor", "not a cursor returned by this list; start again without it");
        }
    }

    private static NeedRepository.Position position(List<String> sortKey) {
        if (sortKey == null) {
            return null;
        }
        try {
            return new NeedRepository.Position(Cursor.instant(sortKey.get(0)), UUID.fromString(sortKey.get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "not a cursor returned by this list; start again without it");
        }
    }
}
