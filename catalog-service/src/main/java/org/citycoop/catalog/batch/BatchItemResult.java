package org.citycoop.catalog.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.citycoop.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * The answer for one item of a batch, in the order of the request.
 *
 * @param index position of the item in the request, from 0 (for NDJSON: the non-blank line, from 0)
 * @param ref the item's ref, or null when it had none
 * @param outcome created, updated, unchanged or rejected
 * @param id the scheme's id, unless rejected
 * @param version the scheme's version now (its ETag is this number quoted), unless rejected
 * @param problem why the item was rejected (RFC 9457 with the failing fields), only when rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BatchItemResult", description = "What the batch did with one item")
public record BatchItemResult(
        @Schema(description = "Position of the item in the request, from 0") int index,
        @Schema(description = "The item's ref, or absent when it had none") String ref,
        BatchOutcome outcome,
        @Schema(description = "The scheme's id, unless rejected") UUID id,
        @Schema(description = "The scheme's version now, unless rejected; the ETag is this number quoted") Long version,
        @Schema(description = "Only when rejected: the problem, as the single PUT would have answered it") Problem problem) {
}
