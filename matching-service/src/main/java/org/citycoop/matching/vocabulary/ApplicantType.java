package org.citycoop.matching.vocabulary;

/** Who may apply for a scheme; {@code ANY} in a scheme's list admits every applicant type. */
public enum ApplicantType {
    LOCAL_GOVERNMENT, NATIONAL_GOVERNMENT, NGO, ACADEMIC, PRIVATE, ANY
}
