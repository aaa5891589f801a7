package org.citycoop.catalog.activity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An agency's IATI activity as the API shows it and as {@code catalog.activities} events carry it. */
@Schema(name = "Activity", description = "An IATI activity of an agency, as its IATI file published it")
public record ActivityView(
        @Schema(description = "Id given by the catalogue") UUID id,
        @Schema(description = "The agency whose file it came from", example = "adb") String agencyId,
        @Schema(description = "iati-identifier", example = "XM-DAC-46004-47274-002-LN3015") String iatiIdentifier,
        @Schema(description = "reporting-org") ActivityContent.Organisation reportingOrg,
        @Schema(description = "title, by language") Map<String, String> titles,
        @Schema(description = "General descriptions, by language") Map<String, String> descriptions,
        @Schema(description = "IATI ActivityStatus code (GET /v1/vocabularies/activity-statuses)", example = "2") String status,
        ActivityContent.Dates dates,
        List<ActivityContent.Share> recipientCountries,
        List<ActivityContent.Share> recipientRegions,
        List<ActivityContent.Share> sectors,
        @Schema(description = "IATI FinanceType code") String financeType,
        List<ActivityContent.Coded> aidTypes,
        @Schema(description = "IATI FlowType code") String flowType,
        @Schema(description = "ISO 4217") String defaultCurrency,
        List<ActivityContent.Participant> participatingOrgs,
        List<ActivityContent.Budget> budgets,
        @Schema(description = "Sum of commitments (transaction-type 2) per currency, never converted") List<ActivityContent.Amount> committed,
        List<ActivityContent.DocumentLink> documentLinks,
        boolean humanitarian,
        @Schema(description = "last-updated-datetime as published") String lastUpdated,
        @Schema(description = "Version in the catalogue: 1 when imported, +1 with each import that changed it") long version,
        Instant createdAt,
        Instant updatedAt) {

    static ActivityView of(UUID id, String agencyId, long version, Instant createdAt, Instant updatedAt, ActivityContent c) {
        return new ActivityView(id, agencyId, c.iatiIdentifier(), c.reportingOrg(), c.titles(), c.descriptions(), c.status(),
                c.dates(), c.recipientCountries(), c.recipientRegions(), c.sectors(), c.financeType(), c.aidTypes(), c.flowType(),
                c.defaultCurrency(), c.participatingOrgs(), c.budgets(), c.committed(), c.documentLinks(), c.humanitarian(),
                c.lastUpdated(), version, createdAt, updatedAt);
    }
}
