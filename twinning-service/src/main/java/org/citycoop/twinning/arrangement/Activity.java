package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.ActivityType;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One activity of an arrangement, as stored (JSON column {@code twinning_arrangement.activities}), returned
 * and carried by the events.
 *
 * @param ref the client's key of the activity within the arrangement (the last path segment of its PUT)
 * @param type what kind of work it is
 * @param title short title
 * @param start ISO 8601 date of reduced precision it began, or null when unknown
 * @param end ISO 8601 date of reduced precision it ended, or null when unknown or still running
 * @param participants who took part, possibly empty
 * @param description plain text, or null
 */
@Schema(name = "Activity", description = "An activity of a twinning arrangement")
public record Activity(
        @Schema(description = "Key of the activity within the arrangement (letters, digits, '-', '_')", example = "field-missions")
        String ref,
        ActivityType type,
        @Schema(example = "Field missions and expert dispatch")
        String title,
        @Schema(description = "ISO 8601 date of reduced precision (YYYY, YYYY-MM, YYYY-MM-DD) it began; null when unknown",
                nullable = true, example = "1981")
        String start,
        @Schema(description = "ISO 8601 date of reduced precision it ended; null when unknown or still running",
                nullable = true, example = "2000")
        String end,
        @Schema(description = "Who took part")
        List<ActivityParticipant> participants,
        @Schema(nullable = true)
        String description) {

    /**
     * A group of people that took part in an activity.
     *
     * @param cityId the GeoNames id of the arrangement's city they came from, or null (for example an agency's experts)
     * @param description who they were, in plain text
     * @param count how many people, or null when the source gives no number
     */
    @Schema(name = "ActivityParticipant", description = "A group of people that took part in an activity")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ActivityParticipant(
            @Schema(description = "GeoNames id of one of the arrangement's cities they came from; null when none",
                    nullable = true, example = "1859307")
            String cityId,
            @Schema(description = "Who they were", example = "experts of the City of Kitakyushu")
            String description,
            @Schema(description = "Number of people; null when unknown", nullable = true, example = "67", minimum = "1")
            Integer count) {
    }
}
