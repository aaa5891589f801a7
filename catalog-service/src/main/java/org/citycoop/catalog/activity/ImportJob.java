package org.citycoop.catalog.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.citycoop.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An import of an IATI activity file that runs after its request was answered: its state and progress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "IatiImport", description = "An IATI activity file import running in the background, and how far it got")
public record ImportJob(
        UUID id,
        @Schema(example = "adb") String agencyId,
        State state,
        @Schema(description = "Bytes of the file read so far") long bytesRead,
        @Schema(description = "Size of the file in bytes") long bytesTotal,
        @Schema(description = "Activities read so far") int activities,
        int created, int updated, int unchanged, int rejected,
        @Schema(description = "What the import did, once SUCCEEDED (as the synchronous import answers it)") ImportReport report,
        @Schema(description = "Why the file was refused, once FAILED: nothing of it was stored") Problem problem,
        Instant createdAt,
        Instant updatedAt) {

    /** Where an import is. */
    public enum State {
        /** Received, waiting for a worker. */
        QUEUED,
        /** Being read; the counts grow. */
        RUNNING,
        /** Read to its end and stored: see the report. */
        SUCCEEDED,
        /** Refused, or stopped: nothing stored; see the problem. */
        FAILED
    }
}
