package org.citycoop.platform.vocabulary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountryCodesTest {

    @Test
    void isoCodesAndKosovoAreKnownOthersAreNot() {
        for (String code : new String[] {"JP", "ID", "PH", "VN", "XK"}) {
            assertTrue(CountryCodes.isKnown(code), code);
        }
        for (String code : new String[] {"ZZ", "jp", "JPN", "", "XX"}) {
            assertFalse(CountryCodes.isKnown(code), code);
        }
        assertFalse(CountryCodes.isKnown(null));
    }
}
