package org.citycoop.catalog.scheme;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.platform.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.catalog.vocabulary.RegionMembers;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.catalog.web.Languages;
import org.citycoop.catalog.web.NotModified;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.web.EntityTags;
import org.citycoop.platform.web.PathIds;
import org.citycoop.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reading and searching the schemes of every agency. */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/schemes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schemes", description = "Support schemes (open calls and standing programmes) of international agencies")
public class SchemeResource {

    static final String VARY = "Accept-Language";

    @Inject
    SchemeService service;

    @Inject
    Vocabularies vocabularies;

    @Inject
    RegionMembers regions;

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a scheme",
            description = "With its status at the time of the request; name and description in the language Accept-Language "
                    + "asks for when the scheme has it, English otherwise (Content-Language says which); names and "
                    + "descriptions keep every language. If-None-Match with the current ETag answers 304 without a body.")
    @APIResponse(responseCode = "200", description = "The scheme",
            headers = {@Header(name = "ETag", description = "Quoted version"),
                    @Header(name = "Content-Language", description = "Language of name and description")},
            content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    public RestResponse<SchemeView> get(@Parameter(description = "The scheme's UUID") @PathParam("id") String id,
                                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                        @Context HttpHeaders headers) {
        UUID uuid = PathIds.uuid(id, "No scheme " + id + " (scheme ids are UUIDs).");
        return single(service.get(uuid), ifNoneMatch, headers);
    }

    /**
     * The answer for one scheme, here and by the agency's reference ({@link AgencySchemeResource}): 304 with its ETag
     * when If-None-Match names its version, else the scheme with name and description in the language Accept-Language
     * asks for (Content-Language says which).
     */
    static RestResponse<SchemeView> single(SchemeView view, String ifNoneMatch, HttpHeaders headers) {
        String etag = EntityTags.of(view.version());
        String language = Languages.choose(headers.getAcceptableLanguages(), available(view));
        if (NotModified.matches(ifNoneMatch, etag)) {
            return RestResponse.ResponseBuilder.<SchemeView>notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.VARY, VARY).build();
        }
        return RestResponse.ResponseBuilder.ok(view.in(language)).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CONTENT_LANGUAGE, language).header(HttpHeaders.VARY, VARY).build();
    }

    @GET
    @Operation(summary = "Search schemes",
            description = "Filters on every main field; repeating challenge, supportType, sector, financeType, aidType, "
                    + "applicantType or status means any of the values; different filters must all hold. Orders: "
                    + "relevance (default when q is given: a name containing q as typed first, then a name or description "
                    + "containing it, then the English full-text rank), deadline "
                    + "(earliest first, schemes without deadline last) or updated (default without q: most recently "
                    + "changed first); each ends with the id, and the next link's cursor continues after the last item "
                    + "(keyset: schemes added meanwhile never shift a page; no limit on how far one pages). Name and "
                    + "description follow Accept-Language as GET /v1/schemes/{id} does. The list's ETag is weak, from the "
                    + "page's ids, versions, statuses and language; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "A page of schemes",
            headers = {@Header(name = "ETag", description = "Weak tag of the page's content"),
                    @Header(name = "Content-Language", description = "Language of the names and descriptions")})
    @APIResponse(responseCode = "304", description = "If-None-Match names the page's current ETag")
    @APIResponse(responseCode = "400", description = "An unknown filter value or code, a bad time or amount, limit out of "
            + "1..100, sort=relevance without q, or a cursor this list (in this order) did not make")
    public RestResponse<Page<SchemeView>> search(
            @BeanParam SchemeQuery query,
            @Parameter(description = "Order: relevance (needs q; the default with q), deadline, updated (the default without q)")
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to 100 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from the previous page's next link") @QueryParam("cursor") String cursor,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        SchemeFilter filter = query.filter(vocabularies, regions);
        SchemeSort order = sort(sort, query.hasText());
        SchemeService.SchemePage page = service.search(filter, order, cursor, QueryParams.limit(limit));
        Set<String> available = new LinkedHashSet<>();
        page.items().forEach(item -> available.addAll(available(item)));
        String language = Languages.choose(headers.getAcceptableLanguages(), available);
        String etag = NotModified.weakTagOf(language + "|" + page.nextCursor() + "|" + page.items().stream()
                .map(item -> item.id() + ":" + item.version() + ":" + item.status()).collect(Collectors.joining(",")));
        if (NotModified.matches(ifNoneMatch, etag)) {
            return RestResponse.ResponseBuilder.<Page<SchemeView>>notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.VARY, VARY).build();
        }
        Page<SchemeView> body = Page.of(page.items().stream().map(item -> item.in(language)).toList(),
                page.nextCursor() == null ? null : Cursor.nextLink(uri, page.nextCursor()));
        return RestResponse.ResponseBuilder.ok(body).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CONTENT_LANGUAGE, language).header(HttpHeaders.VARY, VARY).build();
    }

    private static SchemeSort sort(String sort, boolean hasText) {
        SchemeSort order = QueryParams.lowerCaseEnumValue("sort", sort, SchemeSort.class);
        if (order == null) {
            return hasText ? SchemeSort.RELEVANCE : SchemeSort.UPDATED;
        }
        if (order == SchemeSort.RELEVANCE && !hasText) {
            throw ProblemException.badRequest("sort", "relevance needs q, the text to rank by");
        }
        return order;
    }

    private static Set<String> available(SchemeView view) {
        Set<String> languages = new LinkedHashSet<>();
        languages.add(Languages.ENGLISH);
        if (view.names() != null) {
            languages.addAll(view.names().keySet());
        }
        if (view.descriptions() != null) {
            languages.addAll(view.descriptions().keySet());
        }
        return languages;
    }
}
