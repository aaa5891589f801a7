package org.citycoop.matching.packages;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.matching.needs.NeedAccess;
import org.citycoop.platform.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.matching.match.MatchService;
import org.citycoop.matching.needs.Need;
import org.citycoop.matching.needs.NeedService;
import org.citycoop.matching.scoring.Match;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.platform.paging.Page;
import org.citycoop.platform.web.PathIds;
import org.citycoop.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code GET /v1/needs/{id}/packages}: funding packages for a saved needs profile. */
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_PORTAL, Roles.CITY_EDITOR})
@Path("/v1/needs/{id}/packages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Needs")
public class PackageResource {

    @Inject
    NeedAccess access;

    @Inject
    MatchService matches;

    @GET
    @Operation(summary = "Funding packages for a saved needs profile",
            description = "Combinations of the profile's eligible schemes from different agencies that together cover all "
                    + "its challenges and its budget, ranked: complete packages first, then by value (0.6 x weighted share "
                    + "of the challenges covered, 0.3 x share of the budget covered, 0.1 x mean match score), then fewer "
                    + "schemes. Each lists what every scheme covers and contributes (its largest award in the budget's "
                    + "currency), what remains uncovered, and the earliest deadline. At most one scheme per agency: the "
                    + "catalogue has no programme or stacking flag, so every scheme is treated as non-stacking within its "
                    + "agency. Bounded beam search (width 8, up to 4 schemes, best 40 matches).")
    @APIResponse(responseCode = "200", description = "Packages, best first (`items`); empty when nothing matches")
    @APIResponse(responseCode = "404", description = "Unknown or malformed id, or a profile the caller may not see")
    public Page<FundingPackage> packages(@Parameter(description = "Profile id (UUID)") @PathParam("id") String id,
                                         @Parameter(description = "Most packages to return",
                                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "5"))
                                         @QueryParam("limit") String limit) {
        int size = limit == null ? 5 : QueryParams.limit(limit);
        Need need = access.require(id);
        List<MatchService.RankedMatch> ranked = matches.match(need.profile(), false, QueryParams.MAX_LIMIT);
        Map<String, String> agencyNames = new HashMap<>();
        ranked.forEach(match -> agencyNames.put(match.match().scheme().agencyId(), match.agencyName()));
        return Page.of(FundingPackages.propose(need.profile(), ranked.stream().map(MatchService.RankedMatch::match).toList(), size)
                .stream().map(proposal -> view(need.profile(), proposal, agencyNames)).toList(), null);
    }

    private static FundingPackage view(NeedsProfile profile, FundingPackages.Proposal proposal, Map<String, String> agencyNames) {
        List<FundingPackage.Part> parts = proposal.matches().stream().map(match -> part(profile, match, agencyNames)).toList();
        OffsetDateTime earliest = proposal.matches().stream()
                .map(match -> match.scheme().window() == null ? null : match.scheme().window().deadline())
                .filter(Objects::nonNull).min(Comparator.comparing(OffsetDateTime::toInstant)).orElse(null);
        FundingPackage.Budget budget = proposal.budgetCovered() == null ? null
                : new FundingPackage.Budget(profile.budget(), proposal.budgetCovered(), proposal.budgetRemaining());
        return new FundingPackage(proposal.complete(), proposal.value(), parts, proposal.covered(), proposal.uncovered(), budget, earliest);
    }

    private static FundingPackage.Part part(NeedsProfile profile, Match match, Map<String, String> agencyNames) {
        var scheme = match.scheme();
        BigDecimal contribution = FundingPackages.contribution(profile, scheme);
        return new FundingPackage.Part(scheme.id(), scheme.agencyId(), agencyNames.get(scheme.agencyId()), scheme.ref(), scheme.name(),
                match.score(), profile.challenges().stream().map(NeedsProfile.Challenge::area).filter(scheme.challengeAreas()::contains).toList(),
                contribution.signum() > 0 ? scheme.fundingRange().max() : null, scheme.window());
    }
}
