package org.citycoop.finder.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import org.citycoop.finder.web.Formats;
import org.citycoop.finder.web.Views;

/** The agencies page's entries. */
public final class AgencyViews {

    private AgencyViews() {
    }

    /** An agency: who it is, where it is based, how to reach it, how many schemes the catalogue lists. */
    public record AgencySummary(String id, String name, String country, String website, String contact, String schemeCount) {
    }

    public static AgencySummary summary(JsonNode agency, long schemes, Formats formats) {
        return new AgencySummary(agency.path("id").asText(), Views.displayName(agency), formats.country(agency.path("country").asText("")),
                agency.path("website").asText(""), agency.path("contact").asText(""), formats.number(schemes));
    }
}
