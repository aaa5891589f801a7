package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.CityRole;
import org.citycoop.twinning.vocabulary.TwinningKind;
import org.citycoop.platform.problem.Problem.FieldError;
import org.citycoop.twinning.vocabulary.ChallengeArea;
import org.citycoop.platform.vocabulary.SectorCodelist;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwinningRulesTest {

    private static final SectorCodelist SECTORS = SectorCodelist.shipped();
    private static final Set<String> REGISTERED = Set.of("1859307", "1625822", "1583992");

    private static NewTwinning request(List<NewTwinning.CityParticipation> cities, List<ChallengeArea> themes,
                                       List<String> sectors, Period period) {
        return new NewTwinning("Composting", cities, themes, sectors, TwinningKind.TECHNICAL_COOPERATION, period, null, null);
    }

    private static NewTwinning.CityParticipation city(String id, CityRole role) {
        return new NewTwinning.CityParticipation(id, role);
    }

    private static final List<NewTwinning.CityParticipation> PAIR =
            List.of(city("1859307", CityRole.MENTOR), city("1625822", CityRole.PARTNER));

    @Test
    void aSoundRequestPasses() {
        assertEquals(List.of(), TwinningRules.check(
                request(PAIR, List.of(ChallengeArea.SOLID_WASTE), List.of("14050", "43030"), new Period("2004", "2012-04")),
                REGISTERED, SECTORS));
        assertEquals(List.of(), TwinningRules.check(request(PAIR, null, null, null), REGISTERED, SECTORS));
    }

    @Test
    void aCityOutsideTheRegistryIsNamedByItsPosition() {
        List<FieldError> errors = TwinningRules.check(
                request(List.of(city("1859307", CityRole.MENTOR), city("999999999", CityRole.PARTNER)), null, null, null),
                REGISTERED, SECTORS);
        assertEquals(1, errors.size());
        assertEquals("cities[1].cityId", errors.get(0).field());
        assertTrue(errors.get(0).detail().contains("999999999"));
    }

    @Test
    void aCityTakesPartOnce() {
        List<FieldError> errors = TwinningRules.check(request(List.of(city("1859307", CityRole.MENTOR),
                city("1625822", CityRole.PARTNER), city("1859307", CityRole.PARTNER)), null, null, null), REGISTERED, SECTORS);
        assertEquals(List.of("cities[2].cityId"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).detail().contains("cities[0]"));
    }

    @Test
    void sectorsMustBeActiveDacPurposeCodesListedOnce() {
        List<FieldError> errors = TwinningRules.check(
                request(PAIR, null, List.of("14050", "1405", "99999", "11321", "14050"), null), REGISTERED, SECTORS);
        assertEquals(List.of("sectors[1]", "sectors[2]", "sectors[3]", "sectors[4]"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(2).detail().contains("withdrawn"), errors.get(2).detail());
    }

    @Test
    void themesAreListedOnce() {
        List<FieldError> errors = TwinningRules.check(request(PAIR,
                List.of(ChallengeArea.AIR_QUALITY, ChallengeArea.INSTITUTIONS, ChallengeArea.AIR_QUALITY), null, null), REGISTERED, SECTORS);
        assertEquals(List.of("themes[2]"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void thePeriodUsesReducedPrecisionDatesInOrder() {
        assertEquals(List.of("period.end"), fields(new Period("2012-05", "2012-04-30")));
        assertEquals(List.of("period.start"), fields(new Period("2012-13", null)));
        assertEquals(List.of("period.start", "period.end"), fields(new Period("April 2012", "2013-02-29")));
        assertEquals(List.of(), fields(new Period("2012-05-10", "2012-05")));
        assertEquals(List.of(), fields(new Period("1981", null)));
    }

    private static List<String> fields(Period period) {
        return TwinningRules.check(request(PAIR, null, null, period), REGISTERED, SECTORS).stream().map(FieldError::field).toList();
    }
}
