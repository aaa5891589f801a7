package org.citycoop.catalog.history;

import org.citycoop.catalog.changes.ChangeType;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** One version of a scheme in its history, with what changed from the version before. */
@Schema(name = "SchemeChange", description = "A version of a scheme and what differs from the previous version. "
        + "changedBy names who made it.")
public record SchemeChange(
        @Schema(description = "The version this change made", example = "2") long version,
        @Schema(description = "When the change was stored (UTC)") OffsetDateTime changedAt,
        @Schema(description = "What made the version") ChangeType change,
        @Schema(description = "Who made the change: the authenticated principal (a token's subject), \"anonymous\" for an "
                + "unauthenticated request, null for versions stored before this was recorded", nullable = true, example = "anonymous")
        String changedBy,
        @Schema(description = "Leaf fields that differ from the previous version; empty for the first recorded version")
        List<FieldDifference> differences) {

    /** A field that differs between two consecutive versions. */
    @Schema(name = "FieldDifference", description = "A changed leaf field; values as text, null where the field was absent or null")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldDifference(
            @Schema(description = "Path of the field: dots between names, [index] in arrays", example = "fundingRange.max.amount")
            String field,
            @Schema(description = "Value before, as text; null when the field was added", nullable = true, example = "90000")
            String before,
            @Schema(description = "Value after, as text; null when the field was removed", nullable = true, example = "120000")
            String after) {
    }
}
