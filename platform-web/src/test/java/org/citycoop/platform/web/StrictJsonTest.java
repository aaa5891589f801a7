package org.citycoop.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.problem.ProblemMappers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lax inputs Jackson takes by default and {@link StrictJson} refuses, each with a problem naming the field. */
class StrictJsonTest {

    enum Area { SOLID_WASTE, AIR_QUALITY }

    record Step(String title, Boolean done, Integer days) {
    }

    record Body(String name, Area area, List<Area> areas, LocalDate verifiedOn, OffsetDateTime deadline, Double latitude,
                BigDecimal amount, List<Step> steps, java.util.UUID arrangementId) {
    }

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    /** The problem of reading {@code json}: it must be a 400 naming {@code field}. */
    private ProblemException refused(String json, String field) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Body.class), json);
        ProblemException problem = ProblemMappers.unreadable(e);
        assertEquals(400, problem.status(), json);
        assertEquals(field, problem.errors().get(0).field(), json + ": " + problem.getMessage());
        assertFalse(problem.getMessage().contains("ALLOW_") || problem.getMessage().contains("Feature")
                || problem.getMessage().contains("java."), "plain words: " + problem.getMessage());
        return problem;
    }

    @Test
    void enumValuesAreTakenAsWrittenNotTrimmed() throws Exception {
        assertEquals(Area.SOLID_WASTE, mapper.readValue("{\"area\":\"SOLID_WASTE\"}", Body.class).area());
        for (String lax : List.of("\" SOLID_WASTE\"", "\"SOLID_WASTE \"", "\"SOLID_WASTE\\u0000\"", "\"\\tSOLID_WASTE\"")) {
            ProblemException problem = refused("{\"area\":" + lax + "}", "area");
            assertTrue(problem.getMessage().contains("allowed: SOLID_WASTE, AIR_QUALITY"), problem.getMessage());
        }
        refused("{\"areas\":[\"AIR_QUALITY\",\" SOLID_WASTE\"]}", "areas[1]");
    }

    @Test
    void anEmptyOrBlankStringIsNoIdentifier() throws Exception {
        java.util.UUID id = java.util.UUID.randomUUID();
        assertEquals(id, mapper.readValue("{\"arrangementId\":\"" + id + "\"}", Body.class).arrangementId());
        assertEquals(null, mapper.readValue("{\"arrangementId\":null}", Body.class).arrangementId());
        refused("{\"arrangementId\":\" \"}", "arrangementId");
        refused("{\"arrangementId\":\"\"}", "arrangementId");
    }

    @Test
    void numbersAreNotBooleans() throws Exception {
        assertEquals(true, mapper.readValue("{\"steps\":[{\"done\":true}]}", Body.class).steps().get(0).done());
        refused("{\"steps\":[{\"done\":12345}]}", "steps[0].done");
        refused("{\"steps\":[{\"done\":0}]}", "steps[0].done");
    }

    @Test
    void datesAndTimesHaveExactlyTheirFormsWithFourDigitYears() throws Exception {
        assertEquals(LocalDate.of(2026, 11, 29), mapper.readValue("{\"verifiedOn\":\"2026-11-29\"}", Body.class).verifiedOn());
        assertEquals("2027-03-31T23:59+09:00",
                mapper.readValue("{\"deadline\":\"2027-03-31T23:59:00+09:00\"}", Body.class).deadline().toString());
        for (String date : List.of("+12026-11-29", "2026-11-29T10:00:00Z", "2026-11-29T10:00", "２０２６-11-29", "12026-11-29")) {
            refused("{\"verifiedOn\":\"" + date + "\"}", "verifiedOn");
        }
        for (String time : List.of("+12027-03-31T23:59:00+09:00", "2027-03-31T23:59+09:00", "2027-03-31", "2027-03-31T23:59:00")) {
            refused("{\"deadline\":\"" + time + "\"}", "deadline");
        }
    }

    @Test
    void floatingPointNumbersAreFinite() throws Exception {
        assertEquals(33.85, mapper.readValue("{\"latitude\":33.85}", Body.class).latitude());
        refused("{\"latitude\":1e400}", "latitude");
        refused("{\"latitude\":-1e400}", "latitude");
    }

    @Test
    void wholeNumbersOutOfRangeNameTheField() {
        refused("{\"steps\":[{\"days\":18446744073709551616}]}", "steps[0].days");
    }

    @Test
    void stringsAreWellFormedUnicode() throws Exception {
        assertEquals("\uD83D\uDE00", mapper.readValue("{\"name\":\"\\ud83d\\ude00\"}", Body.class).name());
        refused("{\"name\":\"a\\ud800b\"}", "name");
        refused("{\"name\":\"\\udc00\"}", "name");
        refused("{\"steps\":[{\"title\":\"\\ud800\"}]}", "steps[0].title");
    }

    @Test
    void parseErrorsNameTheMemberInPlainWords() {
        assertTrue(refused("{\"name\":\"a\",\"name\":\"b\"}", "name").getMessage().contains("duplicate member"));
        assertTrue(refused("{\"steps\":[{\"title\":\"a\",\"title\":\"b\"}]}", "steps[0].title").getMessage().contains("duplicate member"));
        assertTrue(refused("{\"latitude\":NaN}", "latitude").getMessage().contains("NaN"));
        refused("{\"latitude\":Infinity}", "latitude");
        refused("{\"latitude\":-Infinity}", "latitude");
        refused("{\"steps\":[{\"days\":0x10}]}", "steps[0].days");
        refused("{\"steps\":[{\"days\":010}]}", "steps[0].days");
        refused("{\"name\":\"a\"", "body");
    }
}
