package org.citycoop.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.citycoop.platform.web.StrictJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aCallerClosingItsConnectionIsToldApartFromAFailure() {
        assertTrue(ProblemMappers.callerWentAway(new java.io.IOException(new java.nio.channels.ClosedChannelException())));
        assertTrue(!ProblemMappers.callerWentAway(new java.io.IOException("disk full")));
        assertTrue(!ProblemMappers.callerWentAway(new IllegalStateException(new RuntimeException())));
    }

    @Test
    void namesTheJsonPathOfTheFailingField() {
        assertEquals("steps[1].typicalDays", pathOfFailure("{\"steps\":[{\"title\":\"a\"},{\"title\":\"b\",\"typicalDays\":\"14\"}]}"));
        assertEquals("steps[0].typicalDays", pathOfFailure("{\"steps\":[{\"typicalDays\":14.5}]}"));
        assertEquals("name", pathOfFailure("{\"name\":42}"));
        assertEquals("surprise", pathOfFailure("{\"surprise\":true}"));
        assertEquals("steps[0].title", pathOfFailure("{\"steps\":[{\"title\":\"a\\u0000b\"}]}"));
    }

    record Money(String amount, String currency) {
    }

    record Priced(Money price, Integer count, java.util.UUID needId) {
    }

    private String detailOfFailure(String json) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> strict.readValue(json, Priced.class));
        return ProblemMappers.unreadable(e).errors().get(0).detail();
    }

    @Test
    void wrongKindsOfValueAreDescribedInTheClientsTermsNotTheParsers() {
        assertEquals("expected a string, not the number 12", detailOfFailure("{\"price\":{\"amount\":12}}"));
        assertEquals("expected a whole number", detailOfFailure("{\"count\":\"twelve\"}"));
        assertEquals("expected a whole number, not the number 1.5", detailOfFailure("{\"count\":1.5}"));
        assertEquals("expected an object", detailOfFailure("{\"price\":[1]}"));
        assertEquals("expected a UUID such as \"3f2b8c1e-5d4a-4f6b-9c7d-2e1f0a9b8c7d\", not 'abc'", detailOfFailure("{\"needId\":\"abc\"}"));
        for (String json : List.of("{\"price\":{\"amount\":12}}", "{\"count\":\"twelve\"}", "{\"price\":[1]}", "{\"price\":\"x\"}")) {
            String detail = detailOfFailure(json);
            org.junit.jupiter.api.Assertions.assertFalse(detail.contains("Coercion") || detail.contains("java.") || detail.contains("`")
                    || detail.contains("(money)"), detail);
        }
    }

    record Window(java.time.OffsetDateTime deadline, java.time.LocalDate verifiedOn) {
    }

    @Test
    void timesAndDatesAreTakenAsStringsOnly() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(mapper);
        assertEquals(java.time.OffsetDateTime.parse("2027-03-31T23:59:00+09:00"),
                mapper.readValue("{\"deadline\":\"2027-03-31T23:59:00+09:00\"}", Window.class).deadline(), "the offset is kept");
        for (String json : List.of("{\"deadline\":1800000000}", "{\"verifiedOn\":20261129}", "{\"verifiedOn\":[2026,11,29]}")) {
            JsonMappingException e = assertThrows(JsonMappingException.class, () -> mapper.readValue(json, Window.class), json);
            assertTrue(ProblemMappers.unreadable(e).errors().get(0).detail().startsWith(json.contains("deadline")
                    ? "expected an RFC 3339 time with offset" : "expected an RFC 3339 date YYYY-MM-DD"), json);
        }
    }

    @Test
    void trailingContentAndRepeatedKeysAreRefused() {
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> strict.readValue("{\"name\":\"x\"} trailing", Body.class));
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> strict.readValue("{\"name\":\"x\",\"name\":\"y\"}", Body.class));
    }

    @Test
    void aHugeListOfFailuresIsReportedInBriefAndQuickly() {
        List<Problem.FieldError> errors = java.util.stream.IntStream.range(0, 200_000)
                .mapToObj(i -> new Problem.FieldError("sectors[" + i + "]", "unknown code")).toList();
        ProblemException problem = ProblemException.invalid(errors);
        assertEquals(ProblemException.MAX_REPORTED_ERRORS, problem.errors().size());
        org.junit.jupiter.api.Assertions.assertTrue(problem.getMessage().endsWith("and 199950 more"), problem.getMessage());
    }

    @Test
    void aDatabaseThatCannotBeReachedIsA503WithRetryAfterNotA500() {
        // what Hibernate throws while PostgreSQL restarts: the connection refused (SQLSTATE 08001) under its own exception
        Exception refused = new jakarta.persistence.PersistenceException("Unable to acquire JDBC Connection",
                new java.sql.SQLException("Connection to 127.0.0.1:15432 refused", "08001"));
        jakarta.ws.rs.core.Response response = new ProblemMappers().unexpected(refused, null, null);
        assertEquals(503, response.getStatus());
        assertEquals("2", response.getHeaderString("Retry-After"));
        assertEquals(ProblemTypes.SERVICE_UNAVAILABLE, ((Problem) response.getEntity()).type());
        // an administrator's shutdown of the session (57P01), as in a fast shutdown
        assertEquals(503, new ProblemMappers().unexpected(new RuntimeException(
                new java.sql.SQLException("terminating connection due to administrator command", "57P01")), null, null).getStatus());
    }

    @Test
    void databaseDataExceptionsAreRecognisedInTheCauses() {
        Exception wrapped = new RuntimeException(new IllegalStateException(new java.sql.SQLException("bad", "22021")));
        assertEquals("22021", ProblemMappers.dataException(wrapped).getSQLState());
        assertEquals(null, ProblemMappers.dataException(new RuntimeException(new java.sql.SQLException("x", "23505"))));
    }

    @Test
    void aNumberLongerThanTheParserTakesIsNamedInPlainWordsAtItsMember() throws Exception {
        String digits = "1".repeat(2000);
        com.fasterxml.jackson.core.JsonProcessingException e = assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> strict.readValue("{\"steps\":[{\"title\":\"a\",\"typicalDays\":" + digits + "}]}", Body.class));
        ProblemException problem = ProblemMappers.unreadable(e);
        Problem.FieldError error = problem.errors().get(0);
        assertEquals("steps[0]", error.field()); // the object holding the value: the parser's limit does not say which member
        assertTrue(error.detail().startsWith("too long or too deep"), error.detail());
        assertTrue(!error.detail().contains("StreamReadConstraints"), error.detail());
    }
}
