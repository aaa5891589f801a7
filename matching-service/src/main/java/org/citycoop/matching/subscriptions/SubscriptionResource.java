package org.citycoop.matching.subscriptions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.platform.security.Roles;
import org.citycoop.matching.needs.NeedResource;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Keyset;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Webhook subscriptions to the alerts of saved needs. A subscription is its creator's: only that API client
 * and the secretariat admin see, change or read the deliveries of it (others get 404), and a subscription
 * to one profile needs a profile the creator may see.
 */
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_PORTAL, Roles.CITY_EDITOR})
@Path("/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "Webhooks that receive the alerts of saved needs profiles")
public class SubscriptionResource {

    static final String DELIVERY = """
            Each alert of the profile (or, without `needId`, of every profile the caller saved) is POSTed to `url` as \
            `{"deliveryId": "...", "subscriptionId": "...", "digest": false, "alerts": [Alert, ...]}` (one alert; \
            DAILY_DIGEST mode: the day's alerts at the next 00:00 UTC), signed as the Standard Webhooks specification \
            says (any Standard Webhooks or Svix verifier checks it with the `secret`): `webhook-id` (the delivery id, the \
            same on retries: an idempotency key), `webhook-timestamp` (Unix time in seconds of this attempt) and \
            `webhook-signature`: `v1,` + base64 HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed \
            with the bytes that the base64 after `whsec_` in `secret` decodes to. Verify it in constant time and refuse \
            timestamps far from your clock. Until the next release the previous headers come too: `CityCoop-Delivery`, \
            `CityCoop-Timestamp`, `CityCoop-Signature` (`sha256=` + hex HMAC-SHA256 keyed with the UTF-8 `secret` \
            over `<CityCoop-Timestamp>.<raw body>`). Each attempt connects to the address the URL check accepted. A 2xx answer \
            delivers; anything else is retried with exponential backoff (30 s, 60 s, 120 s, ... at most 1 h; 8 attempts \
            by default), each attempt recorded in GET /v1/subscriptions/{id}/deliveries. The URL must be http(s) and \
            resolve to public addresses only: private, loopback and link-local ones are refused (422) unless the \
            service runs with citycoop.matching.webhooks.allow-private-addresses=true (local use).""";

    @Inject
    SubscriptionService service;

    @Inject
    SubscriptionAccess access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook for alerts", description = DELIVERY)
    @APIResponse(responseCode = "201", description = "Registered; the body holds the `secret`, shown only this once",
            headers = @Header(name = "Location", description = "URL of the subscription"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "422", description = "`url` not http(s), unresolvable or private; `needId` unknown")
    public Response create(@Valid @NotNull NewSubscription body, @Context UriInfo uri) {
        access.requireMaySubscribeTo(body.needId());
        Subscription subscription = service.create(body, access.owner(), access.sees());
        return Response.created(uri.getBaseUriBuilder().path("v1/subscriptions").path(subscription.id().toString()).build())
                .entity(subscription).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One subscription (without its secret)")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "404", description = "Unknown or malformed id, or another API client's subscription")
    public Subscription get(@Parameter(description = "Subscription id (UUID)") @PathParam("id") String id) {
        return access.require(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a subscription", description = "Pending deliveries are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown or malformed id, or another API client's subscription")
    public Response delete(@Parameter(description = "Subscription id (UUID)") @PathParam("id") String id) {
        service.delete(access.require(id).id());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The delivery log of a subscription",
            description = "Oldest first: each delivery with its status (PENDING, DELIVERED, FAILED), attempts, the last "
                    + "HTTP status or error, and when the next attempt is due.")
    @APIResponse(responseCode = "200", description = "A page of deliveries (`items`, `next`)")
    @APIResponse(responseCode = "404", description = "Unknown or malformed id, or another API client's subscription")
    public Page<Delivery> deliveries(@Parameter(description = "Subscription id (UUID)") @PathParam("id") String id,
                                     @Parameter(description = "Page size, 1-100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
                                     @QueryParam("limit") String limit,
                                     @Parameter(description = "Opaque cursor from a previous page's `next`") @QueryParam("cursor") String cursor,
                                     @Context UriInfo uri) {
        int size = QueryParams.limit(limit);
        List<SubscriptionRepository.Positioned> found = service.deliveries(access.require(id).id(), NeedResource.sequence(Cursor.decode(cursor, 1)),
                Keyset.fetch(size));
        return Keyset.of(found, size, last -> List.of(Long.toString(last.seq()))).page(uri, SubscriptionRepository.Positioned::delivery);
    }
}
