package org.citycoop.catalog.scheme;

import java.util.Arrays;

/** The fields {@code GET /v1/schemes:facets} counts, by the name of their search parameter. */
public enum SchemeFacet {
    CHALLENGE("challenge"),
    SUPPORT_TYPE("supportType"),
    SECTOR("sector"),
    FINANCE_TYPE("financeType"),
    AID_TYPE("aidType"),
    APPLICANT_TYPE("applicantType"),
    /** Counts the countries schemes list in eligibleCountries (schemes open everywhere are not counted per country). */
    COUNTRY("country"),
    REGION("region"),
    AGENCY("agency"),
    STATUS("status");

    private final String parameter;

    SchemeFacet(String parameter) {
        this.parameter = parameter;
    }

    /** The name used in {@code facets=} and in the answer: the search parameter's name. */
    public String parameter() {
        return parameter;
    }

    /** The facet named {@code name}, one of the {@link #parameter()}s. */
    static SchemeFacet byParameter(String name) {
        return Arrays.stream(values()).filter(f -> f.parameter.equals(name)).findFirst().orElseThrow();
    }
}
