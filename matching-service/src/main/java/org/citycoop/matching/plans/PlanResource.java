package org.citycoop.matching.plans;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.matching.needs.NeedAccess;
import org.citycoop.platform.security.Roles;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.matching.needs.NeedService;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.web.PathIds;
import org.citycoop.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Application plans of a saved needs profile. */
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_PORTAL, Roles.CITY_EDITOR})
@Path("/v1/needs/{id}/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Needs")
public class PlanResource {

    static final String RULES = """
            The chosen scheme's process steps as a checklist, with who acts at each (CITY, NATIONAL_GOVERNMENT, \
            PARTNER_CITY, AGENCY, OTHER) and target dates: the applicant's steps (up to the last one the city, the \
            national government or a partner city acts in) are counted back from the deadline (FIXED as published, \
            ANNUAL its next occurrence), the last due on the deadline's date, each earlier one `typicalDays` of the \
            following step before; the agency's steps after them are expected `typicalDays` later. Rolling schemes are \
            counted forward from today. `warnings` says when the agency withdrew the scheme or replaced it by another, \
            when the deadline has passed, when the steps not done yet typically take longer than the days left (in \
            these cases `reachable: false`), and which steps are past their target.""";

    @Inject
    PlanService plans;

    @Inject
    NeedAccess access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make an application plan for a chosen scheme", description = RULES)
    @APIResponse(responseCode = "201", description = "The plan; `Location` header",
            headers = @Header(name = "Location", description = "URL of the plan"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationPlan.class)))
    @APIResponse(responseCode = "404", description = "Unknown or malformed profile id, or a profile the caller may not see")
    @APIResponse(responseCode = "422", description = "`schemeId` missing or unknown")
    public Response create(@Parameter(description = "Profile id (UUID)") @PathParam("id") String id,
                           @Valid @NotNull NewApplicationPlan body, @Context UriInfo uri) {
        ApplicationPlan plan = plans.create(access.require(id).id(), body);
        return Response.created(uri.getBaseUriBuilder().path("v1/needs").path(id).path("applications").path(plan.id().toString()).build())
                .entity(plan).build();
    }

    @GET
    @Path("{planId}")
    @Operation(summary = "An application plan, with target dates and warnings as of now", description = RULES)
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationPlan.class)))
    @APIResponse(responseCode = "404", description = "Unknown profile or plan, or a profile the caller may not see")
    public ApplicationPlan get(@Parameter(description = "Profile id (UUID)") @PathParam("id") String id,
                               @Parameter(description = "Plan id (UUID)") @PathParam("planId") String planId) {
        return plans.find(access.require(id).id(), PathIds.uuid(planId, PlanService.notFound(planId).getMessage()));
    }

    @POST
    @Path("{planId}/steps/{n}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a step of a plan done (or not done)",
            description = "Steps are numbered from 1 in the scheme's process order. The answer is the whole plan, with its "
                    + "warnings recomputed.")
    @APIResponse(responseCode = "200", description = "The plan after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationPlan.class)))
    @APIResponse(responseCode = "404", description = "Unknown profile, plan or step number, or a profile the caller may not see")
    @APIResponse(responseCode = "422", description = "`done` missing")
    public ApplicationPlan markStep(@Parameter(description = "Profile id (UUID)") @PathParam("id") String id,
                                    @Parameter(description = "Plan id (UUID)") @PathParam("planId") String planId,
                                    @Parameter(description = "Step number, from 1") @PathParam("n") String n,
                                    @Valid @NotNull StepUpdate body) {
        int number = QueryParams.integer("n", n, 1, Integer.MAX_VALUE);
        return plans.markStep(access.require(id).id(),
                PathIds.uuid(planId, PlanService.notFound(planId).getMessage()), number, body.done());
    }
}
