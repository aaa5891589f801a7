package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.TwinningStatus;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/twinnings/{id}/transitions}. */
@Schema(name = "TransitionRequest", description = "The status to move the arrangement to")
public record TransitionRequest(
        @Schema(description = "Target status; it must be allowed from the current one", example = "AGREED")
        @NotNull
        TwinningStatus to) {
}
