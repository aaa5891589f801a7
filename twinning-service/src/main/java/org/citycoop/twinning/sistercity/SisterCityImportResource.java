package org.citycoop.twinning.sistercity;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.platform.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The import of existing sister-city pairs (Wikipedia and Wikidata) and its report. */
@RolesAllowed(Roles.ADMIN)
@Path("/v1/twinnings/sister-city-import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Twinnings")
public class SisterCityImportResource {

    @Inject
    SisterCityImport sisterCityImport;

    @POST
    @Operation(summary = "Import the shipped sister-city pairs",
            description = "For the secretariat. Reads the pairs shipped with the service (English Wikipedia's lists of twin "
                    + "towns, CC BY-SA 4.0; Wikidata P190, CC0), resolves each end to a registry city (GeoNames id checked "
                    + "against the country, else the name in the country, with coordinates within 40 km to choose among "
                    + "namesakes), merges pairs listed twice or in both directions, and creates one ACTIVE SISTER_CITY "
                    + "arrangement per new pair with its provenance (org.citycoop.twinning.arrangement.created.v1 each). "
                    + "Pairs it cannot resolve are left out and listed with the reason. Running it again creates nothing new.")
    @APIResponse(responseCode = "200", description = "The report of this run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SisterCityImportReport.class)))
    public SisterCityImportReport run() {
        return sisterCityImport.run();
    }

    @GET
    @Operation(summary = "The report of the last sister-city import",
            description = "Counts per file and per resolution method, duplicates merged, arrangements created and already held, "
                    + "and every pair left out with the reason.")
    @APIResponse(responseCode = "200", description = "The last report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SisterCityImportReport.class)))
    @APIResponse(responseCode = "404", description = "The import never ran")
    public SisterCityImportReport report() {
        return sisterCityImport.lastReport()
                .orElseThrow(() -> ProblemException.notFound("The sister-city import never ran: POST /v1/twinnings/sister-city-import."));
    }
}
