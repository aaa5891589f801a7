package org.citycoop.gateway;

import org.citycoop.gateway.routing.GatewayRouter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CorsOriginTest {

    @Test
    void configuredOriginsAreWrittenAsBrowsersSendThem() {
        assertEquals("https://citycoop.org", GatewayRouter.corsOrigin("https://CityCoop.org"));
        assertEquals("https://citycoop.org", GatewayRouter.corsOrigin("HTTPS://citycoop.org:443"));
        assertEquals("https://citycoop.org", GatewayRouter.corsOrigin(" https://citycoop.org/ "));
        assertEquals("http://localhost:8090", GatewayRouter.corsOrigin("http://localhost:8090"));
        assertEquals("http://example.org", GatewayRouter.corsOrigin("http://example.org:80"));
        assertEquals("http://example.org:443", GatewayRouter.corsOrigin("http://example.org:443"));
    }

    @Test
    void anEntryThatIsNotAnOriginStopsTheStartWithTheReason() {
        for (String wrong : new String[] {"citycoop.org", "https://citycoop.org/finder", "ftp://citycoop.org", "https://u@citycoop.org",
                "https://citycoop.org?x=1", "https://"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GatewayRouter.corsOrigin(wrong), wrong);
            assertEquals(true, e.getMessage().startsWith("citycoop.gateway.cors-origins: '"), e.getMessage());
        }
    }
}
