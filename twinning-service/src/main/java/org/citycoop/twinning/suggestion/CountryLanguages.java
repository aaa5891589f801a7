package org.citycoop.twinning.suggestion;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The languages of a country, as the Unicode CLDR locale data shipped with the JDK lists them: every language
 * with a locale for the country in {@link Locale#getAvailableLocales()} (JP: ja; ID: id, jv, ms, su; PH: ceb,
 * en, es, fil). It says which languages are used in a country, not by whom; good enough to tell whether two
 * cities' officials may share a working language.
 */
public final class CountryLanguages {

    private static final Map<String, Set<String>> BY_COUNTRY = java.util.Arrays.stream(Locale.getAvailableLocales())
            .filter(locale -> !locale.getCountry().isEmpty() && !locale.getLanguage().isEmpty())
            .collect(Collectors.groupingBy(Locale::getCountry, Collectors.mapping(Locale::getLanguage, Collectors.toCollection(TreeSet::new))));

    private CountryLanguages() {
    }

    /** ISO 639 codes of the languages of an ISO 3166-1 alpha-2 country, sorted; empty when CLDR lists none. */
    public static Set<String> of(String country) {
        return BY_COUNTRY.getOrDefault(country, new TreeSet<>());
    }
}
