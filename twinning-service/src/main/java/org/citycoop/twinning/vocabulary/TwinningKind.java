package org.citycoop.twinning.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What kind of tie an arrangement is. */
@Schema(description = "SISTER_CITY: formal, open-ended sister-city (twin town) agreement; TECHNICAL_COOPERATION: "
        + "a mentor city transfers know-how or technology on a defined theme; KNOWLEDGE_EXCHANGE: peer learning "
        + "(visits, study tours, shared training) without a mentor role; FRIENDSHIP: a friendship-city tie, looser "
        + "than a sister-city agreement")
public enum TwinningKind {
    /**
     * A formal sister-city (twin town) agreement between the cities' governments, usually open-ended and
     * covering culture, trade and administration (what Wikidata records as P190 "twinned administrative body").
     */
    SISTER_CITY,
    /**
     * City-to-city technical cooperation: a mentor city transfers know-how or technology to a partner city
     * on defined themes, often with agency funding (the seminar's twinning for capacity building).
     */
    TECHNICAL_COOPERATION,
    /** Peer learning between cities (visits, study tours, shared training) without a mentor role. */
    KNOWLEDGE_EXCHANGE,
    /** A friendship-city tie: goodwill and exchanges, less formal than a sister-city agreement. */
    FRIENDSHIP
}
