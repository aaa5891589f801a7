package org.citycoop.catalog.scheme;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.platform.security.Roles;
import org.citycoop.platform.web.PathIds;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.catalog.agency.AgencyRules;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.catalog.vocabulary.Vocabulary;
import org.citycoop.platform.web.EntityTags;
import org.citycoop.platform.web.QueryParams;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/** Reading and searching the schemes of every agency. */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/schemes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schemes", description = "Support schemes (open calls and standing programmes) of international agencies")
public class SchemeResource {

    private static final int MAX_TEXT = 200;

    @Inject
    SchemeService service;

    @Inject
    Vocabularies vocabularies;

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a scheme", description = "With its status at the time of the request.")
    @APIResponse(responseCode = "200", description = "The scheme", headers = @Header(name = "ETag", description = "Quoted version"),
            content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "404", description = "No scheme with this id (or the id is not a UUID)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SchemeView> get(@Parameter(description = "The scheme's UUID") @PathParam("id") String id) {
        UUID uuid = PathIds.uuid(id, "No scheme " + id + " (scheme ids are UUIDs).");
        SchemeView view = service.get(uuid);
        return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @GET
    @Operation(summary = "Search schemes",
            description = "Most recently changed first (updatedAt descending, then id), a page at a time; the next link "
                    + "keeps the filters. Repeating challenge, supportType, applicantType or status means any of the "
                    + "values; different filters must all hold.")
    @APIResponse(responseCode = "200", description = "A page of schemes")
    @APIResponse(responseCode = "400", description = "An unknown filter value, limit out of 1..100, or a cursor this list did not make",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<SchemeView> search(
            @Parameter(description = "Challenge area addressed", schema = @Schema(type = SchemaType.ARRAY, implementation = ChallengeArea.class))
            @QueryParam("challenge") List<String> challenge,
            @Parameter(description = "Kind of support given", schema = @Schema(type = SchemaType.ARRAY, implementation = SupportType.class))
            @QueryParam("supportType") List<String> supportType,
            @Parameter(description = "ISO 3166-1 alpha-2 code: schemes open to applicants of this country, including those "
                    + "with no country restriction") @QueryParam("country") String country,
            @Parameter(description = "Applicant type: schemes open to it, including those open to ANY",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ApplicantType.class))
            @QueryParam("applicantType") List<String> applicantType,
            @Parameter(description = "Status now: FORECASTED, OPEN, CLOSED, WITHDRAWN",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SchemeStatus.class))
            @QueryParam("status") List<String> status,
            @Parameter(description = "Agency id") @QueryParam("agency") String agency,
            @Parameter(description = "Case-insensitive text found in a name or description, in any language (at most 200 characters)")
            @QueryParam("q") String q,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from the previous page's next link") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        SchemeFilter filter = new SchemeFilter(
                QueryParams.enums("challenge", challenge, ChallengeArea.class),
                QueryParams.enums("supportType", supportType, SupportType.class),
                country(country),
                QueryParams.enums("applicantType", applicantType, ApplicantType.class),
                QueryParams.enums("status", status, SchemeStatus.class),
                agency(agency),
                text(q));
        SchemeService.SchemePage page = service.search(filter, cursor, QueryParams.limit(limit));
        return Page.of(page.items(), page.nextCursor() == null ? null : Cursor.nextLink(uri, page.nextCursor()));
    }

    private String country(String country) {
        if (country == null) {
            return null;
        }
        vocabularies.check(Vocabulary.COUNTRIES, "country", country).ifPresent(error -> {
            throw ProblemException.badRequest("country", error.detail());
        });
        return country;
    }

    private static String agency(String agency) {
        if (agency != null && (agency.length() > AgencyRules.ID_MAX_LENGTH || !agency.matches(AgencyRules.ID_PATTERN))) {
            throw ProblemException.badRequest("agency", "must be an agency id: a lower-case slug such as unep-ietc");
        }
        return agency;
    }

    private static String text(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > MAX_TEXT) {
            throw ProblemException.badRequest("q", "must be at most " + MAX_TEXT + " characters");
        }
        return q.strip();
    }
}
