package org.citycoop.twinning.city;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.platform.security.BoundTo;
import org.citycoop.platform.security.Roles;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
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
import org.citycoop.platform.paging.Keyset;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.web.QueryParams;
import org.citycoop.platform.web.StrictText;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The city registry: GeoNames places with at least 15,000 inhabitants and the municipalities the secretariat
 * adds, with names in other scripts, expertise offered and needs.
 */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/cities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cities", description = "The city registry (GeoNames, geonames.org, CC BY 4.0)")
public class CityResource {


    @Inject
    CityRepository cities;

    @Inject
    CityService service;

    @GET
    @Operation(summary = "Search the city registry",
            description = "Cities sorted by population (descending), then GeoNames id. `q` matches the name, the "
                    + "ASCII name or a name in another script anywhere, ignoring case and accents (`hue` finds Huế, "
                    + "`北九州` finds Kitakyushu once that name is recorded). `lat`, `lon` and `radiusKm` together keep the "
                    + "cities within a circle. Pages are keyset-based: "
                    + "follow `next` until it is absent.")
    @APIResponse(responseCode = "200", description = "A page of cities (`items`, `next`)")
    @APIResponse(responseCode = "400", description = "Unreadable cursor, `limit`, `lat`, `lon` or `radiusKm` that is not a number")
    @APIResponse(responseCode = "422", description = "A parameter out of range (`q`, `country`, `lat`, `lon`, `radiusKm`)")
    public Page<CityView> search(
            @Parameter(description = "Text the name or ASCII name contains (case and accents ignored), 1-100 characters")
            @QueryParam("q") @Size(min = 1, max = 100) String q,
            @Parameter(description = "ISO 3166-1 alpha-2 country code, upper case", example = "JP")
            @QueryParam("country") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in upper case, such as JP") String country,
            @Parameter(description = "With `lon` and `radiusKm`: only cities within `radiusKm` of this point (WGS 84 latitude, -90 to 90)")
            @QueryParam("lat") String lat,
            @Parameter(description = "WGS 84 longitude of the point, -180 to 180")
            @QueryParam("lon") String lon,
            @Parameter(description = "Radius around the point in km (great-circle distance), more than 0 and at most 5000")
            @QueryParam("radiusKm") String radiusKm,
            @Parameter(description = "Page size, 1-100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from a previous page's `next`")
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        int size = QueryParams.limit(limit);
        CityRepository.Position after = position(Cursor.decode(cursor, 2));
        List<City> found = cities.search(q, country, near(lat, lon, radiusKm), after, Keyset.fetch(size));
        return Keyset.of(found, size, last -> List.of(Long.toString(last.population()), last.id())).page(uri, CityView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One city of the registry, with its other names, expertise and needs",
            description = "By GeoNames id, or CC followed by digits for a municipality the secretariat added. `ETag` is the version.")
    @APIResponse(responseCode = "200", description = "The city",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CityDetail.class)))
    public Response get(@Parameter(description = "GeoNames id", example = "1859307") @PathParam("id") String id) {
        CityDetail city = service.detail(id);
        return Response.ok(city).tag(etag(city)).build();
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a municipality to the registry",
            description = "For the secretariat: a place GeoNames' file leaves out (fewer than 15,000 inhabitants). It gets the "
                    + "id CC followed by digits (GeoNames ids are digits only, so the two never collide), source "
                    + "`secretariat`, version 1, and org.citycoop.twinning.city.created.v1 is published on twinning.cities.")
    @APIResponse(responseCode = "201", description = "Added; `Location` and `ETag` headers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CityDetail.class)))
    @APIResponse(responseCode = "409", description = "The registry holds a city of the same name and country within 5 km")
    public Response create(@Valid @NotNull NewCity body, @Context UriInfo uri) {
        CityDetail city = service.create(body);
        return Response.created(uri.getBaseUriBuilder().path("v1/cities").path(city.id()).build()).tag(etag(city)).entity(city).build();
    }

    @BoundTo(kind = "city", pathParam = "id")
    @RolesAllowed({Roles.ADMIN, Roles.CITY_EDITOR})
    @PUT
    @Path("{id}/expertise")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare what a city offers and needs",
            description = "Replaces both lists. Each entry is a challenge area with optional DAC 5-digit sectors (IATI Sector "
                    + "codelist) and evidence: an arrangement the city takes part in, or a URL (an offer needs at least one). "
                    + "A change grows the version and publishes org.citycoop.twinning.city.updated.v1; the same lists again "
                    + "change nothing. Changing what was declared needs `If-Match`.")
    @APIResponse(responseCode = "200", description = "The city afterwards; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CityDetail.class)))
    @APIResponse(responseCode = "403", description = "A city editor not bound to this city (field id)")
    @APIResponse(responseCode = "428", description = "Changing declared expertise without If-Match")
    public Response putExpertise(@PathParam("id") String id,
                                 @Parameter(description = "The city's current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull ExpertiseRequest body) {
        CityDetail city = service.putExpertise(id, body, ifMatch);
        return Response.ok(city).tag(etag(city)).build();
    }

    /**
     * The body of {@code PUT /v1/cities/{id}/names}.
     *
     * @param names every name of the city in other languages and scripts
     */
    @Schema(name = "AlternateNames")
    public record AlternateNames(@NotNull @Size(max = 50) List<@NotNull @Valid AlternateName> names) {
    }

    @BoundTo(kind = "city", pathParam = "id")
    @RolesAllowed({Roles.ADMIN, Roles.CITY_EDITOR})
    @PUT
    @Path("{id}/names")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a city's names in other languages and scripts",
            description = "Replaces the list; `q` of the search then finds the city by these names too (the shipped GeoNames "
                    + "file has no alternate-names column). Same rules for versions, events and If-Match as expertise.")
    @APIResponse(responseCode = "200", description = "The city afterwards; `ETag` header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CityDetail.class)))
    @APIResponse(responseCode = "403", description = "A city editor not bound to this city (field id)")
    @APIResponse(responseCode = "422", description = "A name or language tag is not allowed (the problem names it)")
    @APIResponse(responseCode = "428", description = "Changing recorded names without If-Match")
    public Response putNames(@PathParam("id") String id,
                             @Parameter(description = "The city's current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull AlternateNames body) {
        CityDetail city = service.putNames(id, body.names(), ifMatch);
        return Response.ok(city).tag(etag(city)).build();
    }

    private static EntityTag etag(CityDetail city) {
        return new EntityTag(Integer.toString(city.version()));
    }

    /** The circle of lat, lon and radiusKm, or null when none of them is given; all three or none. */
    private static CityRepository.Near near(String lat, String lon, String radiusKm) {
        if (lat == null && lon == null && radiusKm == null) {
            return null;
        }
        double latitude = number("lat", lat, -90, 90);
        double longitude = number("lon", lon, -180, 180);
        double radius = number("radiusKm", radiusKm, 0, 5000);
        if (radius <= 0) {
            throw ProblemException.invalid("radiusKm", "must be more than 0");
        }
        return new CityRepository.Near(latitude, longitude, radius);
    }

    private static double number(String parameter, String value, double min, double max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(parameter, "lat, lon and radiusKm go together: give all three");
        }
        if (!StrictText.DECIMAL.matcher(value).matches()) {
            throw ProblemException.badRequest(parameter, "not a number; give a decimal number in ASCII digits from " + min + " to " + max);
        }
        double number = Double.parseDouble(value);
        if (number >= min && number <= max) {
            return number;
        }
        throw ProblemException.invalid(parameter, "must be a number from " + min + " to " + max);
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
