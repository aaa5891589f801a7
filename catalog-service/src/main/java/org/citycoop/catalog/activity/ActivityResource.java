package org.citycoop.catalog.activity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.catalog.agency.AgencyRules;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.catalog.vocabulary.Vocabulary;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.security.Roles;
import org.citycoop.platform.web.PathIds;
import org.citycoop.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The agencies' IATI activities, read. */
@Path("/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "IATI activities", description = "What the agencies fund, from their own IATI files")
public class ActivityResource {

    @Inject
    ActivityQueries queries;

    @Inject
    Vocabularies vocabularies;

    @RolesAllowed(Roles.ANYONE)
    @GET
    @Operation(summary = "List IATI activities", description = "In iati-identifier order, a page at a time; follow `next`. "
            + "Filters combine with AND.")
    @APIResponse(responseCode = "200", description = "A page of activities")
    @APIResponse(responseCode = "400", description = "A filter value that is not a known code, id or date; limit out of 1..100; a cursor this list did not make")
    public Page<ActivityView> list(
            @Parameter(description = "Agency id", example = "adb") @QueryParam("agency") String agency,
            @Parameter(description = "ISO 3166-1 alpha-2 recipient country", example = "ID") @QueryParam("country") String country,
            @Parameter(description = "IATI Region code (OECD DAC) of a recipient region", example = "798") @QueryParam("region") String region,
            @Parameter(description = "DAC 5-digit sector code (vocabulary 1)", example = "14050") @QueryParam("sector") String sector,
            @Parameter(description = "IATI ActivityStatus code", example = "2") @QueryParam("status") String status,
            @Parameter(description = "Activities not ended before this date (ISO 8601)", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Activities started by this date (ISO 8601)", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to,
            @Parameter(description = "Page size, 1 to 100 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from the previous page's next link") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        ActivityFilter filter = new ActivityFilter(agencyId(agency), code(vocabularies, Vocabulary.COUNTRIES, "country", country),
                code(vocabularies, Vocabulary.REGIONS, "region", region), code(vocabularies, Vocabulary.SECTORS, "sector", sector),
                code(vocabularies, Vocabulary.ACTIVITY_STATUSES, "status", status), date("from", from), date("to", to));
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw ProblemException.badRequest("from", "must not be after to");
        }
        ActivityQueries.ActivityPage page = queries.list(filter, cursor, QueryParams.limit(limit));
        return Page.of(page.items(), page.nextCursor() == null ? null : Cursor.nextLink(uri, page.nextCursor()));
    }

    @RolesAllowed(Roles.ANYONE)
    @GET
    @Path("/{id}")
    @Operation(summary = "Read an IATI activity")
    @APIResponse(responseCode = "200", description = "The activity", content = @Content(schema = @Schema(implementation = ActivityView.class)))
    public ActivityView get(@Parameter(description = "The activity's UUID") @PathParam("id") String id) {
        return queries.get(PathIds.uuid(id, "No activity " + id + " (activity ids are UUIDs)."));
    }

    static String code(Vocabularies vocabularies, Vocabulary vocabulary, String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (vocabularies.list(vocabulary).find(value).isEmpty()) {
            throw ProblemException.badRequest(parameter, "unknown " + vocabulary.label() + " code '" + value
                    + "'; the codes are listed at GET " + vocabulary.allowedListUrl());
        }
        return value;
    }

    private static String agencyId(String agency) {
        if (agency == null || agency.isEmpty()) {
            return null;
        }
        if (agency.length() > AgencyRules.ID_MAX_LENGTH || !agency.matches(AgencyRules.ID_PATTERN)) {
            throw ProblemException.badRequest("agency", "must be an agency id: a lower-case slug such as adb, got '" + agency + "'");
        }
        return agency;
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ProblemException.badRequest(parameter, "must be an ISO 8601 date such as 2015-01-01, got '" + value + "'");
    }
}
