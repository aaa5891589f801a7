package org.citycoop.matching.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.citycoop.platform.web.StrictJson;

/**
 * Reads other services' event data tolerantly (a tolerant reader): unknown fields are ignored
 * ({@link StrictJson#tolerant}) and unknown code values read as null, which the data records drop. Also writes
 * the read model's JSONB with the same mapper, so what is stored reads back the same.
 */
@Singleton
public class EventJson {

    private final ObjectMapper mapper;

    @Inject
    public EventJson(ObjectMapper serviceMapper) {
        this.mapper = tolerant(serviceMapper);
    }

    /** The tolerant copy of the service's mapper (public for the contract tests, which run without Quarkus). */
    public static ObjectMapper tolerant(ObjectMapper serviceMapper) {
        return StrictJson.tolerant(serviceMapper).enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
    }

    public <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return mapper.readValue(json, type);
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Read-model data cannot be written as JSON", e);
        }
    }
}
