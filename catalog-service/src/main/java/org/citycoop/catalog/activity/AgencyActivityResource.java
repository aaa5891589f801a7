package org.citycoop.catalog.activity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.catalog.vocabulary.ChallengeArea;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.catalog.vocabulary.Vocabulary;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.security.BoundTo;
import org.citycoop.platform.web.QueryParams;
import org.citycoop.platform.security.Roles;
import org.citycoop.platform.web.PathIds;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** An agency's own IATI files, imported, and the track record they show. */
@Path("/v1/agencies/{agencyId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "IATI activities", description = "What the agencies fund, from their own IATI files")
public class AgencyActivityResource {

    @Inject
    ActivityImport imports;


    @Inject
    ActivityQueryRepository queries;

    @Inject
    OrganisationImport organisations;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportJobRepository jobStore;

    @Inject
    Vocabularies vocabularies;

    @Inject
    IatiConfig config;

    @RolesAllowed(Roles.ANYONE)
    @GET
    @Path("/track-record")
    @Operation(summary = "An agency's track record from its IATI activities",
            description = "How many of the agency's IATI activities are in the country and sectors, how much they commit per "
                    + "currency (never converted), in which years they started, and the latest ones. `challenge` counts the "
                    + "DAC sectors of the agency's own schemes in that challenge area, with any `sector` given.")
    @APIResponse(responseCode = "200", description = "The track record", content = @Content(schema = @Schema(implementation = TrackRecord.class)))
    @APIResponse(responseCode = "400", description = "An unknown country, sector or challenge")
    @APIResponse(responseCode = "404", description = "No such agency")
    public TrackRecord trackRecord(
            @Parameter(description = "The agency's id", example = "adb") @PathParam("agencyId") String agencyId,
            @Parameter(description = "ISO 3166-1 alpha-2 recipient country", example = "ID") @QueryParam("country") String country,
            @Parameter(description = "DAC 5-digit sector code; repeatable", example = "14050") @QueryParam("sector") List<String> sectors,
            @Parameter(description = "Challenge area (as schemes have them)", example = "SOLID_WASTE") @QueryParam("challenge") String challenge) {
        List<String> codes = sectors == null ? List.of() : sectors.stream().filter(s -> !s.isEmpty())
                .map(s -> ActivityQuery.code(vocabularies, Vocabulary.SECTORS, "sector", s)).distinct().toList();
        ChallengeArea area = QueryParams.enumValue("challenge", challenge, ChallengeArea.class);
        return queries.trackRecord(agencyId, ActivityQuery.code(vocabularies, Vocabulary.COUNTRIES, "country", country), codes, area == null ? null : area.name());
    }

    @BoundTo(kind = "agency", pathParam = "agencyId")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_EDITOR})
    @POST
    @Path("/iati-activities")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(summary = "Import the agency's IATI activity file",
            description = "The body is an IATI activity file (root iati-activities, version 2.01 to 2.03), read one activity "
                    + "at a time. Every iati-activity's reporting-org/@ref must identify the agency: its iatiOrgId, or an "
                    + "older form IATI's identifier rules make equivalent (the bare DAC code 46004 for XM-DAC-46004; "
                    + "DE-1 for XM-DAC-5-1). Idempotent by iati-identifier: the same file again changes nothing and "
                    + "publishes nothing; a copy older (last-updated-datetime) than the stored one is not stored. Each "
                    + "created or changed activity publishes org.citycoop.catalog.activity.created.v1 or .updated.v1 on "
                    + "catalog.activities. Codes are checked against the IATI codelists (GET /v1/vocabularies/{name}): an "
                    + "unknown or withdrawn code is a warning, as are percentages that do not add up to 100, a budget "
                    + "without currency and a status its dates contradict. Transactions are not kept (only the sum of "
                    + "commitments per currency), nor results, locations or contacts. Refused as a whole, nothing stored: "
                    + "XML that is not well-formed (400, with line and column), a DOCTYPE (400), another root element, "
                    + "IATI 1.x or an unknown version (422), a reporting-org that is not the agency (422), a file over "
                    + "citycoop.iati.max-file-size (413, default 60 MB). With Prefer: respond-async (RFC 7240) the file is "
                    + "received, then answered 202 with the import's Location, whose state, bytes read and counts show its "
                    + "progress and which ends SUCCEEDED with the report or FAILED with the problem above; without it the "
                    + "answer waits for the report.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_XML,
            example = "<iati-activities version=\"2.03\"><iati-activity ...>...</iati-activity></iati-activities>"))
    @APIResponse(responseCode = "200", description = "The file was read to its end; see each activity's outcome",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = "With Prefer: respond-async: the file was received and will be imported; "
            + "follow Location (GET /v1/agencies/{agencyId}/iati-imports/{importId}) for its progress and report",
            headers = @Header(name = "Location", description = "The import", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "400", description = "Not well-formed XML, or a DOCTYPE (field body; nothing stored)")
    @APIResponse(responseCode = "403", description = "Not the secretariat, nor the agency editor of this agency (field agencyId)")
    @APIResponse(responseCode = "404", description = "No such agency")
    @APIResponse(responseCode = "413", description = "The file is over the size limit (nothing stored)")
    @APIResponse(responseCode = "422", description = "Wrong root element or IATI version (field body), a reporting-org that "
            + "is not the agency (field iati-activity[n]/reporting-org/@ref), or an agency without iatiOrgId (nothing stored)")
    public Response importActivities(
            @Parameter(description = "The agency's id", example = "adb") @PathParam("agencyId") String agencyId,
            @Parameter(description = "RFC 7240 preferences, at most 256 characters; respond-async: answer 202 as soon as the file "
                    + "is received and import it in the background (other preferences are ignored)", example = "respond-async")
            @HeaderParam("Prefer") String prefer,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, // HTTP framing, not an API parameter
            InputStream body,
            @Context UriInfo uri) throws IOException {
        boolean async = respondAsync(prefer);
        InputStream limited = new SizeLimit(config.maxFileSize().asLongValue()).apply(contentLength, body);
        if (!async) {
            return Response.ok(imports.importFile(agencyId, limited, soFar -> { })).build();
        }
        imports.agencyFor(agencyId);
        jobs.reserve();
        java.nio.file.Path file = null;
        ImportJob job;
        try {
            file = Files.createTempFile("iati-import-", ".xml");
            Files.copy(limited, file, StandardCopyOption.REPLACE_EXISTING);
            job = jobs.start(agencyId, file);
        } catch (IOException | RuntimeException e) {
            jobs.release();
            if (file != null) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("v1/agencies/{agencyId}/iati-imports/{importId}")
                .build(agencyId, job.id())).header("Preference-Applied", "respond-async").build();
    }

    @BoundTo(kind = "agency", pathParam = "agencyId")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_EDITOR})
    @GET
    @Path("/iati-imports/{importId}")
    @Operation(summary = "An IATI activity file import running in the background",
            description = "Its state (QUEUED, RUNNING, SUCCEEDED, FAILED), the bytes read of the file and the activities "
                    + "counted so far (written about once a second while it runs, and read by any instance), then its "
                    + "report, or the problem that refused the file (nothing stored). The agency editor sees only its own "
                    + "agency's imports.")
    @APIResponse(responseCode = "200", description = "The import", content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "403", description = "Not the secretariat, nor the agency editor of this agency (field agencyId)")
    @APIResponse(responseCode = "404", description = "No such import of this agency")
    public ImportJob importJob(
            @Parameter(description = "The agency's id", example = "adb") @PathParam("agencyId") String agencyId,
            @Parameter(description = "The import's id, from the Location of the 202") @PathParam("importId") String importId) {
        return jobStore.get(agencyId, PathIds.uuid(importId, "Agency " + agencyId + " has no IATI import " + importId
                + " (import ids are UUIDs)."));
    }

    /** The longest Prefer header read: a few preferences. */
    static final int MAX_PREFER_LENGTH = 256;

    /**
     * Whether an RFC 7240 Prefer header asks for respond-async (preferences are comma-separated, case-insensitive;
     * the others are ignored).
     *
     * @throws ProblemException 400 naming {@code Prefer} when it is longer than {@value #MAX_PREFER_LENGTH} characters
     */
    static boolean respondAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        if (prefer.length() > MAX_PREFER_LENGTH) {
            throw ProblemException.badRequest("Prefer", "must be at most " + MAX_PREFER_LENGTH + " characters, such as respond-async");
        }
        for (String preference : prefer.split(",")) {
            String name = preference.split(";", 2)[0].split("=", 2)[0].strip();
            if (name.equalsIgnoreCase("respond-async")) {
                return true;
            }
        }
        return false;
    }

    @BoundTo(kind = "agency", pathParam = "agencyId")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_EDITOR})
    @POST
    @Path("/iati-organisation")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(summary = "Import the agency's IATI organisation file",
            description = "The body is an IATI organisation file (root iati-organisations, 2.01 to 2.03). Every "
                    + "iati-organisation's reporting-org/@ref must identify the agency (as for activity files); the one whose "
                    + "organisation-identifier is the agency's is kept: its total budgets and its budgets per recipient "
                    + "country and region, amounts in their own currency. The same file again changes nothing. Refused as a "
                    + "whole, as activity files are.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_XML,
            example = "<iati-organisations version=\"2.03\"><iati-organisation ...>...</iati-organisation></iati-organisations>"))
    @APIResponse(responseCode = "200", description = "Imported, or unchanged",
            content = @Content(schema = @Schema(implementation = OrganisationImport.Result.class)))
    @APIResponse(responseCode = "403", description = "Not the secretariat, nor the agency editor of this agency (field agencyId)")
    @APIResponse(responseCode = "404", description = "No such agency")
    @APIResponse(responseCode = "422", description = "Wrong root element or IATI version (field body), another reporting "
            + "organisation, no organisation of the file is the agency, or an agency without iatiOrgId (nothing stored)")
    public OrganisationImport.Result importOrganisation(
            @Parameter(description = "The agency's id", example = "adb") @PathParam("agencyId") String agencyId,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, // HTTP framing, not an API parameter
            InputStream body) {
        return organisations.importFile(agencyId, new SizeLimit(config.maxFileSize().asLongValue()).apply(contentLength, body));
    }

    @RolesAllowed(Roles.ANYONE)
    @GET
    @Path("/iati-organisation")
    @Operation(summary = "The agency's budgets from its IATI organisation file",
            description = "Total budgets and budgets per recipient country and region, as the agency's last imported IATI "
                    + "organisation file gives them (amounts never converted).")
    @APIResponse(responseCode = "200", description = "The budgets",
            content = @Content(schema = @Schema(implementation = OrganisationImport.OrganisationView.class)))
    @APIResponse(responseCode = "404", description = "No such agency, or it has imported no organisation file")
    public OrganisationImport.OrganisationView organisation(
            @Parameter(description = "The agency's id", example = "adb") @PathParam("agencyId") String agencyId) {
        return organisations.get(agencyId);
    }
}
