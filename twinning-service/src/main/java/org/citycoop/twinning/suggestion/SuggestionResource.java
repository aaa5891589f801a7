package org.citycoop.twinning.suggestion;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.platform.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.web.QueryParams;
import org.citycoop.twinning.vocabulary.ChallengeArea;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Partner cities for a city's challenge. */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/cities/{id}/partner-suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cities")
public class SuggestionResource {

    @Inject
    SuggestionService service;

    @GET
    @Operation(summary = "Suggest partner cities for a challenge",
            description = "Ranks the cities that offer expertise in the challenge area (declared with evidence, or shown by "
                    + "mentoring an ACTIVE or COMPLETED arrangement in it) by: EXPERTISE (0.30), TRACK_RECORD (0.30; mentored "
                    + "active or completed arrangements in the area with achieved outcomes), EXISTING_TIES (0.10), DISTANCE "
                    + "(0.10; MET up to 1500 km, PARTLY_MET up to 4000 km), LANGUAGE (0.10; a language both countries use, "
                    + "from the Unicode CLDR locale data of the JDK) and SIZE (0.10; population ratio, MET from 0.5, "
                    + "PARTLY_MET from 0.2). MET counts the full weight, PARTLY_MET half, FAILED nothing; each suggestion "
                    + "explains every criterion with the values compared. Best first (ties: larger city first). One page.")
    @APIResponse(responseCode = "200", description = "`items`: suggestions, best first")
    @APIResponse(responseCode = "400", description = "Unknown `challenge` value (the problem lists the allowed ones), or `limit` not from 1 to 100")
    @APIResponse(responseCode = "422", description = "`challenge` missing")
    public Page<PartnerSuggestion> suggest(
            @Parameter(description = "Registry id of the city that needs a partner", example = "1625822") @PathParam("id") String id,
            @Parameter(description = "The challenge area it needs help with", required = true,
                    schema = @Schema(type = SchemaType.STRING, implementation = ChallengeArea.class))
            @QueryParam("challenge") String challenge,
            @Parameter(description = "Most suggestions, 1-100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit) {
        int size = QueryParams.limit(limit);
        ChallengeArea area = QueryParams.enumValue("challenge", challenge, ChallengeArea.class);
        if (area == null) {
            throw ProblemException.invalid("challenge", "required: the challenge area to find a partner for, such as SOLID_WASTE");
        }
        return Page.of(service.suggest(id, area, size), null);
    }
}
