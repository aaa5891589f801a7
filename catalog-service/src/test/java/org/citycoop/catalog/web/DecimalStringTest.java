package org.citycoop.catalog.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecimalStringTest {

    @Test
    void canonicalDecimalsDropTrailingZerosButNeverUseExponents() {
        assertEquals("10000", DecimalString.canonical(new BigDecimal("10000.00")).toString());
        assertEquals("0.25", DecimalString.canonical(new BigDecimal("0.250")).toString());
        assertEquals("0", DecimalString.canonical(new BigDecimal("0.000")).toString());
    }
}
