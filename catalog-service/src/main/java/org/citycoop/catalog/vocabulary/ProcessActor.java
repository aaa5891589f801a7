package org.citycoop.catalog.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who carries out one step of an application process. */
@Schema(description = "Who carries out the step: CITY (the applicant city), NATIONAL_GOVERNMENT, AGENCY, PARTNER_CITY "
        + "(the partner city in the donor country), OTHER")
public enum ProcessActor {
    /** The applicant city. */
    CITY,
    /** The applicant's national government. */
    NATIONAL_GOVERNMENT,
    /** The agency offering the scheme. */
    AGENCY,
    /** The partner city in the donor country. */
    PARTNER_CITY,
    /** Anyone else. */
    OTHER
}
