package org.citycoop.platform.vocabulary;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SectorCodelistTest {

    private static final SectorCodelist SHIPPED = SectorCodelist.shipped();

    @Test
    void theShippedListHoldsEveryRowOfTheFile() {
        assertEquals(325, SHIPPED.size());
    }

    @Test
    void activeCodesAreAccepted() {
        assertEquals(Optional.empty(), SHIPPED.problemWith("14050")); // Waste management/disposal
        assertEquals(Optional.empty(), SHIPPED.problemWith("41010")); // Environmental policy and administrative management
        assertEquals(Optional.empty(), SHIPPED.problemWith("43030")); // Urban development and management
    }

    @Test
    void withdrawnUnknownAndMalformedCodesAreRefusedWithAReason() {
        assertTrue(SHIPPED.problemWith("11321").orElseThrow().contains("withdrawn"));
        assertTrue(SHIPPED.problemWith("11321").orElseThrow().contains("2019-12-31"));
        assertTrue(SHIPPED.problemWith("99999").orElseThrow().contains("unknown"));
        assertTrue(SHIPPED.problemWith("140").orElseThrow().contains("5-digit"));
        assertTrue(SHIPPED.problemWith("1405O").orElseThrow().contains("5-digit"));
    }

    @Test
    void quotedDescriptionsWithCommasAreRead() {
        String csv = """
                code,name_en,name_fr,description_en,category,status,activation_date,withdrawal_date
                14050,Waste management/disposal,Traitement des déchets,"Municipal and industrial, solid waste",140,active,,
                """;
        SectorCodelist list = SectorCodelist.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, list.size());
        assertEquals(Optional.empty(), list.problemWith("14050"));
    }
}
