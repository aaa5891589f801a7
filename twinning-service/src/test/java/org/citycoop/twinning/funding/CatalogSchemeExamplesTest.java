package org.citycoop.twinning.funding;

import org.citycoop.devstack.ExampleEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.citycoop.platform.events.IncomingEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract with the catalogue: its example scheme events (catalog-service/src/main/resources/events) read as this consumer reads them. */
class CatalogSchemeExamplesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    static IncomingEvent incoming(JsonNode example) {
        return new IncomingEvent(example.path("id").asText(), example.path("source").asText(), example.path("type").asText(),
                example.path("subject").asText(), example.path("time").asText(), example.path("subject").asText(),
                example.path("data").toString());
    }

    @Test
    void everyTypeTheCataloguePublishesOnItsSchemeTopicIsRead() {
        assertEquals(ExampleEvents.types("org.citycoop.catalog.scheme."), new java.util.TreeSet<>(SchemeEventsConsumer.TYPES));
    }

    @Test
    void everyExampleSchemeEventReadsWithIdVersionAndStatus() throws IOException {
        for (String type : SchemeEventsConsumer.TYPES) {
            JsonNode example = ExampleEvents.example(type);
            SchemeData scheme = new SchemeEventsConsumer(mapper).read(incoming(example));
            assertEquals(example.path("data").path("id").asText(), scheme.id());
            assertEquals(example.path("data").path("version").asLong(), scheme.version());
            assertNotNull(scheme.status(), type);
            assertTrue(scheme.name() != null && !scheme.name().isBlank());
        }
    }

    @Test
    void anEventWithoutVersionIsRefused() throws IOException {
        JsonNode example = ExampleEvents.example(SchemeEventsConsumer.UPDATED);
        ((com.fasterxml.jackson.databind.node.ObjectNode) example.path("data")).remove("version");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SchemeEventsConsumer(mapper).read(incoming(example)));
    }
}
