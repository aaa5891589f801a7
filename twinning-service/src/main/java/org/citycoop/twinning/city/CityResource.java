package org.citycoop.twinning.city;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.platform.security.Roles;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The city registry: GeoNames places with at least 15,000 inhabitants. */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/cities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cities", description = "The city registry (GeoNames, geonames.org, CC BY 4.0)")
public class CityResource {

    @Inject
    CityRepository cities;

    @GET
    @Operation(summary = "Search the city registry",
            description = "Cities sorted by population (descending), then GeoNames id. `q` matches the name or the "
                    + "ASCII name anywhere, ignoring case and accents (`hue` finds Huế). Pages are keyset-based: "
                    + "follow `next` until it is absent.")
    @APIResponse(responseCode = "200", description = "A page of cities (`items`, `next`)")
    @APIResponse(responseCode = "400", description = "Unreadable cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A parameter out of range (`q`, `country`, `limit`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<CityView> search(
            @Parameter(description = "Text the name or ASCII name contains (case and accents ignored), 1-100 characters")
            @QueryParam("q") @Size(min = 1, max = 100) String q,
            @Parameter(description = "ISO 3166-1 alpha-2 country code, upper case", example = "JP")
            @QueryParam("country") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in upper case, such as JP") String country,
            @Parameter(description = "Page size, 1-100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from a previous page's `next`")
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        int size = QueryParams.limit(limit);
        CityRepository.Position after = position(Cursor.decode(cursor, 2));
        List<City> found = cities.search(q, country, after, size + 1);
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            City last = found.get(size - 1);
            next = Cursor.nextLink(uri, Cursor.encode(List.of(Long.toString(last.population()), last.id())));
        }
        return Page.of(found.stream().map(CityView::of).toList(), next);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One city of the registry, by GeoNames id")
    @APIResponse(responseCode = "200", description = "The city")
    @APIResponse(responseCode = "404", description = "No city with this id in the registry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CityView get(@Parameter(description = "GeoNames id", example = "1859307") @PathParam("id") String id) {
        return cities.findByIdOptional(id).map(CityView::of)
                .orElseThrow(() -> ProblemException.notFound("No city with GeoNames id '" + id + "' in the registry."));
    }

    private static CityRepository.Position position(List<String> sortKey) {
        if (sortKey == null) {
            return null;
        }
        try {
            return new CityRepository.Position(Long.parseLong(sortKey.get(0)), sortKey.get(1));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor", "not a cursor returned by this list; start again without it");
        }
    }
}
