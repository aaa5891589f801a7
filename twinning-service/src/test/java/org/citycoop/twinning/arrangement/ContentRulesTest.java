package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.ActivityType;
import org.citycoop.platform.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentRulesTest {

    private static final Set<String> CITIES = Set.of("1859307", "1625822");

    private static ActivityRequest activity(String start, String end, String participantCity) {
        return new ActivityRequest(ActivityType.TRAINING, "Training", start, end,
                List.of(new ActivityRequest.Participants(participantCity, "officials", 3)), null);
    }

    @Test
    void aWellFormedActivityPasses() {
        assertTrue(ContentRules.check(activity("2004", "2004-06-30", "1625822"), CITIES).isEmpty());
        assertTrue(ContentRules.check(activity(null, null, null), CITIES).isEmpty());
    }

    @Test
    void anActivityEndingBeforeItStartsNamesEnd() {
        List<FieldError> errors = ContentRules.check(activity("2005-02", "2005-01-31", null), CITIES);
        assertEquals(List.of("end"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void aParticipantFromAnotherCityIsRefused() {
        List<FieldError> errors = ContentRules.check(activity(null, null, "1566083"), CITIES);
        assertEquals("participants[0].cityId", errors.get(0).field());
    }

    @Test
    void malformedOutcomeDatesAreNamed() {
        OutcomeRequest outcome = new OutcomeRequest("n", "%", null, "2004-1", null, "2010", null, "soon", null);
        assertEquals(List.of("baselineDate", "achievedDate"), ContentRules.check(outcome).stream().map(FieldError::field).toList());
    }

    @Test
    void refsAreShortKeys() {
        assertNull(ContentRules.checkRef("field-missions_1"));
        assertNotNull(ContentRules.checkRef("has space"));
        assertNotNull(ContentRules.checkRef("x".repeat(65)));
    }
}
