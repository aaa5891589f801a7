package org.citycoop.catalog.activity;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IatiOrgIdsTest {

    @Test
    void aDacIdentifierIsAlsoReadInItsOlderForms() {
        assertEquals(Set.of("XM-DAC-46004", "46004"), IatiOrgIds.forms("XM-DAC-46004", "PH"));
        assertEquals(Set.of("XM-DAC-701-8", "JP-8"), IatiOrgIds.forms("XM-DAC-701-8", "JP"));
        assertTrue(IatiOrgIds.identifies("44000", "XM-DAC-44000", "US"));
        assertTrue(IatiOrgIds.identifies(" xm-dac-44000 ", "XM-DAC-44000", "US"));
        assertTrue(IatiOrgIds.identifies("JP-8", "XM-DAC-701-8", "JP"));
        assertFalse(IatiOrgIds.identifies("JP-8", "XM-DAC-701-8", "KR"), "the older form carries the agency's own country");
        assertFalse(IatiOrgIds.identifies("46004", "XM-DAC-44000", "US"));
        assertFalse(IatiOrgIds.identifies("XM-DAC-4400", "XM-DAC-44000", "US"));
        assertFalse(IatiOrgIds.identifies(null, "XM-DAC-44000", "US"));
        assertEquals(Set.of("GB-GOV-1"), IatiOrgIds.forms("GB-GOV-1", "GB"), "no older form is guessed for other prefixes");
    }
}
