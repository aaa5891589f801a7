package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.SchemeStatus;
import org.citycoop.catalog.vocabulary.SupportType;
import org.citycoop.catalog.vocabulary.ChallengeArea;
import org.citycoop.catalog.vocabulary.ApplicationChannel;
import org.citycoop.catalog.vocabulary.ApplicantType;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.citycoop.catalog.web.DecimalString;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scheme as the API returns it and as the data of the {@code org.citycoop.catalog.scheme.*.v1} events:
 * the normalised content plus id, agencyId, ref, status, version and timestamps. The field names are a
 * contract (see {@code src/main/resources/events/org.citycoop.catalog.scheme.updated.v1.json}).
 */
@Schema(name = "Scheme", description = "A support scheme, with its normalised content and derived status")
public record SchemeView(
        @Schema(description = "Id given by the catalogue") UUID id,
        @Schema(description = "The agency's id", example = "unep-ietc") String agencyId,
        @Schema(description = "The agency's own reference, unique per agency", example = "AQ-2027-01") String ref,
        @Schema(description = "Name in the response's Content-Language (chosen by Accept-Language, English when the scheme "
                + "has no name in the language asked for); in events, English") String name,
        @Schema(description = "Name per language; always has en") Map<String, String> names,
        @Schema(description = "Description in the response's Content-Language as name is, or null") String description,
        @Schema(description = "Description per language; has en when description is set") Map<String, String> descriptions,
        List<SupportType> supportTypes,
        List<ChallengeArea> challengeAreas,
        @Schema(description = "OECD DAC 5-digit sector codes") List<String> sectors,
        @Schema(description = "IATI FinanceType code, or null") String financeType,
        @Schema(description = "IATI AidType code, or null") String aidType,
        List<ApplicantType> applicantTypes,
        @Schema(description = "How applications reach the agency, or null") ApplicationChannel channel,
        @Schema(description = "Null, or the country where the applicant needs a partner city") PartnerCityRequirement partnerCityRequired,
        @Schema(description = "ISO 3166-1 alpha-2 codes; empty = no country restriction") List<String> eligibleCountries,
        @Schema(description = "IATI Region codes") List<String> eligibleRegions,
        @Schema(description = "Amount per application, or null") FundingRange fundingRange,
        @JsonSerialize(using = DecimalString.Serializer.class)
        @Schema(type = SchemaType.STRING, description = "Share the applicant brings, decimal string from 0 to 1, or null")
        BigDecimal coFinancingShare,
        @Schema(description = "Application process, steps in order") List<ProcessStep> processSteps,
        ApplicationWindow window,
        @Schema(description = "Null for a current scheme; for one kept only as history, what replaced it or why it is kept") String supersededBy,
        @Schema(description = "Status at the time of the response (of the event: at the time of the change)") SchemeStatus status,
        @Schema(description = "http(s) URL of the agency's page on the scheme, or null") String sourceUrl,
        @Schema(description = "Date the information was last checked against sourceUrl, or null (always null without a sourceUrl)") LocalDate verifiedOn,
        @Schema(description = "Version, starting at 1; the ETag is this number quoted", example = "2") long version,
        @Schema(description = "When the catalogue first stored the scheme (UTC)") OffsetDateTime createdAt,
        @Schema(description = "When the content last changed (UTC)") OffsetDateTime updatedAt) {

    /**
     * The same scheme with name and description in {@code language} where the scheme has them (the English ones
     * otherwise); names and descriptions keep every language.
     */
    public SchemeView in(String language) {
        String localName = names == null ? name : names.getOrDefault(language, name);
        String localDescription = descriptions == null ? description : descriptions.getOrDefault(language, description);
        return new SchemeView(id, agencyId, ref, localName, names, localDescription, descriptions, supportTypes, challengeAreas,
                sectors, financeType, aidType, applicantTypes, channel, partnerCityRequired, eligibleCountries, eligibleRegions,
                fundingRange, coFinancingShare, processSteps, window, supersededBy, status, sourceUrl, verifiedOn, version,
                createdAt, updatedAt);
    }

    /** The scheme with its status at {@code now}. */
    static SchemeView of(Scheme scheme, Instant now) {
        SchemeContent c = scheme.content();
        return new SchemeView(scheme.id, scheme.agencyId, scheme.ref, c.name(), c.names(), c.description(), c.descriptions(),
                c.supportTypes(), c.challengeAreas(), c.sectors(), c.financeType(), c.aidType(), c.applicantTypes(),
                c.channel(), c.partnerCityRequired(), c.eligibleCountries(), c.eligibleRegions(), c.fundingRange(),
                c.coFinancingShare(), c.processSteps(), c.window(), c.supersededBy(),
                SchemeStatusRule.statusAt(now, scheme.withdrawn, c.supersededBy(), c.window()),
                c.sourceUrl(), c.verifiedOn(), scheme.version,
                scheme.createdAt.atOffset(ZoneOffset.UTC), scheme.updatedAt.atOffset(ZoneOffset.UTC));
    }
}
