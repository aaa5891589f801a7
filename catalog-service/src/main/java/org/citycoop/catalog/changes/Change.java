package org.citycoop.catalog.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** One entry of the change feed. */
@Schema(name = "CatalogChange")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(
        @Schema(description = "Position in the feed; increases with every change, in commit order") long seq,
        @Schema(description = "What changed") ChangeSubject kind,
        @Schema(description = "Id of the agency or scheme (a scheme's UUID)") String id,
        @Schema(description = "The agency (for an agency change, its own id)") String agencyId,
        @Schema(description = "The scheme's reference at its agency; absent for an agency change") String ref,
        @Schema(description = "How it changed") ChangeType change,
        @Schema(description = "The resource's version after the change") long version,
        @Schema(description = "When the change was made (RFC 3339, UTC)") OffsetDateTime changedAt,
        @Schema(description = "Relative URL of the resource's current state") String href) {
}
