package org.citycoop.finder.fit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CityNamesTest {

    @Test
    void namesCompareWithoutAccentsAndCase() {
        assertEquals(FitResource.plain("da nang"), FitResource.plain("Đà Nẵng"));
        assertEquals(FitResource.plain("hue"), FitResource.plain("Huế"));
        assertEquals(FitResource.plain("SURABAYA "), FitResource.plain("Surabaya"));
        assertNotEquals(FitResource.plain("Atlantis"), FitResource.plain("Atlanta"));
    }
}
