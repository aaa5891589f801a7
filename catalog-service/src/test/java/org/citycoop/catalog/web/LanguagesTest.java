package org.citycoop.catalog.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguagesTest {

    private static final Set<String> EN_JA = Set.of("en", "ja");

    @Test
    void firstAcceptableLanguageTheContentHas() {
        assertEquals("ja", Languages.choose(List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("ja")), EN_JA));
        assertEquals("en", Languages.choose(List.of(Locale.forLanguageTag("en"), Locale.forLanguageTag("ja")), EN_JA));
    }

    @Test
    void aRegionalTagFallsBackToItsPrimaryLanguage() {
        assertEquals("ja", Languages.choose(List.of(Locale.forLanguageTag("ja-JP")), EN_JA));
    }

    @Test
    void englishWhenNothingAcceptableIsAvailable() {
        assertEquals("en", Languages.choose(List.of(Locale.forLanguageTag("fr")), EN_JA));
        assertEquals("en", Languages.choose(List.of(), EN_JA));
        assertEquals("en", Languages.choose(List.of(new Locale("*")), EN_JA));
    }
}
