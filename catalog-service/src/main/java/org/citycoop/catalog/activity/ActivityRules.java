package org.citycoop.catalog.activity;

import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.catalog.vocabulary.Vocabulary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the catalogue requires of an IATI activity, and what it reports without refusing it. Refused (the activity
 * is REJECTED, the rest of the file goes on): no {@code iati-identifier}, no title. Warned: codes not in the shipped
 * IATI codelists or withdrawn there, percentages of sectors (per vocabulary) or of recipient countries and regions
 * together that do not add up to 100, a budget without currency, an activity status the dates contradict.
 */
public final class ActivityRules {

    /** Sector vocabulary 1: OECD DAC 5-digit purpose codes, the one matching uses. */
    public static final String DAC_5_DIGIT = "1";
    /** Region vocabulary 1: OECD DAC recipient regions. */
    public static final String DAC_REGIONS = "1";
    /** Aid type vocabulary 1: OECD DAC aid types. */
    public static final String DAC_AID_TYPES = "1";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Vocabularies vocabularies;

    public ActivityRules(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    /** Why the activity cannot be stored; empty when it can. */
    public List<String> reasons(ActivityContent activity) {
        List<String> reasons = new ArrayList<>();
        if (activity.iatiIdentifier() == null) {
            reasons.add("iati-identifier: required");
        } else if (activity.iatiIdentifier().length() > 200) {
            reasons.add("iati-identifier: at most 200 characters");
        }
        if (activity.titles().isEmpty()) {
            reasons.add("title: a narrative is required");
        }
        return reasons;
    }

    /** What is reported about an activity that is stored as published. */
    public List<String> warnings(ActivityContent activity, LocalDate today) {
        List<String> warnings = new ArrayList<>();
        code(Vocabulary.ACTIVITY_STATUSES, "activity-status/@code", activity.status(), warnings);
        if (activity.status() == null) {
            warnings.add("activity-status: missing");
        }
        for (int i = 0; i < activity.recipientCountries().size(); i++) {
            code(Vocabulary.COUNTRIES, "recipient-country[" + (i + 1) + "]/@code", activity.recipientCountries().get(i).code(), warnings);
        }
        for (int i = 0; i < activity.recipientRegions().size(); i++) {
            ActivityContent.Share region = activity.recipientRegions().get(i);
            if (isDefault(region.vocabulary(), DAC_REGIONS)) {
                code(Vocabulary.REGIONS, "recipient-region[" + (i + 1) + "]/@code", region.code(), warnings);
            }
        }
        for (int i = 0; i < activity.sectors().size(); i++) {
            ActivityContent.Share sector = activity.sectors().get(i);
            if (isDefault(sector.vocabulary(), DAC_5_DIGIT)) {
                code(Vocabulary.SECTORS, "sector[" + (i + 1) + "]/@code", sector.code(), warnings);
            }
        }
        code(Vocabulary.FINANCE_TYPES, "default-finance-type/@code", activity.financeType(), warnings);
        code(Vocabulary.FLOW_TYPES, "default-flow-type/@code", activity.flowType(), warnings);
        for (int i = 0; i < activity.aidTypes().size(); i++) {
            ActivityContent.Coded aidType = activity.aidTypes().get(i);
            if (isDefault(aidType.vocabulary(), DAC_AID_TYPES)) {
                code(Vocabulary.AID_TYPES, "default-aid-type[" + (i + 1) + "]/@code", aidType.code(), warnings);
            }
        }
        code(Vocabulary.CURRENCIES, "@default-currency", activity.defaultCurrency(), warnings);
        if (activity.reportingOrg() != null) {
            code(Vocabulary.ORGANISATION_TYPES, "reporting-org/@type", activity.reportingOrg().type(), warnings);
        }
        for (int i = 0; i < activity.participatingOrgs().size(); i++) {
            ActivityContent.Participant participant = activity.participatingOrgs().get(i);
            code(Vocabulary.ORGANISATION_ROLES, "participating-org[" + (i + 1) + "]/@role", participant.role(), warnings);
            code(Vocabulary.ORGANISATION_TYPES, "participating-org[" + (i + 1) + "]/@type", participant.type(), warnings);
        }
        for (int i = 0; i < activity.budgets().size(); i++) {
            ActivityContent.Value value = activity.budgets().get(i).value();
            if (value != null && value.currency() == null) {
                warnings.add("budget[" + (i + 1) + "]/value: no currency (no @currency and no default-currency on iati-activity)");
            } else if (value != null && !value.currency().equals(activity.defaultCurrency())) {
                code(Vocabulary.CURRENCIES, "budget[" + (i + 1) + "]/value/@currency", value.currency(), warnings);
            }
        }
        percentages(activity, warnings);
        statusAndDates(activity, today, warnings);
        return warnings;
    }

    private void code(Vocabulary vocabulary, String field, String code, List<String> warnings) {
        vocabularies.check(vocabulary, field, code).ifPresent(error -> warnings.add(error.field() + ": " + error.detail()));
    }

    private static boolean isDefault(String vocabulary, String defaultVocabulary) {
        return vocabulary == null || defaultVocabulary.equals(vocabulary);
    }

    /** IATI: sector percentages add up to 100 per vocabulary; country and region percentages together add up to 100. */
    private static void percentages(ActivityContent activity, List<String> warnings) {
        Map<String, List<ActivityContent.Share>> sectorsByVocabulary = new LinkedHashMap<>();
        for (ActivityContent.Share sector : activity.sectors()) {
            sectorsByVocabulary.computeIfAbsent(sector.vocabulary() == null ? DAC_5_DIGIT : sector.vocabulary(), v -> new ArrayList<>()).add(sector);
        }
        sectorsByVocabulary.forEach((vocabulary, shares) -> sum(shares).ifPresent(total ->
                warnings.add("sector: the percentages of vocabulary " + vocabulary + " add up to " + total.toPlainString() + ", not 100")));
        List<ActivityContent.Share> places = new ArrayList<>(activity.recipientCountries());
        places.addAll(activity.recipientRegions().stream().filter(r -> isDefault(r.vocabulary(), DAC_REGIONS)).toList());
        sum(places).ifPresent(total -> warnings.add("recipient-country, recipient-region: the percentages add up to "
                + total.toPlainString() + ", not 100"));
    }

    /** The total of the shares when it is not 100 (a single share without percentage counts as 100). */
    private static Optional<BigDecimal> sum(List<ActivityContent.Share> shares) {
        if (shares.isEmpty() || shares.size() == 1 && shares.get(0).percentage() == null) {
            return Optional.empty();
        }
        BigDecimal total = shares.stream().map(s -> s.percentage() == null ? BigDecimal.ZERO : new BigDecimal(s.percentage()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return total.compareTo(HUNDRED) == 0 ? Optional.empty() : Optional.of(total.stripTrailingZeros());
    }

    /** An activity status that its dates contradict. */
    private static void statusAndDates(ActivityContent activity, LocalDate today, List<String> warnings) {
        ActivityContent.Dates dates = activity.dates();
        String status = activity.status();
        if (status == null) {
            return;
        }
        if ("1".equals(status) && dates.actualStart() != null && !LocalDate.parse(dates.actualStart()).isAfter(today)) {
            warnings.add("activity-status: 1 (Pipeline/identification), but the actual start date " + dates.actualStart() + " has passed");
        }
        if ("2".equals(status) && dates.actualEnd() != null && LocalDate.parse(dates.actualEnd()).isBefore(today)) {
            warnings.add("activity-status: 2 (Implementation), but the actual end date " + dates.actualEnd() + " has passed");
        }
        if (("3".equals(status) || "4".equals(status)) && dates.actualStart() == null && dates.plannedStart() != null
                && LocalDate.parse(dates.plannedStart()).isAfter(today)) {
            warnings.add("activity-status: " + status + " (" + ("3".equals(status) ? "Finalisation" : "Closed")
                    + "), but the activity has not started (planned start " + dates.plannedStart() + ")");
        }
        if ("4".equals(status) && dates.actualEnd() != null && LocalDate.parse(dates.actualEnd()).isAfter(today)) {
            warnings.add("activity-status: 4 (Closed), but the actual end date " + dates.actualEnd() + " is in the future");
        }
    }
}
