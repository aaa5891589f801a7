package org.citycoop.twinning.city;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A name of a city in another language or script (table {@code city_alternate_name}).
 *
 * @param name the name as written, such as 北九州市
 * @param lang BCP 47 language tag, such as {@code ja} or {@code zh-Hans}, or null when unknown
 */
@Schema(name = "AlternateName", description = "A name in another language or script")
public record AlternateName(
        @Schema(example = "北九州市", maxLength = 200)
        @NotBlank @Size(max = 200)
        String name,
        @Schema(description = "BCP 47 language tag", example = "ja", nullable = true)
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,15}", message = "must be a BCP 47 language tag such as ja or zh-Hans")
        String lang) {
}
