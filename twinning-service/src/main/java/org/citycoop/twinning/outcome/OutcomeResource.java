package org.citycoop.twinning.outcome;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.platform.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.platform.web.QueryParams;
import org.citycoop.twinning.arrangement.Twinning;
import org.citycoop.twinning.arrangement.TwinningService;
import org.citycoop.twinning.vocabulary.ChallengeArea;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What twinning achieved across the network, by theme. */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/twinnings/outcome-summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Twinnings")
public class OutcomeResource {

    @Inject
    TwinningService twinnings;

    /**
     * The summary answer.
     *
     * @param items one summary per theme asked for, in the order of the challenge areas
     */
    @Schema(name = "OutcomeSummary")
    public record OutcomeSummary(List<ThemeSummary> items) {
    }

    @GET
    @Operation(summary = "What the network's arrangements achieved, by theme",
            description = "Per challenge area: arrangements (and per status), how many record outcome indicators and an "
                    + "evaluation, indicators measured and targets met, and the measured indicators with their progress "
                    + "(progress = (achieved - baseline) / (target - baseline)). An arrangement with several themes counts "
                    + "under each. Without `theme`, every challenge area.")
    @APIResponse(responseCode = "200", description = "`items`: one summary per theme")
    @APIResponse(responseCode = "400", description = "Unknown `theme` value (the problem lists the allowed ones)")
    public OutcomeSummary summary(
            @Parameter(description = "Challenge areas to summarise (repeat the parameter for several); all when absent",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ChallengeArea.class))
            @QueryParam("theme") List<String> theme) {
        List<ChallengeArea> asked = QueryParams.enums("theme", theme, ChallengeArea.class);
        Set<ChallengeArea> themes = asked.isEmpty() ? EnumSet.allOf(ChallengeArea.class) : EnumSet.copyOf(asked);
        List<Twinning> found = twinnings.withAnyTheme(themes);
        return new OutcomeSummary(Arrays.stream(ChallengeArea.values()).filter(themes::contains)
                .map(area -> ThemeSummary.of(area, found)).toList());
    }
}
