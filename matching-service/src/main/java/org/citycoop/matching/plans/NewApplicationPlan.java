package org.citycoop.matching.plans;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/needs/{id}/applications}: the chosen scheme. */
@Schema(name = "NewApplicationPlan")
public record NewApplicationPlan(
        @Schema(description = "The catalogue's id of the chosen scheme (from the need's matches)", required = true,
                example = "0b6f3f7e-2d4c-4a8e-bb1e-5c8f1a2d9e10")
        @NotBlank String schemeId) {
}
