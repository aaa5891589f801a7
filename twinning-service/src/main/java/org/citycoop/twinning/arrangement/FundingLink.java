package org.citycoop.twinning.arrangement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A catalogue scheme that funds an arrangement, as stored (JSON column {@code twinning_arrangement.funding_links}),
 * returned and carried by the events.
 *
 * @param schemeId the scheme's id in the catalogue
 * @param agencyId the scheme's agency, as the catalogue gave it when linked
 * @param schemeName the scheme's name, as the catalogue gave it when linked
 * @param note plain text (amount, period, what it pays for), or null
 * @param linkedAt when the link was made
 * @param flag null while the scheme is fine; SCHEME_WITHDRAWN or SCHEME_CLOSED once the catalogue says so
 * @param flaggedAt when the flag was set, or null
 */
@Schema(name = "FundingLink", description = "A catalogue scheme that funds the arrangement; flagged when the scheme is withdrawn or closes")
public record FundingLink(
        @Schema(description = "Scheme id in the catalogue (GET /v1/schemes/{id})")
        String schemeId,
        @Schema(nullable = true, example = "jica")
        String agencyId,
        @Schema(nullable = true, example = "JICA Partnership Program, local government type")
        String schemeName,
        @Schema(nullable = true)
        String note,
        @Schema(description = "RFC 3339, UTC")
        Instant linkedAt,
        @Schema(nullable = true)
        Flag flag,
        @Schema(description = "RFC 3339, UTC", nullable = true)
        Instant flaggedAt) {

    /** Why a link needs attention. */
    @Schema(name = "FundingLinkFlag", description = "SCHEME_WITHDRAWN: the agency withdrew the scheme; SCHEME_CLOSED: the scheme closed")
    public enum Flag {
        SCHEME_WITHDRAWN, SCHEME_CLOSED
    }

    /** The same link, flagged. */
    public FundingLink flagged(Flag newFlag, Instant at) {
        return new FundingLink(schemeId, agencyId, schemeName, note, linkedAt, newFlag, at);
    }
}
