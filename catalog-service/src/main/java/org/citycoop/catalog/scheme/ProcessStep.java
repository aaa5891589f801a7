package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.ProcessActor;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One step of the application process, in order.
 *
 * @param title what happens, for example "Expression of interest"
 * @param actor who does it
 * @param typicalDays how long it usually takes, in calendar days, or null when unknown
 */
@Schema(description = "One step of the application process")
public record ProcessStep(
        @NotBlank @Size(max = 300)
        @Schema(description = "What happens", example = "Expression of interest")
        String title,
        @NotNull
        @Schema(description = "Who does it")
        ProcessActor actor,
        @PositiveOrZero
        @Schema(description = "Usual duration in calendar days; null when unknown", example = "14", minimum = "0")
        Integer typicalDays) {
}
