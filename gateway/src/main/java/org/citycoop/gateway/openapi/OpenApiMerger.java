package org.citycoop.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the services' OpenAPI documents into the one public document: all paths (the services own
 * disjoint prefixes), tags, and component schemas. When two services define a schema of the same name
 * differently, the later one is renamed {@code <Service><Name>} and its references rewritten, so that
 * no service's shapes are silently replaced. Services that did not answer are listed under
 * {@code x-citycoop-unavailable}. The document declares the bearer API key ({@value #SECURITY_SCHEME}) as
 * its security scheme, optional (public reads need none).
 */
public final class OpenApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";
    /** The name of the bearer API key scheme in {@code components.securitySchemes}. */
    public static final String SECURITY_SCHEME = "apiKey";
    private final ObjectMapper mapper;

    public OpenApiMerger(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param documents each service's document by service name, in a stable order
     * @param unavailable services whose document could not be fetched
     */
    public ObjectNode merge(Map<String, JsonNode> documents, List<String> unavailable) {
        ObjectNode merged = mapper.createObjectNode();
        merged.put("openapi", "3.1.0");
        merged.putObject("info")
                .put("title", "CityCoop API")
                .put("version", "1")
                .put("description", "Support schemes of international agencies for local governments in Asia and the "
                        + "Pacific, matching of schemes to a city's needs, and city-to-city twinning. One entry point; "
                        + "errors are RFC 9457 problem documents (application/problem+json).");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = mapper.createObjectNode();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : documents.entrySet()) {
            JsonNode document = entry.getValue().deepCopy();
            renameConflictingSchemas(entry.getKey(), document, schemas);
            document.path("paths").fields().forEachRemaining(path -> paths.set(path.getKey(), path.getValue()));
            document.path("components").path("schemas").fields()
                    .forEachRemaining(schema -> schemas.set(schema.getKey(), schema.getValue()));
            for (JsonNode tag : document.path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), tag);
            }
        }
        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.values().forEach(tagArray::add);
        }
        ObjectNode components = merged.putObject("components");
        components.set("schemas", schemas);
        components.putObject("securitySchemes").putObject(SECURITY_SCHEME)
                .put("type", "http").put("scheme", "bearer")
                .put("description", "An API key from the secretariat (POST /v1/clients), sent as Authorization: Bearer <key>. "
                        + "Without one a caller is the anonymous public: reads of schemes, agencies, vocabularies, cities and "
                        + "twinnings only, rate-limited per address. A wrong, replaced or revoked key is a 401 problem; a role "
                        + "or binding that does not allow the operation a 403 problem.");
        // either a key, or nobody (the public reads)
        ArrayNode security = merged.putArray("security");
        security.addObject().putArray(SECURITY_SCHEME);
        security.addObject();
        if (!unavailable.isEmpty()) {
            ArrayNode missing = merged.putArray("x-citycoop-unavailable");
            unavailable.forEach(missing::add);
        }
        return merged;
    }

    private void renameConflictingSchemas(String service, JsonNode document, ObjectNode known) {
        JsonNode own = document.path("components").path("schemas");
        Map<String, String> renames = new LinkedHashMap<>();
        own.fields().forEachRemaining(schema -> {
            JsonNode existing = known.get(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                renames.put(schema.getKey(), capitalise(service) + schema.getKey());
            }
        });
        if (renames.isEmpty()) {
            return;
        }
        ObjectNode ownSchemas = (ObjectNode) own;
        renames.forEach((from, to) -> ownSchemas.set(to, ownSchemas.remove(from)));
        rewriteRefs(document, renames);
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if ("$ref".equals(name) && value.isTextual() && value.asText().startsWith(SCHEMA_REF)) {
                    String target = value.asText().substring(SCHEMA_REF.length());
                    if (renames.containsKey(target)) {
                        object.set(name, TextNode.valueOf(SCHEMA_REF + renames.get(target)));
                    }
                } else {
                    rewriteRefs(value, renames);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
                rewriteRefs(it.next(), renames);
            }
        }
    }

    private static String capitalise(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
