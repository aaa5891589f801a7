package org.citycoop.matching.scoring;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The criteria of a match, named in the API by their camelCase key. Hard criteria decide eligibility; soft
 * criteria are weighted into the score (weights add up to 1).
 */
public enum Criterion {
    RELEVANCE("relevance", 0),
    APPLICANT_TYPE("applicantType", 0),
    COUNTRY("country", 0),
    STATUS("status", 0),
    DEADLINE("deadline", 0),
    PARTNER_CITY("partnerCity", 0),
    CHALLENGES("challenges", 0.35),
    SUPPORT_TYPES("supportTypes", 0.20),
    BUDGET("budget", 0.15),
    SECTORS("sectors", 0.10),
    CO_FINANCING("coFinancing", 0.05),
    LANGUAGE("language", 0.05),
    TRACK_RECORD("trackRecord", 0.10);

    private final String key;
    private final double weight;

    Criterion(String key, double weight) {
        this.key = key;
        this.weight = weight;
    }

    /** The name in the API, for example {@code partnerCity}. */
    @JsonValue
    public String key() {
        return key;
    }

    /** The weight of a soft criterion in the score; 0 for a hard criterion. */
    public double weight() {
        return weight;
    }

    public boolean isHard() {
        return weight == 0;
    }
}
