package org.citycoop.finder.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The public API through the gateway, as far as the finder reads it, with the finder's key ({@link ApiKeyFilter}).
 * Bodies are read as text: {@link Api} parses them, problems included.
 */
@RegisterRestClient(configKey = "citycoop-api")
@org.eclipse.microprofile.rest.client.annotation.RegisterProvider(ApiKeyFilter.class)
@Produces("application/json")
public interface PublicApi {

    @GET
    @Path("/v1/schemes")
    RestResponse<String> schemes(@RestQuery MultivaluedMap<String, String> query, @HeaderParam("Accept-Language") String language,
            @HeaderParam("X-Forwarded-For") String visitor);

    @GET
    @Path("/v1/schemes:facets")
    java.util.concurrent.CompletionStage<RestResponse<String>> facets(@RestQuery MultivaluedMap<String, String> query,
            @HeaderParam("X-Forwarded-For") String visitor);

    @GET
    @Path("/v1/schemes/{id}")
    RestResponse<String> scheme(@PathParam("id") String id, @HeaderParam("Accept-Language") String language,
            @HeaderParam("X-Forwarded-For") String visitor);

    @GET
    @Path("/v1/schemes/{id}/history")
    RestResponse<String> history(@PathParam("id") String id, @QueryParam("limit") int limit, @HeaderParam("X-Forwarded-For") String visitor);

    @GET
    @Path("/v1/agencies")
    RestResponse<String> agencies(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor,
            @HeaderParam("X-Forwarded-For") String visitor);

    @GET
    @Path("/v1/cities")
    RestResponse<String> cities(@QueryParam("q") String q, @QueryParam("country") String country, @QueryParam("limit") int limit,
            @HeaderParam("X-Forwarded-For") String visitor);

    @GET
    @Path("/v1/cities/{id}")
    RestResponse<String> city(@PathParam("id") String id, @HeaderParam("X-Forwarded-For") String visitor);

    @GET
    @Path("/v1/twinnings")
    RestResponse<String> twinnings(@QueryParam("city") String city, @QueryParam("limit") int limit,
            @HeaderParam("X-Forwarded-For") String visitor);

    @GET
    @Path("/v1/cities/{id}/partner-suggestions")
    RestResponse<String> partnerSuggestions(@PathParam("id") String id, @QueryParam("challenge") String challenge,
            @QueryParam("limit") int limit, @HeaderParam("X-Forwarded-For") String visitor);

    @POST
    @Path("/v1/matches")
    @Consumes("application/json")
    RestResponse<String> matches(@QueryParam("includeIneligible") boolean includeIneligible, @QueryParam("limit") int limit,
            @HeaderParam("Accept-Language") String language, @HeaderParam("X-Forwarded-For") String visitor, String body);
}
