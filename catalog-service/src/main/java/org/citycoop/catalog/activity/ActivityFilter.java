package org.citycoop.catalog.activity;

import java.time.LocalDate;

/**
 * Which activities a list shows; each null field does not filter.
 *
 * @param agency the agency's id
 * @param country a recipient-country code
 * @param region a recipient-region code (OECD DAC)
 * @param sector a DAC 5-digit sector code (vocabulary 1)
 * @param status an IATI ActivityStatus code
 * @param from activities not ended before this date (by their actual end, else planned)
 * @param to activities started by this date (by their actual start, else planned)
 */
public record ActivityFilter(String agency, String country, String region, String sector, String status, LocalDate from, LocalDate to) {

    /** This filter without the field {@code facet} counts by: a facet is counted with every other filter. */
    ActivityFilter without(ActivityFacet facet) {
        return switch (facet) {
            case AGENCY -> new ActivityFilter(null, country, region, sector, status, from, to);
            case COUNTRY -> new ActivityFilter(agency, null, region, sector, status, from, to);
            case REGION -> new ActivityFilter(agency, country, null, sector, status, from, to);
            case SECTOR -> new ActivityFilter(agency, country, region, null, status, from, to);
            case STATUS -> new ActivityFilter(agency, country, region, sector, null, from, to);
        };
    }
}
