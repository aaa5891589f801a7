package org.citycoop.twinning.sistercity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SisterCityResolverTest {

    // Registry values (GeoNames), and a second Norfolk to make the name ambiguous.
    static final SisterCityResolver.RegistryCity KITAKYUSHU = new SisterCityResolver.RegistryCity("1859307", "Kitakyushu", "Kitakyushu", "JP", 33.85181, 130.85034);
    static final SisterCityResolver.RegistryCity NORFOLK_VA = new SisterCityResolver.RegistryCity("4776222", "Norfolk", "Norfolk", "US", 36.84681, -76.28522);
    static final SisterCityResolver.RegistryCity NORFOLK_NE = new SisterCityResolver.RegistryCity("5073965", "Norfolk", "Norfolk", "US", 42.02834, -97.417);
    static final SisterCityResolver.RegistryCity HUE = new SisterCityResolver.RegistryCity("1580240", "Huế", "Hue", "VN", 16.4619, 107.59546);
    static final SisterCityResolver.RegistryCity IPSWICH = new SisterCityResolver.RegistryCity("2165478", "Ipswich", "Ipswich", "AU", -27.61667, 152.76667);

    final SisterCityResolver resolver = new SisterCityResolver(List.of(KITAKYUSHU, NORFOLK_VA, NORFOLK_NE, HUE, IPSWICH));

    @Test
    void aGeoNamesIdInTheSourcesCountryResolvesTheEnd() {
        SisterCityResolver.Resolution resolution = resolver.resolve(
                new SisterCityResolver.End("Kitakyushu", "JP", 33.8833, 130.8833, true, "1859307"));
        assertEquals(KITAKYUSHU, resolution.city());
        assertEquals(SisterCityResolver.Method.GEONAMES_ID, resolution.method());
    }

    @Test
    void aGeoNamesIdOfACityInAnotherCountryIsReportedNotUsed() {
        SisterCityResolver.Resolution resolution = resolver.resolve(
                new SisterCityResolver.End("Kitakyushu", "KR", null, null, false, "1859307"));
        assertFalse(resolution.resolved());
        assertTrue(resolution.problem().contains("in JP"), resolution.problem());
    }

    @Test
    void namesakesWithoutTrustedCoordinatesAreNotGuessed() {
        // The source's coordinates for Norfolk (US) lie in England (coord_check country_mismatch:GB).
        SisterCityResolver.Resolution resolution = resolver.resolve(
                new SisterCityResolver.End("Norfolk", "US", 52.6725, 0.95, false, null));
        assertFalse(resolution.resolved());
        assertTrue(resolution.problem().startsWith("2 registry cities are named Norfolk in US"), resolution.problem());
    }

    @Test
    void trustedCoordinatesChooseAmongNamesakes() {
        SisterCityResolver.Resolution resolution = resolver.resolve(
                new SisterCityResolver.End("Norfolk", "US", 36.85, -76.29, true, null));
        assertEquals(NORFOLK_VA, resolution.city());
        assertEquals(SisterCityResolver.Method.NAME_COUNTRY_AND_COORDINATES, resolution.method());
    }

    @Test
    void aUniqueNameInTheCountryResolvesWhenTheCoordinatesAreFlaggedButNotWhenTrustedOnesAreFarAway() {
        // Ipswich (AU) placed in England by the source: the flagged coordinates are ignored.
        assertEquals(IPSWICH, resolver.resolve(new SisterCityResolver.End("Ipswich", "AU", 52.0594, 1.1556, false, null)).city());
        SisterCityResolver.Resolution far = resolver.resolve(new SisterCityResolver.End("Ipswich", "AU", -33.0, 151.0, true, null));
        assertFalse(far.resolved());
        assertTrue(far.problem().contains("km from the source's coordinates"), far.problem());
    }

    @Test
    void namesMatchWithoutCaseAndAccentsAndUnknownNamesAreReported() {
        assertEquals(HUE, resolver.resolve(new SisterCityResolver.End("HUE", "VN", null, null, false, null)).city());
        assertEquals(HUE, resolver.resolve(new SisterCityResolver.End("Huế", "VN", null, null, false, null)).city());
        SisterCityResolver.Resolution unknown = resolver.resolve(new SisterCityResolver.End("Atlantis", "VN", null, null, false, null));
        assertEquals("no registry city named Atlantis in VN", unknown.problem());
        assertFalse(resolver.resolve(new SisterCityResolver.End("Hue", null, null, null, false, null)).resolved());
    }

    @Test
    void englishCountryNamesMapToIsoCodes() {
        assertEquals("BG", SisterCityResolver.countryCode("Bulgaria").orElseThrow());
        assertEquals("DE", SisterCityResolver.countryCode("Germany").orElseThrow());
        assertTrue(SisterCityResolver.countryCode("Atlantis").isEmpty());
    }
}
