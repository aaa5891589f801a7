package org.citycoop.catalog.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/**
 * The code lists that catalog data is checked against, each an IATI Standard codelist shipped in
 * {@code src/main/resources/vocabularies/iati/} and served at {@code GET /v1/vocabularies/{name}}.
 */
public enum Vocabulary {

    /** OECD DAC 5-digit purpose codes (IATI codelist Sector). */
    SECTORS("sectors", "Sector", "DAC 5-digit sector"),
    /** IATI codelist FinanceType (grant, loan, ...). */
    FINANCE_TYPES("finance-types", "FinanceType", "IATI finance type"),
    /** IATI codelist AidType (budget support, project-type interventions, technical assistance, ...). */
    AID_TYPES("aid-types", "AidType", "IATI aid type"),
    /** IATI codelist OrganisationType (government, local government, multilateral, ...). */
    ORGANISATION_TYPES("organisation-types", "OrganisationType", "IATI organisation type"),
    /** OECD DAC recipient regions (IATI codelist Region). */
    REGIONS("regions", "Region", "IATI region"),
    /** ISO 3166-1 alpha-2 country codes (IATI codelist Country). */
    COUNTRIES("countries", "Country", "ISO 3166-1 alpha-2 country"),
    /** ISO 4217 currency codes (IATI codelist Currency). */
    CURRENCIES("currencies", "Currency", "ISO 4217 currency"),
    /** IATI codelist ActivityStatus (pipeline, implementation, finalisation, closed, cancelled, suspended). */
    ACTIVITY_STATUSES("activity-statuses", "ActivityStatus", "IATI activity status"),
    /** IATI codelist FlowType (ODA, OOF, ...). */
    FLOW_TYPES("flow-types", "FlowType", "IATI flow type"),
    /** IATI codelist OrganisationRole (funding, accountable, extending, implementing). */
    ORGANISATION_ROLES("organisation-roles", "OrganisationRole", "IATI organisation role");

    private final String pathName;
    private final String iatiCodelist;
    private final String label;

    Vocabulary(String pathName, String iatiCodelist, String label) {
        this.pathName = pathName;
        this.iatiCodelist = iatiCodelist;
        this.label = label;
    }

    /** The name in {@code /v1/vocabularies/{name}}, for example {@code sectors}. */
    public String pathName() {
        return pathName;
    }

    /** The IATI codelist's name, which is also the name of its CSV file. */
    public String iatiCodelist() {
        return iatiCodelist;
    }

    /** What one code of this list is, for error messages: {@code "DAC 5-digit sector"}. */
    public String label() {
        return label;
    }

    /** The relative URL that lists the allowed codes. */
    public String allowedListUrl() {
        return "/v1/vocabularies/" + pathName;
    }

    /** Classpath resource of the CSV file: the sectors and currencies the other services check too ship in the platform. */
    String resource() {
        return this == SECTORS || this == CURRENCIES ? "data/iati/" + iatiCodelist + ".csv" : "vocabularies/iati/" + iatiCodelist + ".csv";
    }

    public static Optional<Vocabulary> byPathName(String pathName) {
        return Arrays.stream(values()).filter(v -> v.pathName.equals(pathName)).findFirst();
    }
}
