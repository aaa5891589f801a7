package org.citycoop.finder.web;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The public API's code values the finder offers as choices (docs/DESIGN.md, "The public API's core shapes"). */
public final class Codes {

    public static final List<String> CHALLENGES = List.of("SOLID_WASTE", "WATER_AND_WASTEWATER", "AIR_QUALITY", "OTHER_PHYSICAL",
            "URBAN_PLANNING", "REGULATIONS", "INSTITUTIONS", "FINANCIAL_MECHANISMS", "APPROPRIATE_TECHNOLOGY", "SOCIAL_CAPITAL");
    public static final List<String> SUPPORT_TYPES = List.of("FINANCIAL", "LOAN", "TECHNICAL", "TRAINING", "INFORMATION", "OTHER");
    public static final List<String> APPLICANT_TYPES = List.of("LOCAL_GOVERNMENT", "NATIONAL_GOVERNMENT", "NGO", "ACADEMIC", "PRIVATE", "ANY");
    public static final List<String> STATUSES = List.of("OPEN", "FORECASTED", "CLOSED", "WITHDRAWN");
    public static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY");
    public static final List<String> SORTS = List.of("relevance", "deadline", "updated");
    /** ISO 3166-1 alpha-2 (the JDK's list) and XK, Kosovo (user-assigned, in common use), in code order. */
    public static final Set<String> COUNTRIES = countries();

    private Codes() {
    }

    private static Set<String> countries() {
        Set<String> codes = new TreeSet<>(Set.of(Locale.getISOCountries()));
        codes.add("XK");
        return Collections.unmodifiableSet(codes);
    }
}
