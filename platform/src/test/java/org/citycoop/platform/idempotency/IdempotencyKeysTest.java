package org.citycoop.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.citycoop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdempotencyKeysTest {

    private static final IdempotencyKeys.Table TABLE = new IdempotencyKeys.Table("thing_idempotency_key", "thing_id", "thing");

    @Test
    void aKeyIsOneToTwoHundredFiftyFivePrintableCharactersWithoutSpaces() {
        assertNull(IdempotencyKeys.check(null));
        String uuid = UUID.randomUUID().toString();
        assertEquals(uuid, IdempotencyKeys.check(uuid));
        assertEquals("x".repeat(255), IdempotencyKeys.check("x".repeat(255)));
        for (String bad : new String[] {"", "has spaces", "x".repeat(256), "tab\there", "é"}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> IdempotencyKeys.check(bad), bad);
            assertEquals(400, refused.status());
            assertEquals("Idempotency-Key", refused.errors().get(0).field());
        }
    }

    @Test
    void theHashIsOfTheJsonFormSoEqualBodiesHashAlike() {
        ObjectMapper mapper = new ObjectMapper();
        String first = IdempotencyKeys.sha256(mapper, Map.of("name", "Twin towns"));
        assertEquals(first, IdempotencyKeys.sha256(mapper, Map.of("name", "Twin towns")));
        assertNotEquals(first, IdempotencyKeys.sha256(mapper, Map.of("name", "Twin cities")));
        assertEquals(64, first.length());
    }

    @Test
    void aRepeatWithTheSameBodyAnswersWhatWasCreatedAndAnotherBodyIsAConflict() {
        UUID created = UUID.randomUUID();
        assertEquals(created, IdempotencyKeys.replay(TABLE, "abc", created, "abc"));
        ProblemException conflict = assertThrows(ProblemException.class, () -> IdempotencyKeys.replay(TABLE, "abc", created, "abd"));
        assertEquals(409, conflict.status());
        assertEquals("Idempotency-Key", conflict.errors().get(0).field());
        assertEquals("This Idempotency-Key was used with a different request body; use a new key for a new thing.",
                conflict.getMessage());
    }
}
