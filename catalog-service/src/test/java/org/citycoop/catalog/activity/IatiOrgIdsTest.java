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

    @Test
    void anActivityIdentifierIsThePublishersWhenItBeginsWithOneOfItsForms() {
        assertTrue(IatiOrgIds.owns("XM-DAC-46004-58135-001-LN4763", "XM-DAC-46004", "PH"));
        assertTrue(IatiOrgIds.owns("46004-58135-001", "XM-DAC-46004", "PH"), "the older bare DAC code");
        assertTrue(IatiOrgIds.owns("jp-8-0123", "XM-DAC-701-8", "JP"), "JICA's older form, any case");
        assertFalse(IatiOrgIds.owns("XM-DAC-46004-SQUAT-1", "XM-DAC-701-8", "JP"), "another publisher's");
        assertFalse(IatiOrgIds.owns("XM-DAC-460041-1", "XM-DAC-46004", "PH"), "a longer code is another");
        assertFalse(IatiOrgIds.owns(null, "XM-DAC-46004", "PH"));
    }
}
