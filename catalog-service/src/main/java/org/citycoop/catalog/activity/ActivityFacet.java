package org.citycoop.catalog.activity;

import java.util.Arrays;
import java.util.List;

/** The fields {@code GET /v1/activities:facets} counts, by the name of their filter parameter. */
enum ActivityFacet {
    AGENCY("agency", "ARRAY[agency_id]"),
    /** Recipient countries. */
    COUNTRY("country", "countries"),
    /** Recipient regions of vocabulary 1 (OECD DAC), as the region filter reads them. */
    REGION("region", "regions"),
    /** DAC 5-digit sectors (vocabulary 1), as the sector filter reads them. */
    SECTOR("sector", "sectors"),
    STATUS("status", "ARRAY[status]");

    static final List<String> NAMES = Arrays.stream(values()).map(ActivityFacet::parameter).toList();

    private final String parameter;
    /** The facet's values on an activity row, as an array ({@link org.citycoop.platform.paging.Facets#sql}). */
    private final String value;

    ActivityFacet(String parameter, String value) {
        this.parameter = parameter;
        this.value = value;
    }

    String parameter() {
        return parameter;
    }

    String value() {
        return value;
    }

    static ActivityFacet byParameter(String name) {
        return Arrays.stream(values()).filter(f -> f.parameter.equals(name)).findFirst().orElseThrow();
    }
}
