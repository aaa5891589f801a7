package org.citycoop.catalog.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The kind of support a scheme gives. */
@Schema(description = "Kind of support: FINANCIAL (grant), LOAN (concessional or other loan), TECHNICAL (technical "
        + "assistance, expert studies), TRAINING (courses, secondments), INFORMATION (databases, networks, knowledge "
        + "exchange), OTHER")
public enum SupportType {
    /** A financial grant. */
    FINANCIAL,
    /** A loan, concessional or not. */
    LOAN,
    /** Technical assistance: experts, studies, project preparation. */
    TECHNICAL,
    /** Training courses, secondments of officials. */
    TRAINING,
    /** Information: technology databases, networks, knowledge exchange. */
    INFORMATION,
    /** Anything else. */
    OTHER
}
