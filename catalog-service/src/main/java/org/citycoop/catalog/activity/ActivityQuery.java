package org.citycoop.catalog.activity;

import jakarta.ws.rs.QueryParam;
import org.citycoop.catalog.agency.AgencyRules;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.catalog.vocabulary.Vocabulary;
import org.citycoop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The filter parameters shared by {@code GET /v1/activities}, {@code GET /v1/activities:facets} and
 * {@code GET /v1/activities:export}, read as text so that each bad value is a 400 naming its parameter.
 */
public class ActivityQuery {

    @Parameter(description = "Agency id", example = "adb")
    @QueryParam("agency")
    String agency;

    @Parameter(description = "ISO 3166-1 alpha-2 recipient country", example = "ID")
    @QueryParam("country")
    String country;

    @Parameter(description = "IATI Region code (OECD DAC) of a recipient region", example = "798")
    @QueryParam("region")
    String region;

    @Parameter(description = "DAC 5-digit sector code (vocabulary 1)", example = "14050")
    @QueryParam("sector")
    String sector;

    @Parameter(description = "IATI ActivityStatus code", example = "2")
    @QueryParam("status")
    String status;

    @Parameter(description = "Activities not ended before this date (ISO 8601)", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("from")
    String from;

    @Parameter(description = "Activities started by this date (ISO 8601)", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("to")
    String to;

    /** The checked filter. */
    ActivityFilter filter(Vocabularies vocabularies) {
        ActivityFilter filter = new ActivityFilter(agencyId(agency), code(vocabularies, Vocabulary.COUNTRIES, "country", country),
                code(vocabularies, Vocabulary.REGIONS, "region", region), code(vocabularies, Vocabulary.SECTORS, "sector", sector),
                code(vocabularies, Vocabulary.ACTIVITY_STATUSES, "status", status), date("from", from), date("to", to));
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw ProblemException.badRequest("from", "must not be after to");
        }
        return filter;
    }

    static String code(Vocabularies vocabularies, Vocabulary vocabulary, String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (vocabularies.list(vocabulary).find(value).isEmpty()) {
            throw ProblemException.badRequest(parameter, "unknown " + vocabulary.label() + " code '" + value
                    + "'; the codes are listed at GET " + vocabulary.allowedListUrl());
        }
        return value;
    }

    private static String agencyId(String agency) {
        if (agency == null || agency.isEmpty()) {
            return null;
        }
        if (agency.length() > AgencyRules.ID_MAX_LENGTH || !agency.matches(AgencyRules.ID_PATTERN)) {
            throw ProblemException.badRequest("agency", "must be an agency id: a lower-case slug such as adb, got '" + agency + "'");
        }
        return agency;
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ProblemException.badRequest(parameter, "must be an ISO 8601 date such as 2015-01-01, got '" + value + "'");
    }
}
