package org.citycoop.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents and the gateway's own into the one public document: all paths
 * (the services own disjoint prefixes), tags, and components of every kind. The documents share the
 * components the platform declares once (the {@code ApiKey} security scheme, the {@code Problem} schema
 * and the problem responses of {@code components.responses}): identical definitions are kept once. When
 * two documents define a component of the same name differently, the later one is renamed
 * {@code <Service><Name>} and its references rewritten, so that no document's shapes are silently
 * replaced; an operation id already taken is prefixed the same way. Services that did not answer are
 * listed under {@code x-citycoop-unavailable}.
 */
public final class OpenApiMerger {

    /** OpenAPI 3.1, as the services generate it. */
    public static final String VERSION = "3.1.0";
    private static final String SECURITY_SCHEMES = "securitySchemes";
    private final ObjectMapper mapper;

    public OpenApiMerger(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param documents each document by service name, in a stable order
     * @param unavailable services whose document could not be fetched
     */
    public ObjectNode merge(Map<String, JsonNode> documents, List<String> unavailable) {
        ObjectNode merged = mapper.createObjectNode();
        merged.put("openapi", VERSION);
        merged.putObject("info")
                .put("title", "CityCoop API")
                .put("version", "1")
                .put("description", "Support schemes of international agencies for local governments in Asia and the "
                        + "Pacific, matching of schemes to a city's needs, and city-to-city twinning. One entry point; "
                        + "errors are RFC 9457 problem documents (application/problem+json). Operations with "
                        + "`security: []` need no API key.");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = mapper.createObjectNode();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : documents.entrySet()) {
            JsonNode document = entry.getValue().deepCopy();
            renameConflictingComponents(entry.getKey(), document, components);
            document.path("paths").fields().forEachRemaining(path -> {
                keepOperationIdsUnique(entry.getKey(), path.getValue(), operationIds);
                paths.set(path.getKey(), path.getValue());
            });
            document.path("components").fields().forEachRemaining(kind -> {
                ObjectNode into = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey()) : components.putObject(kind.getKey());
                kind.getValue().fields().forEachRemaining(component -> into.set(component.getKey(), component.getValue()));
            });
            for (JsonNode tag : document.path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), tag);
            }
        }
        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.values().forEach(tagArray::add);
        }
        merged.set("components", components);
        if (!unavailable.isEmpty()) {
            ArrayNode missing = merged.putArray("x-citycoop-unavailable");
            unavailable.forEach(missing::add);
        }
        return merged;
    }

    private static void keepOperationIdsUnique(String service, JsonNode pathItem, Set<String> taken) {
        pathItem.fields().forEachRemaining(operation -> {
            JsonNode id = operation.getValue().get("operationId");
            if (operation.getValue() instanceof ObjectNode object && id != null && id.isTextual() && !taken.add(id.asText())) {
                String unique = capitalise(service) + id.asText();
                object.put("operationId", unique);
                taken.add(unique);
            }
        });
    }

    private void renameConflictingComponents(String service, JsonNode document, ObjectNode known) {
        Map<String, Map<String, String>> renames = new LinkedHashMap<>();
        document.path("components").fields().forEachRemaining(kind -> {
            JsonNode existing = known.path(kind.getKey());
            Map<String, String> kindRenames = new LinkedHashMap<>();
            kind.getValue().fields().forEachRemaining(component -> {
                JsonNode other = existing.get(component.getKey());
                if (other != null && !other.equals(component.getValue())) {
                    kindRenames.put(component.getKey(), capitalise(service) + component.getKey());
                }
            });
            if (!kindRenames.isEmpty()) {
                renames.put(kind.getKey(), kindRenames);
                ObjectNode own = (ObjectNode) kind.getValue();
                kindRenames.forEach((from, to) -> own.set(to, own.remove(from)));
            }
        });
        if (!renames.isEmpty()) {
            rewriteReferences(document, renames);
        }
    }

    /** Rewrites {@code $ref}s to renamed components, and renamed security schemes in security requirements. */
    private static void rewriteReferences(JsonNode node, Map<String, Map<String, String>> renames) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if ("$ref".equals(name) && value.isTextual() && value.asText().startsWith("#/components/")) {
                    String[] parts = value.asText().split("/", 4);
                    String to = parts.length == 4 ? renames.getOrDefault(parts[2], Map.of()).get(parts[3]) : null;
                    if (to != null) {
                        object.set(name, TextNode.valueOf("#/components/" + parts[2] + "/" + to));
                    }
                } else if ("security".equals(name) && value.isArray() && renames.containsKey(SECURITY_SCHEMES)) {
                    for (JsonNode requirement : value) {
                        if (requirement instanceof ObjectNode schemes) {
                            renameFields(schemes, renames.get(SECURITY_SCHEMES));
                        }
                    }
                } else {
                    rewriteReferences(value, renames);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteReferences(element, renames));
        }
    }

    private static void renameFields(ObjectNode object, Map<String, String> renames) {
        renames.forEach((from, to) -> {
            if (object.has(from)) {
                object.set(to, object.remove(from));
            }
        });
    }

    private static String capitalise(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
