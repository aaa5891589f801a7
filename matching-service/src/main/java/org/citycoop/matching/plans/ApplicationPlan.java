package org.citycoop.matching.plans;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An application plan for a saved need and a chosen scheme: the checklist of {@link ApplicationPlans}, computed
 * when read from the scheme as the read model holds it now.
 *
 * @param id the plan's id
 * @param needId the saved need
 * @param scheme the chosen scheme
 * @param deadline the deadline counted back from (absent for rolling schemes)
 * @param startBy when the first step must start (absent without a deadline)
 * @param reachable false when the scheme is withdrawn or replaced, the deadline has passed or the remaining steps no
 *     longer fit before it
 * @param warnings what needs attention
 * @param steps the checklist
 * @param version grows by one with each step marked
 * @param createdAt when the plan was made
 */
@Schema(name = "ApplicationPlan", description = "A chosen scheme's process steps as a checklist with target dates")
public record ApplicationPlan(UUID id, UUID needId, SchemeRef scheme, OffsetDateTime deadline, LocalDate startBy,
                              boolean reachable, List<String> warnings, List<ApplicationPlans.Step> steps, long version,
                              OffsetDateTime createdAt) {

    /** The chosen scheme. */
    @Schema(name = "ApplicationPlanScheme")
    public record SchemeRef(String id, String agencyId, String ref, String name) {
    }
}
