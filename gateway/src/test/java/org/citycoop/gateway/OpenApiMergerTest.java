package org.citycoop.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.citycoop.devstack.OpenApiCheck;
import org.citycoop.gateway.openapi.OpenApiMerger;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merge of documents shaped as the platform's OpenAPI filter shapes each service's (the shared
 * components copied from the gateway's own document, which carries the same ones) with the gateway's
 * own, generated from its {@code /v1/clients} resource (served alone at {@code /q/openapi-gateway}), checked with
 * {@link OpenApiCheck} (swagger-parser and the suite's rules).
 */
@QuarkusTest
@QuarkusTestResource(OriginServer.class)
class OpenApiMergerTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode gatewayDocument() throws Exception {
        return mapper.readTree(given().queryParam("format", "json").get("/q/openapi-gateway").then().statusCode(200)
                .extract().asByteArray());
    }

    /** A service document with one public list and the components every service shares. */
    private JsonNode service(String path, String operationId, String itemSchema) throws Exception {
        ObjectNode document = (ObjectNode) mapper.readTree("""
                {"openapi":"3.1.0","paths":{"%s":{"get":{"operationId":"%s","security":[],
                "parameters":[{"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":100}}],
                "responses":{"200":{"description":"A page","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}},
                "400":{"$ref":"#/components/responses/BadRequest"},"401":{"$ref":"#/components/responses/Unauthorized"},
                "429":{"$ref":"#/components/responses/TooManyRequests"}}}}},
                "components":{"schemas":{"Item":%s}}}""".formatted(path, operationId, itemSchema));
        JsonNode shared = gatewayDocument().path("components");
        ObjectNode components = (ObjectNode) document.get("components");
        components.set("securitySchemes", shared.get("securitySchemes"));
        components.set("responses", shared.get("responses"));
        ((ObjectNode) components.get("schemas")).set("Problem", shared.path("schemas").get("Problem"));
        ((ObjectNode) components.get("schemas")).set("FieldError", shared.path("schemas").get("FieldError"));
        return document;
    }

    private JsonNode merge(Map<String, JsonNode> services, List<String> unavailable) throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>(services);
        documents.put("gateway", gatewayDocument());
        return new OpenApiMerger(mapper).merge(documents, unavailable);
    }

    @Test
    void theMergedDocumentIsValidWithOneApiKeySchemeAndTheSharedProblemResponsesOnce() throws Exception {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        services.put("catalog", service("/v1/schemes", "SchemeResource_search", "{\"type\":\"object\"}"));
        services.put("twinning", service("/v1/cities", "CityResource_search", "{\"type\":\"object\"}"));
        JsonNode merged = OpenApiCheck.check(merge(services, List.of()).toString());

        assertEquals(List.of("ApiKey"), fieldNames(merged.at("/components/securitySchemes")));
        assertEquals(fieldNames(gatewayDocument().at("/components/responses")), fieldNames(merged.at("/components/responses")));
        assertTrue(OpenApiCheck.isPublic(merged.at("/paths/~1v1~1schemes/get")));
        // the gateway's own operations follow the same conventions
        assertEquals(List.of("SECRETARIAT_ADMIN"), mapper.convertValue(merged.at("/paths/~1v1~1clients/post/security/0/ApiKey"), List.class));
        assertEquals("#/components/responses/Unauthorized", merged.at("/paths/~1v1~1clients/post/responses/401/$ref").asText());
        assertEquals(4, merged.at("/paths/~1v1~1clients~1me/get/security/0/ApiKey").size(), "any client's key, not the public");
        assertEquals("#/components/schemas/IssuedKey",
                merged.at("/paths/~1v1~1clients/post/responses/201/content/application~1json/schema/$ref").asText());
    }

    @Test
    void theGatewaysOwnDocumentAloneIsValid() throws Exception {
        JsonNode merged = OpenApiCheck.check(merge(Map.of(), List.of("catalog", "matching", "twinning")).toString());
        assertEquals("matching", merged.at("/x-citycoop-unavailable/1").asText());
    }

    @Test
    void keepsBothShapesWhenServicesDefineASchemaDifferently() throws Exception {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        services.put("catalog", service("/v1/schemes", "SchemeResource_search", "{\"type\":\"object\",\"required\":[\"ref\"]}"));
        services.put("twinning", service("/v1/cities", "CityResource_search", "{\"type\":\"object\",\"required\":[\"geonamesId\"]}"));
        JsonNode merged = OpenApiCheck.check(merge(services, List.of()).toString());

        assertEquals("ref", merged.at("/components/schemas/Item/required/0").asText());
        assertEquals("geonamesId", merged.at("/components/schemas/TwinningItem/required/0").asText());
        assertEquals("#/components/schemas/TwinningItem",
                merged.at("/paths/~1v1~1cities/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Item",
                merged.at("/paths/~1v1~1schemes/get/responses/200/content/application~1json/schema/$ref").asText());
        assertTrue(merged.path("x-citycoop-unavailable").isMissingNode());
    }

    @Test
    void aSecuritySchemeOrResponseDefinedDifferentlyIsRenamedWithItsReferences() throws Exception {
        ObjectNode twinning = (ObjectNode) service("/v1/cities", "CityResource_search", "{\"type\":\"object\"}");
        ((ObjectNode) twinning.at("/components/responses/Unauthorized")).put("description", "Something else");
        ((ObjectNode) twinning.at("/components/securitySchemes/ApiKey")).put("description", "Something else");
        ((ObjectNode) twinning.at("/paths/~1v1~1cities/get")).putArray("security").addObject().putArray("ApiKey");
        Map<String, JsonNode> services = new LinkedHashMap<>();
        services.put("catalog", service("/v1/schemes", "SchemeResource_search", "{\"type\":\"object\"}"));
        services.put("twinning", twinning);
        JsonNode merged = merge(services, List.of());

        assertEquals("Something else", merged.at("/components/responses/TwinningUnauthorized/description").asText());
        assertEquals("#/components/responses/TwinningUnauthorized", merged.at("/paths/~1v1~1cities/get/responses/401/$ref").asText());
        assertTrue(merged.at("/paths/~1v1~1cities/get/security/0").has("TwinningApiKey"));
        assertEquals("#/components/responses/Unauthorized", merged.at("/paths/~1v1~1schemes/get/responses/401/$ref").asText());
    }

    @Test
    void operationIdsStayUnique() throws Exception {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        services.put("catalog", service("/v1/schemes", "Resource_list", "{\"type\":\"object\"}"));
        services.put("twinning", service("/v1/cities", "Resource_list", "{\"type\":\"object\"}"));
        JsonNode merged = OpenApiCheck.check(merge(services, List.of()).toString());

        assertEquals("Resource_list", merged.at("/paths/~1v1~1schemes/get/operationId").asText());
        assertEquals("TwinningResource_list", merged.at("/paths/~1v1~1cities/get/operationId").asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
