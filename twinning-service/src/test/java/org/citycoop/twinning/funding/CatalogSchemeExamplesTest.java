package org.citycoop.twinning.funding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.citycoop.platform.events.IncomingEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract with the catalogue: its example scheme events (catalog-service/src/main/resources/events) read as this consumer reads them. */
class CatalogSchemeExamplesTest {

    static final Path EVENTS = Path.of("../catalog-service/src/main/resources/events");
    private final ObjectMapper mapper = new ObjectMapper();

    static IncomingEvent incoming(JsonNode example) {
        return new IncomingEvent(example.path("id").asText(), example.path("source").asText(), example.path("type").asText(),
                example.path("subject").asText(), example.path("time").asText(), example.path("subject").asText(),
                example.path("data").toString());
    }

    @Test
    void everyExampleSchemeEventReadsWithIdVersionAndStatus() throws IOException {
        for (String type : SchemeEventsConsumer.TYPES) {
            JsonNode example = mapper.readTree(EVENTS.resolve(type + ".json").toFile());
            assertEquals(type, example.path("type").asText());
            SchemeData scheme = new SchemeEventsConsumer(mapper).read(incoming(example));
            assertEquals(example.path("data").path("id").asText(), scheme.id());
            assertEquals(example.path("data").path("version").asLong(), scheme.version());
            assertNotNull(scheme.status(), type);
            assertTrue(scheme.name() != null && !scheme.name().isBlank());
        }
    }

    @Test
    void anEventWithoutVersionIsRefused() throws IOException {
        JsonNode example = mapper.readTree(EVENTS.resolve("org.citycoop.catalog.scheme.updated.v1.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) example.path("data")).remove("version");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SchemeEventsConsumer(mapper).read(incoming(example)));
    }
}
