package org.citycoop.matching.packages;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A proposed funding package, as {@code GET /v1/needs/{id}/packages} lists it.
 *
 * @param complete true when it covers every challenge and the budget
 * @param value ranking value in [0, 1] (see {@link FundingPackages})
 * @param schemes its schemes, each with what it covers and contributes
 * @param covered the profile's challenge areas it covers
 * @param uncovered the profile's challenge areas it leaves uncovered
 * @param budget what the budget needs and what the schemes' largest awards cover (absent without a budget)
 * @param earliestDeadline the first deadline among its schemes (absent when none has one): the package must be
 *     prepared by then
 */
@Schema(name = "FundingPackage", description = "Schemes of several agencies that together cover a profile's challenges and budget")
public record FundingPackage(boolean complete, double value, List<Part> schemes, List<ChallengeArea> covered,
                             List<ChallengeArea> uncovered, Budget budget, OffsetDateTime earliestDeadline) {

    /**
     * One scheme of a package.
     *
     * @param id the catalogue's scheme id
     * @param agencyId the agency
     * @param agencyName the agency's name when known
     * @param ref the agency's reference
     * @param name the scheme's name (English)
     * @param score its match score
     * @param covers the profile's challenge areas it addresses
     * @param contributes its largest award counted towards the budget (absent when unknown or in another currency)
     * @param window its application window
     */
    @Schema(name = "FundingPackagePart")
    public record Part(String id, String agencyId, String agencyName, String ref, String name, double score,
                       List<ChallengeArea> covers, Money contributes, SchemeData.ApplicationWindow window) {
    }

    /**
     * @param needed the profile's budget
     * @param covered sum of the schemes' contributions
     * @param remaining what is left to find, 0 when covered
     */
    @Schema(name = "FundingPackageBudget")
    public record Budget(Money needed, Money covered, Money remaining) {
    }
}
