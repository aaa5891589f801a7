package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.WindowKind;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * When applications are accepted. Times are RFC 3339 with the offset the agency sent, kept as sent.
 *
 * @param kind FIXED, ROLLING or ANNUAL
 * @param opens first moment applications are accepted: optional for FIXED, required for ANNUAL, absent for ROLLING
 * @param deadline last moment applications are accepted (inclusive): required for FIXED and ANNUAL, absent for ROLLING
 */
@Schema(description = "Application window. FIXED: deadline required, opens optional. ROLLING: no dates. ANNUAL: opens "
        + "and deadline of one year's occurrence (less than a year apart), recurring yearly. Times are RFC 3339 with "
        + "offset and are returned with the offset sent.")
public record ApplicationWindow(
        @NotNull
        WindowKind kind,
        @Schema(description = "First moment applications are accepted", example = "2027-01-10T09:00:00+09:00")
        OffsetDateTime opens,
        @Schema(description = "Last moment applications are accepted (inclusive)", example = "2027-03-31T23:59:00+09:00")
        OffsetDateTime deadline) {
}
