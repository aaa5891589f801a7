package org.citycoop.matching.vocabulary;

/**
 * Who acts in a step of a scheme's application process (the catalogue's list). The steps of {@code CITY},
 * {@code NATIONAL_GOVERNMENT} and {@code PARTNER_CITY} happen before a deadline; the agency's own steps
 * (selection, approval) come after it.
 */
public enum StepActor {
    CITY, NATIONAL_GOVERNMENT, AGENCY, PARTNER_CITY, OTHER;

    /** True for the applicant's side (city, national government, partner city), whose work precedes the deadline. */
    public boolean isApplicantSide() {
        return this == CITY || this == NATIONAL_GOVERNMENT || this == PARTNER_CITY;
    }
}
