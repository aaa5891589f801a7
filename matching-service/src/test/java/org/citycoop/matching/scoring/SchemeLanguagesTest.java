package org.citycoop.matching.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.citycoop.matching.scoring.Fixtures.scheme;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Scheme names in the languages asked. */
class SchemeLanguagesTest {

    @Test
    void nameIsInTheFirstWantedLanguageTheSchemeHasElseEnglishAndSaysWhichItIs() {
        var scheme = scheme().build();
        assertEquals(new SchemeLanguages.Name("都市の堆肥化支援", "ja"), SchemeLanguages.name(scheme, List.of("fr", "ja-JP", "en")));
        assertEquals(new SchemeLanguages.Name("Composting support for cities", "en"), SchemeLanguages.name(scheme, List.of("fr")));
        assertEquals(new SchemeLanguages.Name("Composting support for cities", "en"), SchemeLanguages.name(scheme().name(null).build(), List.of()));
    }
}
