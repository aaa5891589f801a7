package org.citycoop.matching.needs;

import org.citycoop.matching.scoring.NeedsProfile;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A saved needs profile.
 *
 * @param id its id
 * @param name what the city calls it
 * @param createdBy the principal that saved it ({@code anonymous} without authentication)
 * @param profile the needs, as {@code POST /v1/matches} takes them
 * @param version grows by one with each update (the ETag)
 * @param createdAt when it was saved
 * @param updatedAt when it last changed
 */
@Schema(name = "Need", description = "A saved needs profile")
public record Need(
        @Schema(example = "3f1c2a9e-7b44-4d7e-9a4e-2f6a0c1d8b55") UUID id,
        @Schema(example = "Kitakyushu-style waste programme") String name,
        @Schema(description = "Principal that saved it (the JWT subject), `anonymous` without authentication", example = "anonymous")
        String createdBy,
        NeedsProfile profile,
        @Schema(description = "Grows by one with each update; the ETag", example = "1") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
