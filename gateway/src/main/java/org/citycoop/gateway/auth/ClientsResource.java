package org.citycoop.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.gateway.vocabulary.ClientRole;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Keyset;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.problem.ProblemTypes;
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
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/**
 * {@code /v1/clients}: the secretariat manages API clients and their keys here. Only the secretariat admin may
 * ({@code @RolesAllowed}, from the session {@link org.citycoop.gateway.routing.GatewayRouter} hands over: see
 * {@link SessionAuthentication}), except {@code GET /v1/clients/me}, which any client may read; without a key the
 * answer is a 401, with another role a 403. Bodies, parameters, pages and errors follow the platform's rules as the
 * services' resources do. Every answer is {@code Cache-Control: no-store}: some hold a key.
 */
@Path(ClientsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "API clients", description = "Clients of the API and their keys; the secretariat admin's only (except GET /v1/clients/me)")
public class ClientsResource {

    private static final Logger LOG = Logger.getLogger(ClientsResource.class);
    public static final String PATH = "/v1/clients";

    @Inject
    ClientRepository store;

    @Inject
    Sessions sessions;

    @Inject
    AgencyCheck agencies;

    @Inject
    SecurityIdentity identity;

    /**
     * Refuses (409) to re-key or revoke the bootstrap admin while the gateway's configuration sets its key: the change
     * would be undone at the next start.
     */
    private void requireNotConfigured(UUID id) {
        store.find(id).filter(sessions::configured).ifPresent(client -> {
            throw new ProblemException(409, ProblemTypes.CONFLICT, "Conflict", "The key of " + client.name()
                    + " is set by the gateway's configuration (CITYCOOP_GATEWAY_ADMIN_KEY) at every start, which would undo "
                    + "this change: change or remove that setting instead, with other admin clients made here.", List.of());
        });
    }

    /** Whether {@code path} (decoded) is the gateway's own, answered by this resource rather than a service. */
    public static boolean owns(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API client and its key", description = "The key is in the answer's `key` and is shown this "
            + "once; only its SHA-256 is kept, with its first 12 characters (`keyPrefix`) to recognise it. An AGENCY_EDITOR "
            + "needs `agencyId`, an agency the catalogue holds; a CITY_EDITOR needs `cityIds` (GeoNames ids); other roles take "
            + "neither. Any other field is refused (400 naming it).")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new client", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ApiClient.IssuedKey.class)))
    @APIResponse(responseCode = "409", description = "A client of this name exists")
    @APIResponse(responseCode = "422", description = "A field's value is not allowed (name form, bindings that do not fit the "
            + "role, an agency the catalogue does not hold)")
    @APIResponse(responseCode = "503", description = "The catalogue cannot say whether the agency of an AGENCY_EDITOR exists; "
            + "try again shortly")
    public RestResponse<ApiClient.IssuedKey> create(NewClient body) {
        if (body == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        List<Problem.FieldError> errors = body.errors();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (body.role() == ClientRole.AGENCY_EDITOR && !agencies.exists(body.agencyId())) {
            throw ProblemException.invalid("agencyId", "no agency '" + body.agencyId() + "' in the catalogue: create the agency "
                    + "first (PUT /v1/agencies/" + body.agencyId() + ")");
        }
        String key = ApiKeys.generate();
        ApiClient client;
        try {
            client = store.create(body, ApiKeys.visiblePrefix(key), ApiKeys.hash(key));
        } catch (ClientRepository.NameTaken taken) {
            throw new ProblemException(409, ProblemTypes.CONFLICT, "Conflict", "name: a client named '" + body.name()
                    + "' exists already", List.of(new Problem.FieldError("name", "a client of this name exists already")));
        }
        LOG.infof("Client %s (%s) created with key %s...", client.name(), client.role(), client.keyPrefix());
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, new ApiClient.IssuedKey(client, key))
                .header(HttpHeaders.LOCATION, PATH + "/" + client.id()) // relative, as the services' (not from Host)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Operation(summary = "List API clients in name order")
    @APIResponse(responseCode = "200", description = "A page: `items`, and `next` while more follow")
    public RestResponse<Page<ApiClient>> list(
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "From the previous page's `next`") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        int size = QueryParams.limit(limit);
        List<String> after = Cursor.decode(cursor, 1);
        String afterName = after == null ? null : after.get(0);
        if (afterName != null && afterName.isEmpty()) { // no client has an empty name: not a cursor of this list
            throw ProblemException.badRequest("cursor", "not a cursor returned by this list; start again without it");
        }
        Keyset<ApiClient> page = Keyset.of(store.list(afterName, Keyset.fetch(size)), size, last -> List.of(last.name()));
        return noStore(page.page(uri));
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_EDITOR, Roles.CITY_EDITOR, Roles.PARTNER_PORTAL})
    @Operation(summary = "The caller's own API client (any valid key)")
    @APIResponse(responseCode = "200", description = "The client")
    public RestResponse<ApiClient> me() {
        ApiClient caller = identity.getAttribute(SessionAuthentication.CLIENT);
        return noStore(store.find(caller.id()).orElseThrow(() -> notFound(PATH + "/me")));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an API client (never its key)")
    @APIResponse(responseCode = "200", description = "The client")
    public RestResponse<ApiClient> get(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return noStore(store.find(id(id)).orElseThrow(() -> notFound(PATH + "/" + id)));
    }

    @POST
    @Path("/{id}/key")
    @Operation(summary = "Give an API client a new key", description = "The new key is in `key`, shown this once; the old key "
            + "is refused from now on.")
    @APIResponse(responseCode = "200", description = "The client and its new key")
    @APIResponse(responseCode = "409", description = "The client is revoked (a revoked client gets no new key), or it is the "
            + "bootstrap admin whose key the gateway's configuration sets")
    public RestResponse<ApiClient.IssuedKey> replaceKey(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        String key = ApiKeys.generate();
        UUID clientId = id(id);
        requireNotConfigured(clientId);
        ApiClient client = store.replaceKey(clientId, ApiKeys.visiblePrefix(key), ApiKeys.hash(key))
                .orElseThrow(() -> store.find(clientId).<ProblemException>map(revoked -> new ProblemException(409,
                        ProblemTypes.CONFLICT, "Conflict", "The client was revoked at " + revoked.revokedAt()
                        + " and gets no new key: create a new client instead.", List.of())).orElseGet(() -> notFound(PATH + "/" + id)));
        sessions.forget(client.id());
        LOG.infof("Client %s has a new key %s...; the old one no longer works", client.name(), client.keyPrefix());
        return noStore(new ApiClient.IssuedKey(client, key));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API client", description = "Its key is refused from now on (401); the client stays listed "
            + "with `revokedAt`. Revoking again changes nothing.")
    @APIResponse(responseCode = "200", description = "The revoked client")
    @APIResponse(responseCode = "409", description = "The bootstrap admin, whose key the gateway's configuration sets")
    public RestResponse<ApiClient> revoke(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        requireNotConfigured(id(id));
        ApiClient client = store.revoke(id(id)).orElseThrow(() -> notFound(PATH + "/" + id));
        sessions.forget(client.id());
        LOG.infof("Client %s (key %s...) revoked", client.name(), client.keyPrefix());
        return noStore(client);
    }

    private static UUID id(String id) {
        return PathIds.uuid(id, "No API client at " + PATH + "/" + id + ".");
    }

    private static ProblemException notFound(String path) {
        return ProblemException.notFound("No API client at " + path + ".");
    }

    private static <T> RestResponse<T> noStore(T entity) {
        return RestResponse.ResponseBuilder.ok(entity).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
