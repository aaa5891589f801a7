package org.citycoop.twinning.arrangement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/twinnings/{id}/funding-links}. */
@Schema(name = "FundingLinkRequest", description = "A catalogue scheme that funds the arrangement")
public record FundingLinkRequest(
        @Schema(description = "Scheme id in the catalogue; it must be known to this service (from catalog.schemes) and not withdrawn")
        @NotBlank @Size(max = 100)
        String schemeId,
        @Schema(nullable = true, maxLength = 2000)
        @Size(max = 2000)
        String note) {
}
