package org.citycoop.finder.fit;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitFormTest {

    private static MultivaluedMap<String, String> params(String... pairs) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.add(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    @Test
    void aCompleteAskHasTheCityItsCountryPrioritiesSupportAndBudget() {
        FitForm form = new FitForm(params("city", "Surabaya, ID", "p.SOLID_WASTE", "1", "p.INSTITUTIONS", "2", "p.AIR_QUALITY", "0",
                "supportType", "TECHNICAL", "supportType", "FINANCIAL", "budget", "300,000", "leftOut", "1"));
        assertTrue(form.issues().isEmpty(), form.issues().toString());
        assertTrue(form.complete());
        assertEquals("Surabaya", form.cityName());
        assertEquals("ID", form.countryCode());
        assertEquals(Map.of("SOLID_WASTE", 1, "INSTITUTIONS", 2), form.priorities());
        assertEquals(List.of("TECHNICAL", "FINANCIAL"), form.supportTypes());
        assertEquals(new BigDecimal("300000"), form.budget());
        assertEquals("LOCAL_GOVERNMENT", form.applicantType());
        assertTrue(form.leftOut());
    }

    @Test
    void anEmptyFormIsNotAnAskAndAnIncompleteOneSaysWhatIsMissing() {
        FitForm empty = new FitForm(params());
        assertFalse(empty.asked());
        assertTrue(empty.issues().isEmpty());
        FitForm incomplete = new FitForm(params("city", "", "p.NOISE", "1", "p.SOLID_WASTE", "9", "budget", "a lot", "applicantType", "KING"));
        assertFalse(incomplete.complete());
        assertEquals(List.of(FitForm.Issue.Kind.UNKNOWN_VALUE, FitForm.Issue.Kind.UNKNOWN_VALUE, FitForm.Issue.Kind.UNKNOWN_VALUE,
                FitForm.Issue.Kind.BAD_AMOUNT, FitForm.Issue.Kind.NO_CITY, FitForm.Issue.Kind.NO_CHALLENGE),
                incomplete.issues().stream().map(FitForm.Issue::kind).sorted().toList());
    }

    @Test
    void aCityIsGivenByItsGeoNamesIdAloneOrAfterANameItShares() {
        assertEquals("1625822", new FitForm(params("city", "1625822")).cityId(), "a link's");
        assertEquals("1690039", new FitForm(params("city", "San Fernando, PH #1690039")).cityId(), "the type-ahead's, for namesakes");
        assertEquals(null, new FitForm(params("city", "Surabaya, ID")).cityId());
        assertEquals(null, new FitForm(params("city", "Route 66")).cityId(), "digits in a name are not an id");
    }

    @Test
    void aNameWithoutACountryIsSearchedAsTyped() {
        FitForm form = new FitForm(params("city", "Đà Nẵng", "p.WATER_AND_WASTEWATER", "1"));
        assertEquals("Đà Nẵng", form.cityName());
        assertNull(form.countryCode());
        FitForm comma = new FitForm(params("city", "Washington, D.C.", "p.WATER_AND_WASTEWATER", "1"));
        assertEquals("Washington, D.C.", comma.cityName());
    }
}
