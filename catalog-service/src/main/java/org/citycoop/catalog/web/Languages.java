package org.citycoop.catalog.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the language of a response from {@code Accept-Language} (RFC 9110, section 12.5.4; basic filtering of
 * RFC 4647): the first acceptable language, in the client's order of preference, that the content has; English
 * when none is (or the header is absent). The chosen language goes in {@code Content-Language}.
 */
public final class Languages {

    public static final String ENGLISH = "en";

    private Languages() {
    }

    /**
     * @param acceptable the client's languages, most preferred first (JAX-RS {@code HttpHeaders.getAcceptableLanguages()};
     *     {@code *} when absent)
     * @param available the language tags the content has
     */
    public static String choose(List<Locale> acceptable, Collection<String> available) {
        for (Locale locale : acceptable) {
            String tag = locale.toLanguageTag();
            if (tag.equals("*") || tag.equals("und")) {
                return ENGLISH;
            }
            for (String language : available) {
                if (language.equalsIgnoreCase(tag)) {
                    return language;
                }
            }
            // "ja-JP" asked for, "ja" available: the primary language serves.
            for (String language : available) {
                if (language.equalsIgnoreCase(locale.getLanguage())) {
                    return language;
                }
            }
        }
        return ENGLISH;
    }
}
