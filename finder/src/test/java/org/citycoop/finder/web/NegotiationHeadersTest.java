package org.citycoop.finder.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NegotiationHeadersTest {

    @Test
    void wellFormedLanguageListsAreKept() {
        for (String ok : List.of("ja", "ja-JP,ja;q=0.9,en;q=0.8", "*", "en-US;q=1.0")) {
            assertTrue(NegotiationHeaders.wellFormedLanguages(ok), ok);
        }
        for (String bad : List.of("en;q=2", "en;q=x", ";;;q=x,*", "*;q=0.5.5", "a,,", "")) {
            assertFalse(NegotiationHeaders.wellFormedLanguages(bad), bad);
        }
    }

    @Test
    void wellFormedAcceptIsKept() {
        for (String ok : List.of("*/*", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "text/html; charset=utf-8", "application/atom+xml;q=1")) {
            assertTrue(NegotiationHeaders.wellFormedAccept(ok), ok);
        }
        for (String bad : List.of("*/*;q=x", "text", "text/html;q=2", "a,,", "text/html;;")) {
            assertFalse(NegotiationHeaders.wellFormedAccept(bad), bad);
        }
    }
}
