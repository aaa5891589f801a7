package org.citycoop.matching.plans;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/needs/{id}/applications/{planId}/steps/{n}}. */
@Schema(name = "StepUpdate")
public record StepUpdate(@Schema(description = "true to mark the step done, false to reopen it", required = true)
                         @NotNull Boolean done) {
}
