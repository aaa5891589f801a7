package org.citycoop.finder.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublicUrlTest {

    @Test
    void theConfiguredAddressIsTheBaseOfEveryAbsoluteLink() {
        assertEquals("https://citycoop.example.org", PublicUrl.normalise("https://citycoop.example.org/"));
        assertEquals("http://127.0.0.1:8080", PublicUrl.normalise(" http://127.0.0.1:8080 "));
    }

    @Test
    void anAddressThatCannotBeABaseIsRefusedAtStart() {
        for (String bad : new String[] {"citycoop.example.org", "ftp://example.org", "https://example.org/finder", "https://example.org/?a=1",
                "https://exa mple.org"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PublicUrl.normalise(bad), bad);
            assertEquals(true, e.getMessage().startsWith("citycoop.finder.public-url"), e.getMessage());
        }
    }
}
