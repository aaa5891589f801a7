package org.citycoop.matching.readmodel;

import org.citycoop.devstack.ExampleEvents;
import org.citycoop.matching.ServiceJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ArrangementStatus;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.StepActor;
import org.citycoop.matching.vocabulary.SupportType;
import org.citycoop.matching.vocabulary.WindowKind;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The producers' example events parse into the read-model classes, with every field matching relies on. */
class EventContractTest {

    private final ObjectMapper json = EventJson.tolerant(ServiceJson.MAPPER);

    @Test
    void everyTypeThatTheProducersPublishOnATopicIsReadFromIt() {
        assertEquals(ExampleEvents.types("org.citycoop.catalog.scheme."), new TreeSet<>(ReadModelConsumers.SCHEME_TYPES));
        assertEquals(ExampleEvents.types("org.citycoop.catalog.agency."), new TreeSet<>(ReadModelConsumers.AGENCY_TYPES));
        assertEquals(ExampleEvents.types("org.citycoop.catalog.activity."), new TreeSet<>(ReadModelConsumers.ACTIVITY_TYPES));
        assertEquals(ExampleEvents.types("org.citycoop.twinning.arrangement."), new TreeSet<>(ReadModelConsumers.ARRANGEMENT_TYPES));
    }

    @Test
    void catalogueSchemeEvent() throws Exception {
        SchemeData scheme = json.treeToValue(ExampleEvents.data(ReadModelConsumers.SCHEME_UPDATED), SchemeData.class);
        assertEquals("0b6f3f7e-2d4c-4a8e-bb1e-5c8f1a2d9e10", scheme.id());
        assertEquals("unep-ietc", scheme.agencyId());
        assertEquals("AQ-2027-01", scheme.ref());
        assertEquals("Air quality monitoring support for cities", scheme.name());
        assertEquals("都市の大気質モニタリング支援", scheme.names().get("ja"));
        assertEquals(Map.of("en", "Technical assistance to set up city air quality monitoring networks.",
                "ja", "都市の大気質モニタリング網の整備に対する技術支援。"), scheme.descriptions());
        assertEquals(List.of(SupportType.TECHNICAL), scheme.supportTypes());
        assertEquals(List.of(ChallengeArea.AIR_QUALITY), scheme.challengeAreas());
        assertEquals(List.of(ApplicantType.LOCAL_GOVERNMENT), scheme.applicantTypes());
        assertEquals("DIRECT", scheme.channel());
        assertNull(scheme.partnerCityRequired());
        assertEquals(List.of("VN", "ID"), scheme.eligibleCountries());
        assertEquals(List.of("789"), scheme.eligibleRegions());
        assertEquals(new Money("10000", "USD"), scheme.fundingRange().min());
        assertEquals(new Money("90000", "USD"), scheme.fundingRange().max());
        assertEquals(List.of(new SchemeData.ProcessStep("Expression of interest", StepActor.CITY, 14),
                new SchemeData.ProcessStep("Selection", StepActor.AGENCY, 30)), scheme.processSteps());
        assertEquals(WindowKind.FIXED, scheme.window().kind());
        assertEquals(OffsetDateTime.parse("2027-01-10T09:00:00+09:00"), scheme.window().opens());
        assertEquals("+09:00", scheme.window().deadline().getOffset().getId(), "the offset is kept");
        assertEquals(OffsetDateTime.parse("2027-03-31T23:59:00+09:00"), scheme.window().deadline());
        assertNull(scheme.supersededBy());
        assertEquals(SchemeStatus.FORECASTED, scheme.status());
        assertEquals("https://example.org/aq", scheme.sourceUrl());
        assertEquals(2L, scheme.version());
    }

    @Test
    void catalogueSchemeCreatedEvent() throws Exception {
        SchemeData scheme = json.treeToValue(ExampleEvents.data(ReadModelConsumers.SCHEME_CREATED), SchemeData.class);
        assertEquals("0b6f3f7e-2d4c-4a8e-bb1e-5c8f1a2d9e10", scheme.id());
        assertEquals(1L, scheme.version());
        assertEquals(List.of("ID", "VN"), scheme.eligibleCountries());
        assertEquals(List.of(new SchemeData.ProcessStep("Expression of interest", StepActor.CITY, 14)), scheme.processSteps());
        assertEquals(OffsetDateTime.parse("2027-03-31T23:59:00+09:00"), scheme.window().deadline());
    }

