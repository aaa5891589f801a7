package org.citycoop.catalog.scheme;

import java.util.List;

/**
 * The filters of {@code GET /v1/schemes}, parsed; empty lists and nulls filter nothing. Repeated values
 * of one filter mean "any of".
 *
 * @param challengeAreas schemes addressing any of these areas
 * @param supportTypes schemes giving any of these kinds of support
 * @param country schemes open to applicants of this country (those with no country restriction included)
 * @param applicantTypes schemes open to any of these applicant types (schemes open to ANY included)
 * @param statuses schemes whose status, now, is any of these
 * @param agencyId schemes of this agency
 * @param text a case-insensitive substring of a name or description, in any language
 */
record SchemeFilter(List<ChallengeArea> challengeAreas, List<SupportType> supportTypes, String country,
                    List<ApplicantType> applicantTypes, List<SchemeStatus> statuses, String agencyId, String text) {
}
