package org.citycoop.matching.readmodel;

import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.StepActor;
import org.citycoop.matching.vocabulary.SupportType;
import org.citycoop.matching.vocabulary.WindowKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A support scheme as the catalogue publishes it in {@code org.citycoop.catalog.scheme.*.v1} events (the
 * fields matching uses; others are ignored). Missing lists read as empty; code values this service does not
 * know are dropped.
 *
 * @param id the catalogue's scheme id
 * @param agencyId slug of the agency that offers it
 * @param ref the agency's own reference
 * @param name default (English) name
 * @param names name per language tag ({@code en}, {@code ja}, ...)
 * @param description default (English) description
 * @param descriptions description per language tag
 * @param supportTypes what it gives
 * @param challengeAreas the seminar's challenge areas it addresses
 * @param applicantTypes who may apply ({@code ANY} for everyone)
 * @param channel how to apply, for example {@code DIRECT}
 * @param partnerCityRequired set when an applicant needs a partner city in a given country
 * @param eligibleCountries ISO 3166-1 alpha-2 codes; empty means not restricted by country
 * @param eligibleRegions region codes (DAC recipient regions); informative only here
 * @param fundingRange smallest and largest award
 * @param processSteps the application process, in order
 * @param window when applications are taken
 * @param supersededBy id of the scheme that replaces this one (then this one is closed)
 * @param status the catalogue's status when it published the event
 * @param sourceUrl where the agency describes the scheme
 * @param version the catalogue's version of the scheme; a higher one replaces a lower one
 * @param sectors DAC 5-digit purpose codes (IATI Sector codelist) of what it funds
 * @param coFinancingShare share of the cost (a decimal string from 0 to 1, as the catalogue writes it) the applicant
 *     must bring itself; null when none is required
 */
public record SchemeData(
        String id,
        String agencyId,
        String ref,
        String name,
        Map<String, String> names,
        String description,
        Map<String, String> descriptions,
        List<SupportType> supportTypes,
        List<ChallengeArea> challengeAreas,
        List<ApplicantType> applicantTypes,
        String channel,
        PartnerCityRequirement partnerCityRequired,
        List<String> eligibleCountries,
        List<String> eligibleRegions,
        FundingRange fundingRange,
        List<ProcessStep> processSteps,
        ApplicationWindow window,
        String supersededBy,
        SchemeStatus status,
        String sourceUrl,
        Long version,
        List<String> sectors,
        String coFinancingShare) {

    public SchemeData {
        names = names == null ? Map.of() : Map.copyOf(names);
        descriptions = descriptions == null ? Map.of() : Map.copyOf(descriptions);
        supportTypes = known(supportTypes);
        challengeAreas = known(challengeAreas);
        applicantTypes = known(applicantTypes);
        eligibleCountries = known(eligibleCountries);
        eligibleRegions = known(eligibleRegions);
        processSteps = known(processSteps);
        sectors = known(sectors);
    }

    /** {@link #coFinancingShare} as a number; empty when absent or not a decimal (read tolerantly). */
    public java.util.Optional<java.math.BigDecimal> coFinancingShareValue() {
        return new Money(coFinancingShare, null).value();
    }

    /** A scheme without sectors and without a co-financing requirement. */
    public SchemeData(String id, String agencyId, String ref, String name, Map<String, String> names, String description,
                      Map<String, String> descriptions, List<SupportType> supportTypes, List<ChallengeArea> challengeAreas,
                      List<ApplicantType> applicantTypes, String channel, PartnerCityRequirement partnerCityRequired,
                      List<String> eligibleCountries, List<String> eligibleRegions, FundingRange fundingRange,
                      List<ProcessStep> processSteps, ApplicationWindow window, String supersededBy, SchemeStatus status,
                      String sourceUrl, Long version) {
        this(id, agencyId, ref, name, names, description, descriptions, supportTypes, challengeAreas, applicantTypes, channel,
                partnerCityRequired, eligibleCountries, eligibleRegions, fundingRange, processSteps, window, supersededBy, status,
                sourceUrl, version, null, null);
    }

    /** The same scheme with another status (a withdrawal event makes it {@code WITHDRAWN} whatever its data says). */
    public SchemeData withStatus(SchemeStatus newStatus) {
        return new SchemeData(id, agencyId, ref, name, names, description, descriptions, supportTypes, challengeAreas,
                applicantTypes, channel, partnerCityRequired, eligibleCountries, eligibleRegions, fundingRange,
                processSteps, window, supersededBy, newStatus, sourceUrl, version, sectors, coFinancingShare);
    }

    private static <T> List<T> known(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    /** A scheme that needs the applicant city to have a partner city in {@code country} (ISO 3166-1 alpha-2). */
    @Schema(description = "The applicant city needs a partner city in this country")
    public record PartnerCityRequirement(@Schema(example = "JP") String country) {
    }

    /** The smallest and largest award; either end may be unknown (null). */
    @Schema(description = "Smallest and largest award; either end may be absent when unknown")
    public record FundingRange(Money min, Money max) {
    }

    /**
     * One step of the application process.
     *
     * @param title what happens
     * @param actor who acts (null when the catalogue names an actor this service does not know)
     * @param typicalDays how long it usually takes, in days
     */
    public record ProcessStep(String title, StepActor actor, Integer typicalDays) {
    }

    /**
     * When applications are taken.
     *
     * @param kind {@code FIXED}, {@code ROLLING} or {@code ANNUAL}
     * @param opens RFC 3339 time the window opens (absent for rolling schemes)
     * @param deadline RFC 3339 deadline with its offset; for {@code ANNUAL} it recurs every year on that date
     */
    @Schema(description = "Application window; `deadline` is absent for ROLLING and recurs yearly for ANNUAL")
    public record ApplicationWindow(WindowKind kind, OffsetDateTime opens, OffsetDateTime deadline) {
    }
}
