package org.citycoop.twinning.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The part a city plays in an arrangement. */
@Schema(description = "MENTOR: the city that shares its experience; PARTNER: a city that learns or cooperates as a peer")
public enum CityRole {
    /** Shares its experience, know-how or technology. */
    MENTOR,
    /** Learns from a mentor, or cooperates as a peer (every city of a sister-city pair is a partner). */
    PARTNER
}
