package org.citycoop.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.citycoop.platform.web.StrictJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProblemMappersTest {

    record Step(String title, Integer typicalDays) {
    }

    record Body(String name, List<Step> steps, Map<String, String> names) {
    }

    private final ObjectMapper strict = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private String pathOfFailure(String json) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> strict.readValue(json, Body.class));
        return ProblemMappers.pathOf(e);
    }

    @Test
    void namesTheJsonPathOfTheFailingField() {
        assertEquals("steps[1].typicalDays", pathOfFailure("{\"steps\":[{\"title\":\"a\"},{\"title\":\"b\",\"typicalDays\":\"14\"}]}"));
        assertEquals("steps[0].typicalDays", pathOfFailure("{\"steps\":[{\"typicalDays\":14.5}]}"));
        assertEquals("name", pathOfFailure("{\"name\":42}"));
        assertEquals("surprise", pathOfFailure("{\"surprise\":true}"));
    }
}
