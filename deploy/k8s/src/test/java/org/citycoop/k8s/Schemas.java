package org.citycoop.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON schemas of the kinds deploy/k8s uses, made strict as kubeconform's {@code -strict} makes them: an object
 * schema that lists its properties refuses any other (additionalProperties false) unless it says it keeps unknown
 * fields (x-kubernetes-preserve-unknown-fields), so that a misspelt field is an error rather than ignored.
 * <ul>
 * <li>Kubernetes' own kinds: the definitions of the cluster's OpenAPI document
 * (schemas/kubernetes/definitions.json), found by their x-kubernetes-group-version-kind; IntOrString and Quantity,
 * which the document gives as strings, also take the numbers that YAML writes for them.</li>
 * <li>The operators' kinds: the openAPIV3Schema of each served version of their CustomResourceDefinitions
 * (schemas/crds/*.yaml), with metadata checked as Kubernetes' ObjectMeta (the CRDs say only "object").</li>
 * </ul>
 * Both are read as JSON Schema draft 4, the dialect OpenAPI 2 and the CRDs' structural schemas are based on.
 * Not checked here: the CRDs' CEL rules (x-kubernetes-validations), which only an API server evaluates.
 */
final class Schemas {

    static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    static final List<String> CRDS = List.of(
            "strimzi-040-Crd-kafka.yaml", "strimzi-043-Crd-kafkatopic.yaml", "strimzi-045-Crd-kafkanodepool.yaml",
            "cnpg-postgresql.cnpg.io_clusters.yaml", "cnpg-postgresql.cnpg.io_databases.yaml",
            "cnpg-postgresql.cnpg.io_databaseroles.yaml", "cnpg-postgresql.cnpg.io_scheduledbackups.yaml",
            "barman-cloud-barmancloud.cnpg.io_objectstores.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final ObjectNode definitions;
    /** The raw schema of each "apiVersion kind": a definition's name, or a CRD version's openAPIV3Schema. */
    private final Map<String, JsonNode> sources = new HashMap<>();
    private final Map<String, Schema> schemas = new HashMap<>();

    Schemas() {
        JsonNode document = read("schemas/kubernetes/definitions.json", JSON);
        definitions = (ObjectNode) document.path("definitions").deepCopy();
        definitions.fieldNames().forEachRemaining(name -> {
            for (JsonNode gvk : definitions.path(name).path("x-kubernetes-group-version-kind")) {
                String group = gvk.path("group").asText();
                String apiVersion = group.isEmpty() ? gvk.path("version").asText() : group + "/" + gvk.path("version").asText();
                sources.put(apiVersion + " " + gvk.path("kind").asText(), JsonNodeFactory.instance.textNode(name));
            }
        });
        definitions.properties().forEach(entry -> strict(entry.getValue()));
        ObjectNode number = definitions.putObject("io.k8s.apimachinery.pkg.util.intstr.IntOrString");
        number.putArray("type").add("integer").add("string");
        definitions.putObject("io.k8s.apimachinery.pkg.api.resource.Quantity").putArray("type").add("string").add("number");
        for (String crd : CRDS) {
            JsonNode definition = read("schemas/crds/" + crd, Manifests.YAML);
            String group = definition.path("spec").path("group").asText();
            String kind = definition.path("spec").path("names").path("kind").asText();
            for (JsonNode version : definition.path("spec").path("versions")) {
                if (version.path("served").asBoolean()) {
                    sources.put(group + "/" + version.path("name").asText() + " " + kind,
                            version.path("schema").path("openAPIV3Schema"));
                }
            }
        }
    }

    /** The errors of one document, each with the path of the field; empty when it is valid. */
    List<String> validate(JsonNode document) {
        String key = document.path("apiVersion").asText() + " " + document.path("kind").asText();
        Optional<Schema> schema = schema(key);
        if (schema.isEmpty()) {
            return List.of("no schema for " + key + " (a kind this folder does not use, or a wrong apiVersion)");
        }
        return schema.get().validate(document).stream().map(Error::toString).toList();
    }

    boolean knows(String apiVersion, String kind) {
        return sources.containsKey(apiVersion + " " + kind);
    }

    private Optional<Schema> schema(String key) {
        JsonNode source = sources.get(key);
        if (source == null) {
            return Optional.empty();
        }
        return Optional.of(schemas.computeIfAbsent(key, k -> {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("$schema", "http://json-schema.org/draft-04/schema#");
            if (source.isTextual()) {
                root.putArray("allOf").addObject().put("$ref", "#/definitions/" + source.asText());
            } else {
                ObjectNode crd = source.deepCopy();
                strict(crd);
                ((ObjectNode) crd.path("properties")).putObject("metadata").put("$ref", "#/definitions/" + OBJECT_META);
                root.putArray("allOf").add(crd);
            }
            root.set("definitions", definitions);
            return registry.getSchema(root);
        }));
    }

    /** Makes an OpenAPI schema strict in place (see the class comment) and lets nullable fields be null. */
    static void strict(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(Schemas::strict);
            return;
        }
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (schema.has("properties") && !schema.has("additionalProperties")
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            schema.put("additionalProperties", false);
        }
        if (schema.path("nullable").asBoolean() && schema.path("type").isTextual()) {
            schema.putArray("type").add(schema.path("type").asText()).add("null");
        }
        schema.path("properties").forEach(Schemas::strict);
        for (String keyword : List.of("items", "additionalProperties", "allOf", "anyOf", "oneOf", "not")) {
            strict(schema.path(keyword));
        }
    }

    private static JsonNode read(String resource, ObjectMapper mapper) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
