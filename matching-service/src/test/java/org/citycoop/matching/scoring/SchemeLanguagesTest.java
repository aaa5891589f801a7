package org.citycoop.matching.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.citycoop.matching.scoring.Fixtures.scheme;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Scheme names in the languages asked. */
class SchemeLanguagesTest {

    @Test
    void nameIsInTheFirstWantedLanguageTheSchemeHasElseEnglish() {
        var scheme = scheme().build();
        assertEquals("都市の堆肥化支援", SchemeLanguages.name(scheme, List.of("fr", "ja", "en")));
        assertEquals("Composting support for cities", SchemeLanguages.name(scheme, List.of("fr")));
        assertEquals("Composting support for cities", SchemeLanguages.name(scheme().name(null).build(), List.of()));
    }
}
