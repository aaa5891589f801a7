package org.citycoop.platform.vocabulary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The country codes the services accept: ISO 3166-1 alpha-2 as the JDK lists them ({@link Locale#getISOCountries()}),
 * plus {@code XK} (Kosovo, a user-assigned code that the IATI Country codelist and the catalogue use). The catalogue
 * serves its list at {@code GET /v1/vocabularies/countries}.
 */
public final class CountryCodes {

    private static final Set<String> KNOWN = Stream.concat(Arrays.stream(Locale.getISOCountries()), Stream.of("XK"))
            .collect(Collectors.toUnmodifiableSet());

    private CountryCodes() {
    }

    /** True for an upper-case ISO 3166-1 alpha-2 code the JDK knows, or {@code XK}. */
    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(code);
    }

    /** Why {@code code} is not accepted, in words that point to the list, for a problem's field error. */
    public static String problemWith(String code) {
        return "'" + code + "' is not an ISO 3166-1 alpha-2 country code (the list: GET /v1/vocabularies/countries)";
    }
}
