package org.citycoop.twinning.sistercity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run of the sister-city import did.
 *
 * @param ranAt when it ran
 * @param rowsRead pairs read, per file
 * @param endsResolved ends resolved, per method (GEONAMES_ID, NAME_AND_COUNTRY, NAME_COUNTRY_AND_COORDINATES)
 * @param pairsResolved pairs with both ends resolved to two different cities
 * @param duplicatesMerged resolved pairs that repeat an earlier one (listed twice, or in both directions)
 * @param created arrangements this run created
 * @param alreadyHeld distinct pairs the registry held already (an earlier import, or a SISTER_CITY arrangement
 *     created through the API)
 * @param unresolvedPairs pairs left out because an end could not be resolved, or both ends are the same city
 * @param unresolved every pair left out, with the reason
 */
@Schema(name = "SisterCityImportReport", description = "What the sister-city import did and what it could not resolve")
public record SisterCityImportReport(
        Instant ranAt,
        Map<String, Integer> rowsRead,
        Map<String, Integer> endsResolved,
        int pairsResolved,
        int duplicatesMerged,
        int created,
        int alreadyHeld,
        int unresolvedPairs,
        List<Unresolved> unresolved) {

    /**
     * A pair the import left out.
     *
     * @param file the source file
     * @param line its line in the file (the header is line 1)
     * @param pair the pair as the source gives it ("Fier (AL) - Lanzhou (CN)")
     * @param reason why, per end
     */
    @Schema(name = "UnresolvedSisterCityPair")
    public record Unresolved(String file, long line, String pair, String reason) {
    }
}
