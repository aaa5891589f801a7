package org.citycoop.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.citycoop.gateway.openapi.OpenApiMerger;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiMergerTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode doc(String path, String schemaBody) throws Exception {
        return mapper.readTree("""
                {"openapi":"3.1.0","paths":{"%s":{"get":{"responses":{"200":{"content":{"application/json":
                {"schema":{"$ref":"#/components/schemas/Item"}}}}}}}},
                "components":{"schemas":{"Item":%s,"Problem":{"type":"object"}}}}""".formatted(path, schemaBody));
    }

    @Test
    void keepsBothShapesWhenServicesDefineASchemaDifferently() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("catalog", doc("/v1/schemes", "{\"type\":\"object\",\"required\":[\"ref\"]}"));
        docs.put("twinning", doc("/v1/cities", "{\"type\":\"object\",\"required\":[\"geonamesId\"]}"));
        JsonNode merged = new OpenApiMerger(mapper).merge(docs, List.of());

        assertEquals("ref", merged.at("/components/schemas/Item/required/0").asText());
        assertEquals("geonamesId", merged.at("/components/schemas/TwinningItem/required/0").asText());
        assertEquals("#/components/schemas/TwinningItem",
                merged.at("/paths/~1v1~1cities/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Item",
                merged.at("/paths/~1v1~1schemes/get/responses/200/content/application~1json/schema/$ref").asText());
        // identical schemas are kept once
        assertTrue(merged.at("/components/schemas/TwinningProblem").isMissingNode());
        assertTrue(merged.path("x-citycoop-unavailable").isMissingNode());
    }
}
