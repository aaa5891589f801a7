package org.citycoop.twinning.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What kind of work an activity of an arrangement is. */
@Schema(description = "EXCHANGE_VISIT: officials of one city visit the other; TRAINING: courses or on-the-job training; "
        + "EXPERT_DISPATCH: experts of the mentor city sent to work in the partner city; PILOT_PROJECT: a demonstration "
        + "in the partner city; STUDY: a feasibility, development or planning study")
public enum ActivityType {
    /** Officials or practitioners of one city visit the other (study tours, field missions). */
    EXCHANGE_VISIT,
    /** Courses, workshops or on-the-job training. */
    TRAINING,
    /** Experts of one city (usually the mentor) sent to work in the other. */
    EXPERT_DISPATCH,
    /** A demonstration or pilot in the partner city (for example community composting). */
    PILOT_PROJECT,
    /** A feasibility, development or planning study (for example a JICA development study). */
    STUDY
}
