package org.citycoop.catalog.vocabulary;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionMembersTest {

    private static final RegionMembers REGIONS = RegionMembers.load(Vocabularies.load());

    @Test
    void aCountryBelongsToItsSubregionAndTheWiderRegions() {
        assertEquals(List.of("789", "798"), REGIONS.regionsOf("VN"));
        assertEquals(List.of("1033", "889"), REGIONS.regionsOf("FJ"));
        assertEquals(List.of("679", "689", "798"), REGIONS.regionsOf("IN"));
    }

    @Test
    void countriesOutsideTheDacRecipientsAndUnexpandedRegionsHaveNone() {
        assertEquals(List.of(), REGIONS.regionsOf("JP"));
        assertEquals(List.of(), REGIONS.countriesOf("298"));
    }

    @Test
    void widerRegionsHoldTheirSubregions() {
        assertTrue(REGIONS.countriesOf("798").containsAll(REGIONS.countriesOf("789")));
        assertTrue(REGIONS.countriesOf("889").containsAll(REGIONS.countriesOf("1035")));
    }
}
