package org.citycoop.twinning.arrangement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where an imported arrangement's record comes from.
 *
 * @param source the data set, in words
 * @param licence the licence of that data set
 */
@Schema(name = "Provenance", description = "Source and licence of an imported arrangement")
public record Provenance(
        @Schema(example = "English Wikipedia, lists of twin towns and sister cities (through github Hekman/twincities)")
        String source,
        @Schema(example = "CC BY-SA 4.0")
        String licence) {
}
