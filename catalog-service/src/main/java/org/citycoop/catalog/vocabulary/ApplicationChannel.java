package org.citycoop.catalog.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an application reaches the agency: the seminar found that most agencies talk to national governments. */
@Schema(description = "How an application reaches the agency. DIRECT: the applicant applies to the agency itself. "
        + "THROUGH_NATIONAL_GOVERNMENT: the request goes through, or needs the endorsement of, the national government "
        + "(for example a GEF Operational Focal Point, or nomination for JICA training). THROUGH_AGENCY_STAFF: the "
        + "agency's own staff prepare and submit the proposal with the applicant (for example a World Bank task team "
        + "for the Japan Social Development Fund). THROUGH_IMPLEMENTING_AGENCY: an accredited implementing agency "
        + "applies on the applicant's behalf (for example a GEF agency). THROUGH_PARTNER_LOCAL_GOVERNMENT: a local "
        + "government of the donor country proposes, with the applicant as its counterpart (for example the JICA "
        + "Partnership Program, local government type).")
public enum ApplicationChannel {
    /** The applicant applies to the agency itself. */
    DIRECT,
    /** The request goes through, or needs the endorsement of, the applicant's national government. */
    THROUGH_NATIONAL_GOVERNMENT,
    /** The agency's own staff prepare and submit the proposal together with the applicant. */
    THROUGH_AGENCY_STAFF,
    /** An accredited implementing agency applies on the applicant's behalf. */
    THROUGH_IMPLEMENTING_AGENCY,
    /** A local government in the donor country proposes, with the applicant as its counterpart city. */
    THROUGH_PARTNER_LOCAL_GOVERNMENT
}