    @Test
    void catalogueAgencyCreatedEvent() throws Exception {
        AgencyData agency = json.treeToValue(ExampleEvents.data(ReadModelConsumers.AGENCY_CREATED), AgencyData.class);
        assertEquals("unep-ietc", agency.id());
        assertEquals("UNEP-IETC", agency.acronym());
        assertEquals(1L, agency.version());
    }

    @Test
    void catalogueAgencyEvent() throws Exception {
        AgencyData agency = json.treeToValue(ExampleEvents.data(ReadModelConsumers.AGENCY_UPDATED), AgencyData.class);
        assertEquals(new AgencyData("unep-ietc", "UN Environment Programme, International Environmental Technology Centre",
                "UNEP-IETC", 1L), agency);
    }

    @Test
    void catalogueActivityEvents() throws Exception {
        for (var example : List.of(ReadModelConsumers.ACTIVITY_CREATED, ReadModelConsumers.ACTIVITY_UPDATED)) {
            ActivityData activity = json.treeToValue(ExampleEvents.data(example), ActivityData.class);
            assertEquals("4b6a1f0e-2c3d-4e5f-8a9b-1c2d3e4f5a6b", activity.id());
            assertEquals("example-agency", activity.agencyId());
            assertEquals(List.of("14050", "41010"), activity.dacSectors());
            assertEquals(true, activity.inCountry("ID"));
            assertEquals(java.util.Optional.of(2015), activity.startYear());
        }
        assertEquals(java.util.Optional.of(java.time.LocalDate.of(2026, 11, 30)),
                json.treeToValue(ExampleEvents.data(ReadModelConsumers.ACTIVITY_UPDATED), ActivityData.class).lastUpdatedDay());
    }

    @Test
    void twinningArrangementEvent() throws Exception {
        ArrangementData arrangement = json.treeToValue(ExampleEvents.data(ReadModelConsumers.ARRANGEMENT_UPDATED), ArrangementData.class);
        assertEquals("7c9e6679-7425-40de-944b-e07fc1f90ae7", arrangement.id());
        assertEquals("Kitakyushu and Surabaya composting cooperation", arrangement.title());
        assertEquals(List.of(new ArrangementData.City("1859307", "Kitakyushu", "JP", "MENTOR"),
                new ArrangementData.City("1625822", "Surabaya", "ID", "PARTNER")), arrangement.cities());
        assertEquals(ArrangementStatus.ACTIVE, arrangement.status());
        assertEquals(3L, arrangement.version());
    }

    @Test
    void unknownFieldsAreIgnoredAndUnknownCodesDropped() throws Exception {
        ObjectNode data = ExampleEvents.data(ReadModelConsumers.SCHEME_UPDATED);
        data.put("fieldAddedLater", "ignored");
        data.putArray("supportTypes").add("TECHNICAL").add("MICRO_GRANT");
        data.putObject("window").put("kind", "SEASONAL");
        data.putArray("processSteps").addObject().put("title", "Review").put("actor", "DONOR_COMMITTEE").put("typicalDays", 5);
        data.put("status", "PAUSED");
        SchemeData scheme = json.treeToValue(data, SchemeData.class);
        assertEquals(List.of(SupportType.TECHNICAL), scheme.supportTypes());
        assertNull(scheme.window().kind());
        assertNull(scheme.processSteps().get(0).actor());
        assertNull(scheme.status());
    }

    @Test
    void whatTheReadModelStoresReadsBackTheSame() throws Exception {
        EventJson eventJson = new EventJson(ServiceJson.MAPPER);
        SchemeData scheme = json.treeToValue(ExampleEvents.data(ReadModelConsumers.SCHEME_UPDATED), SchemeData.class);
        assertEquals(scheme, eventJson.read(eventJson.write(scheme), SchemeData.class));
    }
}
