package org.citycoop.catalog.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * What an import did: counts, and one item per activity of the file in file order.
 *
 * @param version the file's IATI version
 */
@Schema(name = "IatiImportReport", description = "What an IATI activity file import did")
public record ImportReport(
        @Schema(description = "The file's IATI version", example = "2.03") String version,
        @Schema(description = "Activities read") int activities,
        int created, int updated, int unchanged, int rejected,
        @Schema(description = "One per activity of the file, in file order") List<Item> items) {

    /** What happened to one activity. */
    public enum Outcome {
        /** New in the catalogue: version 1, event published. */
        CREATED,
        /** Changed: next version, event published. */
        UPDATED,
        /** The same content again, or older than the stored copy (by last-updated-datetime): nothing stored, no event. */
        UNCHANGED,
        /** Not stored: see the reasons. */
        REJECTED
    }

    /**
     * One activity of the file.
     *
     * @param position its place in the file, from 1
     * @param iatiIdentifier as published (null when missing)
     * @param id the catalogue's id of the activity (null when rejected)
     * @param reasons why it was rejected
     * @param warnings what was noticed without rejecting it
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "IatiImportItem")
    public record Item(int position, String iatiIdentifier, Outcome outcome, UUID id, Long version, List<String> reasons,
                       List<String> warnings) {
    }
}
