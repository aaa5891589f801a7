package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.ActivityType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The body of {@code PUT /v1/twinnings/{id}/activities/{ref}}. {@link ContentRules} checks the dates and
 * that participants' cities belong to the arrangement.
 */
@Schema(name = "ActivityRequest", description = "An activity to record (or replace) under its ref")
public record ActivityRequest(
        @NotNull
        ActivityType type,
        @Schema(maxLength = 300, example = "Field missions and expert dispatch")
        @NotBlank @Size(max = 300)
        String title,
        @Schema(description = "ISO 8601 date of reduced precision it began; null when unknown", nullable = true)
        String start,
        @Schema(description = "ISO 8601 date of reduced precision it ended; null when unknown or running", nullable = true)
        String end,
        @Schema(description = "Who took part (at most 20 groups); may be empty")
        @Size(max = 20)
        List<@NotNull @Valid Participants> participants,
        @Schema(maxLength = 4000, nullable = true)
        @Size(max = 4000)
        String description) {

    /** A group of participants, as the client sends it. */
    @Schema(name = "ActivityParticipantRequest")
    public record Participants(
            @Schema(description = "GeoNames id of one of the arrangement's cities; null when none", nullable = true)
            String cityId,
            @Schema(maxLength = 300, example = "experts of the City of Kitakyushu")
            @NotBlank @Size(max = 300)
            String description,
            @Schema(description = "Number of people, at least 1; null when unknown", nullable = true)
            @Positive
            Integer count) {
    }

    /** The stored activity under {@code ref}. */
    public Activity toActivity(String ref) {
        List<Activity.ActivityParticipant> groups = participants == null ? List.of() : participants.stream()
                .map(p -> new Activity.ActivityParticipant(p.cityId(), p.description().strip(), p.count())).toList();
        return new Activity(ref, type, title.strip(), start, end, groups, description);
    }
}
