package org.citycoop.catalog.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who may apply to a scheme. */
@Schema(description = "Who may apply: LOCAL_GOVERNMENT, NATIONAL_GOVERNMENT, NGO, ACADEMIC (universities, research "
        + "institutes), PRIVATE (companies), ANY (no restriction; matches every applicant type in filters)")
public enum ApplicantType {
    /** A local (sub-national) government. */
    LOCAL_GOVERNMENT,
    /** A national government or its ministries. */
    NATIONAL_GOVERNMENT,
    /** A non-governmental or community organisation. */
    NGO,
    /** A university or research institute. */
    ACADEMIC,
    /** A private company. */
    PRIVATE,
    /** Anyone. */
    ANY;

    /**
     * The types a scheme may list to be open to an applicant of this type: this type itself and ANY. The
     * {@code applicantType} filter and facet both read it.
     */
    public java.util.List<ApplicantType> listedFor() {
        return this == ANY ? java.util.List.of(ANY) : java.util.List.of(this, ANY);
    }
}
