package org.citycoop.gateway;

import org.citycoop.gateway.routing.Routes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoutesTest {

    private final Routes routes = new Routes(Map.of(
            "catalog", List.of("/v1/agencies", "/v1/schemes"),
            "matching", List.of("/v1/matches")));

    @Test
    void prefixOwnsItselfSubResourcesAndCustomMethods() {
        assertEquals(Optional.of("catalog"), routes.serviceFor("/v1/schemes"));
        assertEquals(Optional.of("catalog"), routes.serviceFor("/v1/schemes/abc"));
        assertEquals(Optional.of("catalog"), routes.serviceFor("/v1/schemes:export"));
        assertEquals(Optional.of("catalog"), routes.serviceFor("/v1/agencies/jica/schemes/X-1"));
        assertEquals(Optional.of("matching"), routes.serviceFor("/v1/matches"));
    }

    @Test
    void similarNamesAreNotOwned() {
        assertEquals(Optional.empty(), routes.serviceFor("/v1/schemesXYZ"));
        assertEquals(Optional.empty(), routes.serviceFor("/v1"));
        assertEquals(Optional.empty(), routes.serviceFor("/v2/schemes"));
    }

    @Test
    void aPrefixClaimedTwiceIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new Routes(Map.of(
                "a", List.of("/v1/x"), "b", List.of("/v1/x"))));
    }
}
