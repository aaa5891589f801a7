package org.citycoop.matching.vocabulary;

/**
 * Who acts in a step of a scheme's application process. The steps of {@code CITY}, {@code NATIONAL_GOVERNMENT}
 * and {@code PARTNER_CITY} happen before a deadline; the agency's own steps (selection, approval) come after it.
 */
public enum StepActor {
    CITY, NATIONAL_GOVERNMENT, PARTNER_CITY, AGENCY;

    /** True for the applicant's side, whose work must be done before the deadline. */
    public boolean isApplicantSide() {
        return this != AGENCY;
    }
}
