package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.TwinningStatus;
import org.citycoop.platform.web.PathIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Keyset;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.idempotency.IdempotencyKeys;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.security.Roles;
import org.citycoop.platform.web.QueryParams;
import org.citycoop.twinning.outcome.ArrangementOutcomes;
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

/** Twinning arrangements between cities of the registry, and their lifecycle. */
@Path("/v1/twinnings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Twinnings", description = "City-to-city twinning arrangements and their lifecycle")
public class TwinningResource {

    /** A city id of the registry: a GeoNames id, or CC and digits for a municipality the secretariat added. */
    private static final java.util.regex.Pattern CITY_ID = java.util.regex.Pattern.compile("[0-9]{1,12}|CC[0-9]{1,18}");


    @Inject
    TwinningService service;

    @Inject
    TwinningAccess access;

    @RolesAllowed({Roles.ADMIN, Roles.CITY_EDITOR})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose a twinning arrangement",
            description = "Creates an arrangement in status PROPOSED (version 1) and publishes "
                    + "org.citycoop.twinning.arrangement.created.v1 on topic twinning.arrangements. Cities must be "
                    + "2-10 distinct GeoNames ids of the registry; sectors are active DAC 5-digit purpose codes of the "
                    + "IATI Sector codelist; themes are challenge areas. With an `Idempotency-Key`, repeating the request "
                    + "returns the arrangement created the first time (201, `Idempotent-Replayed: true`, no new event).")
    @APIResponse(responseCode = "201", description = "Created; `Location` and `ETag` headers; the body has `history`",
            headers = {@Header(name = "Location", description = "URL of the arrangement"),
                    @Header(name = "ETag", description = "The version, quoted"),
                    @Header(name = "Idempotent-Replayed", description = "true when an earlier request with this key created it")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field or enum value, a bad Idempotency-Key")
    @APIResponse(responseCode = "403", description = "Not the secretariat, nor a city editor of one of the cities")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used with a different body")
    public Response create(
            @Valid @NotNull NewTwinning body,
            @Parameter(description = "Client-chosen key (printable ASCII, up to 255 characters) that makes retries safe")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri) {
        if (body.cities() != null) {
            access.requireMayPropose(body.cities().stream().filter(java.util.Objects::nonNull)
                    .map(NewTwinning.CityParticipation::cityId).toList());
        }
        TwinningService.Created created = service.create(body, IdempotencyKeys.check(idempotencyKey));
        Twinning twinning = created.twinning();
        return Response.created(uri.getBaseUriBuilder().path("v1/twinnings").path(twinning.id().toString()).build())
                .tag(etag(twinning))
                .header("Idempotent-Replayed", created.replayed())
                .entity(twinning)
                .build();
    }

    @RolesAllowed(Roles.ANYONE)
    @GET
    @Operation(summary = "List twinning arrangements",
            description = "Newest first (then by id), without `history`; follow `next` until it is absent.")
    @APIResponse(responseCode = "200", description = "A page of arrangements (`items`, `next`)")
    @APIResponse(responseCode = "400", description = "A `city` that is no city id, unknown `status` value, unreadable `cursor`, or `limit` not from 1 to 100")
    public Page<Twinning> list(
            @Parameter(description = "Only arrangements this city (GeoNames id) takes part in", example = "1859307")
            @QueryParam("city") String city,
            @Parameter(description = "Only arrangements in this status",
                    schema = @Schema(type = SchemaType.STRING, implementation = TwinningStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Page size, 1-100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from a previous page's `next`")
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        int size = QueryParams.limit(limit);
        if (city != null && !city.isBlank() && !CITY_ID.matcher(city).matches()) {
            throw ProblemException.badRequest("city", "must be a city id of the registry: a GeoNames id (digits) or CC and digits");
        }
        List<Twinning> found = service.page(blankToNull(city), QueryParams.enumValue("status", status, TwinningStatus.class), position(Cursor.decode(cursor, 2)), Keyset.fetch(size));
        return Keyset.of(found, size, last -> List.of(last.createdAt().toString(), last.id().toString())).page(uri);
    }

    @RolesAllowed(Roles.ANYONE)
    @GET
    @Path("{id}")
    @Operation(summary = "One twinning arrangement, with its history",
            description = "Answers 304 to an `If-None-Match` that names the current ETag.")
    @APIResponse(responseCode = "200", description = "The arrangement; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response get(@Parameter(description = "Arrangement id (UUID)") @PathParam("id") String id, @Context Request request) {
        Twinning twinning = service.find(arrangementId(id));
        EntityTag etag = etag(twinning);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(twinning).tag(etag).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.CITY_EDITOR})
    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an arrangement to another status",
            description = "Lifecycle: PROPOSED -> AGREED -> ACTIVE -> COMPLETED; ACTIVE <-> SUSPENDED; PROPOSED, AGREED, "
                    + "ACTIVE, SUSPENDED -> TERMINATED; COMPLETED and TERMINATED are final. The change is added to "
                    + "`history`, the version grows by one, and org.citycoop.twinning.arrangement.updated.v1 is published.")
    @APIResponse(responseCode = "200", description = "The arrangement after the change, with its history; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or an unknown status in `to`")
    @APIResponse(responseCode = "403", description = "Not the secretariat, nor a city editor of one of the arrangement's cities")
    @APIResponse(responseCode = "409", description = "The lifecycle does not allow this move; the problem names the current "
            + "status and the allowed targets")
    @APIResponse(responseCode = "422", description = "`to` is missing")
    public Response transition(@Parameter(description = "Arrangement id (UUID)") @PathParam("id") String id,
                               @Parameter(description = "Optional: the ETag the client last saw; a stale one is a 412 and changes nothing")
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull TransitionRequest body) {
        Twinning twinning = service.transition(arrangementId(id), body.to(), ifMatch);
        return Response.ok(twinning).tag(etag(twinning)).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.CITY_EDITOR})
    @PUT
    @Path("{id}/activities/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an activity of an arrangement",
            description = "Records the activity under `ref` (a key the client chooses: letters, digits, '-', '_'), or replaces "
                    + "the one held there. Types: EXCHANGE_VISIT, TRAINING, EXPERT_DISPATCH, PILOT_PROJECT, STUDY; dates are "
                    + "ISO 8601 of reduced precision; participants name one of the arrangement's cities or none. A change "
                    + "grows the arrangement's version and publishes org.citycoop.twinning.arrangement.updated.v1; the same "
                    + "activity again changes nothing. Replacing an existing activity with other content needs `If-Match`.")
    @APIResponse(responseCode = "200", description = "Replaced or unchanged: the arrangement; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "201", description = "Recorded under a new ref: the arrangement; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "403", description = "A city editor not bound to any of the arrangement's cities (field id)")
    @APIResponse(responseCode = "428", description = "Changing an existing activity without If-Match")
    public Response putActivity(@Parameter(description = "Arrangement id (UUID)") @PathParam("id") String id,
                                @Parameter(description = "Key of the activity", example = "field-missions") @PathParam("ref") String ref,
                                @Parameter(description = "The arrangement's current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ActivityRequest body) {
        return put(service.putActivity(arrangementId(id), ref, body, ifMatch));
    }

    @RolesAllowed({Roles.ADMIN, Roles.CITY_EDITOR})
    @DELETE
    @Path("{id}/activities/{ref}")
    @Operation(summary = "Remove an activity of an arrangement",
            description = "Grows the version and publishes org.citycoop.twinning.arrangement.updated.v1.")
    @APIResponse(responseCode = "200", description = "The arrangement afterwards; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "404", description = "Unknown arrangement or ref")
    public Response deleteActivity(@PathParam("id") String id, @PathParam("ref") String ref,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Twinning twinning = service.remove(arrangementId(id), ref, false, ifMatch);
        return Response.ok(twinning).tag(etag(twinning)).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.CITY_EDITOR})
    @PUT
    @Path("{id}/outcomes/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an outcome indicator of an arrangement",
            description = "Records the indicator under `ref`, or replaces the one held there: name, unit (such as "
                    + "\"tonnes/day\" or \"%\"), baseline, target and achieved values as decimals (null when unknown) with "
                    + "ISO 8601 dates of reduced precision. Same rules for versions, events and If-Match as activities.")
    @APIResponse(responseCode = "200", description = "Replaced or unchanged: the arrangement; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "201", description = "Recorded under a new ref: the arrangement; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "403", description = "A city editor not bound to any of the arrangement's cities (field id)")
    @APIResponse(responseCode = "428", description = "Changing an existing indicator without If-Match")
    public Response putOutcome(@Parameter(description = "Arrangement id (UUID)") @PathParam("id") String id,
                               @Parameter(description = "Key of the indicator", example = "non-revenue-water") @PathParam("ref") String ref,
                               @Parameter(description = "The arrangement's current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull OutcomeRequest body) {
        return put(service.putOutcome(arrangementId(id), ref, body, ifMatch));
    }

    @RolesAllowed({Roles.ADMIN, Roles.CITY_EDITOR})
    @DELETE
    @Path("{id}/outcomes/{ref}")
    @Operation(summary = "Remove an outcome indicator of an arrangement",
            description = "Grows the version and publishes org.citycoop.twinning.arrangement.updated.v1.")
    @APIResponse(responseCode = "200", description = "The arrangement afterwards; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "404", description = "Unknown arrangement or ref")
    public Response deleteOutcome(@PathParam("id") String id, @PathParam("ref") String ref,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Twinning twinning = service.remove(arrangementId(id), ref, true, ifMatch);
        return Response.ok(twinning).tag(etag(twinning)).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.CITY_EDITOR})
    @PUT
    @Path("{id}/evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the evaluation summary of an arrangement",
            description = "What the arrangement achieved, in words, with the date and report of the evaluation. Same rules "
                    + "for versions, events and If-Match as activities.")
    @APIResponse(responseCode = "200", description = "Replaced or unchanged: the arrangement; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "201", description = "The first evaluation: the arrangement; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "403", description = "A city editor not bound to any of the arrangement's cities (field id)")
    @APIResponse(responseCode = "428", description = "Changing the evaluation without If-Match")
    public Response putEvaluation(@Parameter(description = "Arrangement id (UUID)") @PathParam("id") String id,
                                  @Parameter(description = "The arrangement's current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Valid @NotNull EvaluationRequest body) {
        return put(service.putEvaluation(arrangementId(id), body, ifMatch));
    }

    @RolesAllowed(Roles.ANYONE)
    @GET
    @Path("{id}/outcomes")
    @Operation(summary = "What one arrangement achieved",
            description = "Its outcome indicators, each with its progress (change = achieved - baseline; progress = "
                    + "(achieved - baseline) / (target - baseline); targetMet = progress >= 1; null where a value is "
                    + "unknown), and its evaluation summary.")
    @APIResponse(responseCode = "200", description = "The outcomes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArrangementOutcomes.class)))
    public ArrangementOutcomes outcomes(@Parameter(description = "Arrangement id (UUID)") @PathParam("id") String id) {
        return ArrangementOutcomes.of(service.find(arrangementId(id)));
    }

    @RolesAllowed({Roles.ADMIN, Roles.CITY_EDITOR})
    @POST
    @Path("{id}/funding-links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link a catalogue scheme that funds the arrangement",
            description = "The scheme must be known to this service (it keeps the catalogue's schemes from catalog.schemes "
                    + "events) and not withdrawn. The link keeps the scheme's agency and name; when the scheme is later "
                    + "withdrawn or closes, the link is flagged (SCHEME_WITHDRAWN, SCHEME_CLOSED) and "
                    + "org.citycoop.twinning.arrangement.funding-flagged.v1 is published. Linking grows the version and "
                    + "publishes org.citycoop.twinning.arrangement.updated.v1; linking the same scheme again changes nothing (200).")
    @APIResponse(responseCode = "201", description = "Linked: the arrangement; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "200", description = "Linked already: the arrangement, unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Twinning.class)))
    @APIResponse(responseCode = "403", description = "A city editor not bound to any of the arrangement's cities (field id)")
    @APIResponse(responseCode = "422", description = "`schemeId` unknown to the catalogue or withdrawn")
    public Response linkFunding(@Parameter(description = "Arrangement id (UUID)") @PathParam("id") String id,
                                @Valid @NotNull FundingLinkRequest body) {
        return put(service.linkFunding(arrangementId(id), body));
    }

    private static Response put(TwinningService.Put put) {
        return Response.status(put.created() ? 201 : 200).tag(etag(put.twinning())).entity(put.twinning()).build();
    }

    private static EntityTag etag(Twinning twinning) {
        return new EntityTag(Integer.toString(twinning.version()));
    }

    private static UUID arrangementId(String id) {
        return PathIds.uuid(id, TwinningService.notFound(id).getMessage());
    }


    private static TwinningRepository.Position position(List<String> sortKey) {
        if (sortKey == null) {
            return null;
        }
        try {
            return new TwinningRepository.Position(Cursor.instant(sortKey.get(0)), UUID.fromString(sortKey.get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "not a cursor returned by this list; start again without it");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
