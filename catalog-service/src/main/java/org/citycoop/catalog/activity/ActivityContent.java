package org.citycoop.catalog.activity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * What the catalogue keeps of one IATI activity, as its file published it (codes, dates and amounts as written;
 * amounts and percentages as decimal strings, dates as ISO 8601 dates, never converted). Texts are by language
 * ({@code xml:lang} of each narrative).
 */
@Schema(name = "ActivityContent", description = "An IATI activity as published (IATI Activity Standard 2.0x)")
public record ActivityContent(
        @Schema(description = "iati-identifier", example = "XM-DAC-46004-47274-002-LN3015") String iatiIdentifier,
        @Schema(description = "reporting-org") Organisation reportingOrg,
        @Schema(description = "title, by language") Map<String, String> titles,
        @Schema(description = "General descriptions (type 1, or without type), by language") Map<String, String> descriptions,
        @Schema(description = "activity-status/@code (IATI ActivityStatus)", example = "2") String status,
        @Schema(description = "activity-date values") Dates dates,
        @Schema(description = "recipient-country, with percentages as published") List<Share> recipientCountries,
        @Schema(description = "recipient-region, with vocabulary (1 = OECD DAC) and percentages") List<Share> recipientRegions,
        @Schema(description = "sector; vocabulary 1 = DAC 5-digit purpose codes, the only one used for matching") List<Share> sectors,
        @Schema(description = "default-finance-type/@code (IATI FinanceType)", example = "421") String financeType,
        @Schema(description = "default-aid-type codes with their vocabulary") List<Coded> aidTypes,
        @Schema(description = "default-flow-type/@code (IATI FlowType)", example = "10") String flowType,
        @Schema(description = "The activity's default-currency (ISO 4217)", example = "USD") String defaultCurrency,
        @Schema(description = "participating-org") List<Participant> participatingOrgs,
        @Schema(description = "budget") List<Budget> budgets,
        @Schema(description = "The sum of the commitment transactions (transaction-type 2) per currency, never converted; "
                + "the transactions themselves are not kept") List<Amount> committed,
        @Schema(description = "document-link") List<DocumentLink> documentLinks,
        @Schema(description = "The humanitarian flag") boolean humanitarian,
        @Schema(description = "last-updated-datetime as published", example = "2026-09-30T00:00:00Z") String lastUpdated) {

    /** An organisation named in the file: its identifier (if given), IATI OrganisationType and names by language. */
    public record Organisation(String ref, String type, Map<String, String> names) {
    }

    /** A participating organisation with its IATI OrganisationRole. */
    public record Participant(String ref, String role, String type, Map<String, String> names) {
    }

    /** A code with its vocabulary (null where the standard's default applies) and percentage (decimal string or null). */
    public record Share(String code, String vocabulary, String percentage) {
    }

    /** A code of a list with vocabularies. */
    public record Coded(String code, String vocabulary) {
    }

    /** Planned and actual start and end dates (ISO 8601 dates), each null when not published. */
    public record Dates(String plannedStart, String actualStart, String plannedEnd, String actualEnd) {

        /** The start that happened, else the planned one. */
        public String start() {
            return actualStart != null ? actualStart : plannedStart;
        }

        /** The end that happened, else the planned one. */
        public String end() {
            return actualEnd != null ? actualEnd : plannedEnd;
        }
    }

    /** A budget: type (1 original, 2 revised), status (1 indicative, 2 committed), period, value. */
    public record Budget(String type, String status, String periodStart, String periodEnd, Value value) {
    }

    /** An amount as published, in its currency (the budget's, else the activity's default; null when neither). */
    public record Value(String amount, String currency, String valueDate) {
    }

    /** An amount (decimal string) in an ISO 4217 currency (null when the file gives none). */
    public record Amount(String amount, String currency) {
    }

    /** A document link: URL, format (MIME type), titles by language and IATI DocumentCategory codes. */
    public record DocumentLink(String url, String format, Map<String, String> titles, List<String> categories) {
    }
}
