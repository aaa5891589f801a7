package org.citycoop.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.citycoop.platform.web.StrictJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The producers' example events (the contract): catalog-service's and twinning-service's
 * {@code src/main/resources/events/}, read from the checkout next to this module.
 */
public final class ExampleEvents {

    public static final Path SCHEME = Path.of("../catalog-service/src/main/resources/events/org.citycoop.catalog.scheme.updated.v1.json");
    public static final Path SCHEME_CREATED = Path.of("../catalog-service/src/main/resources/events/org.citycoop.catalog.scheme.created.v1.json");
    public static final Path AGENCY_CREATED = Path.of("../catalog-service/src/main/resources/events/org.citycoop.catalog.agency.created.v1.json");
    public static final Path AGENCY = Path.of("../catalog-service/src/main/resources/events/org.citycoop.catalog.agency.updated.v1.json");
    public static final Path ACTIVITY = Path.of("../catalog-service/src/main/resources/events/org.citycoop.catalog.activity.updated.v1.json");
    public static final Path ACTIVITY_CREATED = Path.of("../catalog-service/src/main/resources/events/org.citycoop.catalog.activity.created.v1.json");
    public static final Path ARRANGEMENT = Path.of("../twinning-service/src/main/resources/events/org.citycoop.twinning.arrangement.updated.v1.json");

    /** A mapper set up like the service's: Jackson's modules and the suite's JSON rules. */
    public static final ObjectMapper SERVICE_MAPPER = serviceMapper();

    private ExampleEvents() {
    }

    /** The {@code data} of an example event, as a fresh copy that a test may change. */
    public static ObjectNode data(Path example) {
        try {
            return (ObjectNode) SERVICE_MAPPER.readTree(example.toFile()).get("data").deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper serviceMapper() {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
