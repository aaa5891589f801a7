package org.citycoop.catalog.scheme;

import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The amounts a scheme gives per application.
 *
 * @param min smallest amount, or null when not stated
 * @param max largest amount, or null when not stated; not below {@code min} when in the same currency
 */
@Schema(description = "Amount per application; either bound may be null (not stated). min <= max when both have the same currency.")
public record FundingRange(@Valid Money min, @Valid Money max) {
}
