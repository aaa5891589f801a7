package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.ApplicationChannel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.citycoop.catalog.web.DecimalString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The part of a scheme's normalised content that no list filters on, stored as JSONB in
 * {@code scheme.details}; the rest has columns of its own (see {@link Scheme}).
 */
record SchemeDetails(
        String name,
        Map<String, String> names,
        String description,
        Map<String, String> descriptions,
        String financeType,
        String aidType,
        ApplicationChannel channel,
        PartnerCityRequirement partnerCityRequired,
        FundingRange fundingRange,
        @JsonDeserialize(using = DecimalString.Deserializer.class)
        @JsonSerialize(using = DecimalString.Serializer.class)
        BigDecimal coFinancingShare,
        List<ProcessStep> processSteps,
        String sourceUrl,
        LocalDate verifiedOn) {
}
