package org.citycoop.twinning.suggestion;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a partner suggestion is scored on, with the weight of each (the weights sum to 1). */
@Schema(description = "EXPERTISE 0.30, TRACK_RECORD 0.30, EXISTING_TIES 0.10, DISTANCE 0.10, LANGUAGE 0.10, SIZE 0.10")
public enum Criterion {
    /** The candidate declares expertise in the challenge (and the needed sectors). */
    EXPERTISE(0.30),
    /** Active or completed arrangements of the candidate in the theme, with achieved outcomes. */
    TRACK_RECORD(0.30),
    /** Arrangements that already tie the two cities. */
    EXISTING_TIES(0.10),
    /** Great-circle distance between the cities. */
    DISTANCE(0.10),
    /** A language both countries use (CLDR, see {@link CountryLanguages}). */
    LANGUAGE(0.10),
    /** Population of the smaller city over the larger one's. */
    SIZE(0.10);

    private final double weight;

    Criterion(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
