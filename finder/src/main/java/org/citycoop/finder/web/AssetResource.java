package org.citycoop.finder.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestResponse;

/** Serves {@link Assets}: fingerprinted names for a year ({@code immutable}), {@code embed.js} for an hour. */
@Path("/finder")
public class AssetResource {

    @Inject
    Assets assets;

    @GET
    @Path("/assets/{name}")
    public RestResponse<byte[]> asset(@PathParam("name") String name) {
        Assets.Asset asset = assets.fingerprinted(name).orElseThrow(NotFoundException::new);
        return RestResponse.ResponseBuilder.ok(asset.content(), asset.mediaType())
                .header("Cache-Control", "public, max-age=31536000, immutable").build();
    }

    @GET
    @Path("/embed.js")
    public RestResponse<byte[]> embed() {
        Assets.Asset asset = assets.stable("embed.js").orElseThrow(NotFoundException::new);
        return RestResponse.ResponseBuilder.ok(asset.content(), asset.mediaType())
                .header("Cache-Control", "public, max-age=3600").build();
    }
}
