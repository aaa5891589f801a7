package org.citycoop.catalog.activity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * What the catalogue keeps of an agency's IATI organisation file: its budgets, in total and per recipient country
 * and region, as published (amounts as decimal strings in their currency, never converted).
 */
@Schema(name = "IatiOrganisation", description = "An agency's budgets from its IATI organisation file")
public record OrganisationBudgets(
        @Schema(description = "organisation-identifier", example = "XM-DAC-46004") String organisationIdentifier,
        @Schema(description = "name, by language") Map<String, String> names,
        @Schema(description = "last-updated-datetime as published") String lastUpdated,
        @Schema(description = "total-budget") List<Budget> totalBudgets,
        @Schema(description = "recipient-country-budget; code: ISO 3166-1 alpha-2") List<Budget> countryBudgets,
        @Schema(description = "recipient-region-budget; code: IATI Region (vocabulary 1) or the given vocabulary's") List<Budget> regionBudgets) {

    /**
     * One budget: for whom (country or region code, null for the total), its status (1 indicative, 2 committed),
     * period and value.
     */
    public record Budget(String code, String vocabulary, String status, String periodStart, String periodEnd,
                         ActivityContent.Value value) {
    }
}
