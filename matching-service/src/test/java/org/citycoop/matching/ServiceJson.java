package org.citycoop.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.citycoop.platform.web.StrictJson;

/** A mapper set up like the service's, for tests without Quarkus: Jackson's modules and the suite's JSON rules. */
public final class ServiceJson {

    public static final ObjectMapper MAPPER = mapper();

    private ServiceJson() {
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
