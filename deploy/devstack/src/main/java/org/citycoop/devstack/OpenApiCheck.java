package org.citycoop.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks a public OpenAPI document of the suite must pass (the gateway's merged {@code /q/openapi}),
 * for the gateway's and the end-to-end tests: valid for swagger-parser, every local {@code $ref}
 * resolves, one security scheme {@value #API_KEY} (HTTP bearer), every operation says its
 * {@code security} ({@code []} for public ones, otherwise {@value #API_KEY}), unique operation ids,
 * every 4xx and 5xx response is an {@code application/problem+json} {@code Problem}, every {@code limit}
 * parameter an integer from 1 to 100. Needs {@code io.swagger.parser.v3:swagger-parser-v3} on the
 * test class path.
 */
public final class OpenApiCheck {

    /** The one security scheme: the API key the gateway issues, sent as {@code Authorization: Bearer <key>}. */
    public static final String API_KEY = "ApiKey";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** How the gateway's merger renames a component that two documents define differently. */
    private static final Set<String> RENAMED_PREFIXES = Set.of("Gateway", "Catalog", "Matching", "Twinning");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiCheck() {
    }

    /**
     * @return the document as a tree, for further assertions
     * @throws AssertionError naming every rule the document breaks
     */
    public static JsonNode check(String json) {
        List<String> failures = new ArrayList<>();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
        if (parsed.getOpenAPI() == null) {
            failures.add("swagger-parser could not read the document");
        }
        if (parsed.getMessages() != null) {
            parsed.getMessages().forEach(message -> failures.add("swagger-parser: " + message));
        }
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON", e);
        }
        checkRefs(document, document, "", failures);

        JsonNode schemes = document.path("components").path("securitySchemes");
        JsonNode apiKey = schemes.path(API_KEY);
        if (schemes.size() != 1 || !"http".equals(apiKey.path("type").asText()) || !"bearer".equals(apiKey.path("scheme").asText())) {
            failures.add("components.securitySchemes must be exactly one HTTP bearer scheme " + API_KEY + ", is " + schemes);
        }
        // the components every document shares are there once: a renamed copy means two documents define them differently
        checkNotRenamed(document.path("components").path("responses"), null, failures);
        checkNotRenamed(document.path("components").path("securitySchemes"), null, failures);
        checkNotRenamed(document.path("components").path("schemas"), Set.of("Problem", "FieldError"), failures);

        Set<String> operationIds = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            checkParameters(document, path.getKey(), path.getValue().path("parameters"), failures);
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                String id = operation.path("operationId").asText("");
                if (id.isEmpty() || !operationIds.add(id)) {
                    failures.add(where + ": operationId '" + id + "' is missing or not unique");
                }
                checkSecurity(where, operation.get("security"), failures);
                checkParameters(document, where, operation.path("parameters"), failures);
                if (!operation.path("responses").has("401")) {
                    failures.add(where + ": no 401 response (a wrong API key is refused on every operation)");
                }
                operation.path("responses").fields().forEachRemaining(response -> {
                    if (response.getKey().matches("[45]\\d\\d")) {
                        checkProblem(document, where + " " + response.getKey(), response.getValue(), failures);
                    }
                });
            }
        }
        if (operationIds.isEmpty()) {
            failures.add("no operations");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " OpenAPI problem(s):\n  " + String.join("\n  ", failures));
        }
        return document;
    }

    /** True when the operation is documented as open to anyone ({@code security: []}). */
    public static boolean isPublic(JsonNode operation) {
        JsonNode security = operation.get("security");
        return security != null && security.isArray() && security.isEmpty();
    }

    private static void checkNotRenamed(JsonNode components, Set<String> shared, List<String> failures) {
        components.fieldNames().forEachRemaining(name -> components.fieldNames().forEachRemaining(other -> {
            if ((shared == null || shared.contains(other)) && RENAMED_PREFIXES.stream().anyMatch(prefix -> name.equals(prefix + other))) {
                failures.add("components " + name + " beside " + other + ": the documents define " + other + " differently");
            }
        }));
    }

    private static void checkSecurity(String where, JsonNode security, List<String> failures) {
        if (security == null || !security.isArray()) {
            failures.add(where + ": no security (must be [] when public, otherwise " + API_KEY + ")");
            return;
        }
        for (JsonNode requirement : security) {
            Iterator<String> names = requirement.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!API_KEY.equals(name)) {
                    failures.add(where + ": security names '" + name + "', not " + API_KEY);
                }
            }
        }
    }

    private static void checkParameters(JsonNode document, String where, JsonNode parameters, List<String> failures) {
        for (JsonNode parameter : parameters) {
            JsonNode resolved = resolve(document, parameter);
            if (!"limit".equals(resolved.path("name").asText())) {
                continue;
            }
            JsonNode schema = resolve(document, resolved.path("schema"));
            JsonNode type = schema.path("type");
            boolean integer = "integer".equals(type.asText()) || type.isArray() && type.size() == 1 && "integer".equals(type.get(0).asText());
            if (!integer || schema.path("minimum").asInt(-1) != 1 || schema.path("maximum").asInt(-1) != 100) {
                failures.add(where + ": parameter limit must be an integer from 1 to 100, is " + schema);
            }
        }
    }

    private static void checkProblem(JsonNode document, String where, JsonNode response, List<String> failures) {
        JsonNode resolved = resolve(document, response);
        JsonNode content = resolved.path("content");
        JsonNode schema = content.path("application/problem+json").path("schema");
        if (content.size() != 1 || !PROBLEM_REF.equals(schema.path("$ref").asText())) {
            failures.add(where + ": not an application/problem+json " + PROBLEM_REF + " response: " + response);
        }
        if (resolved.path("description").asText().isBlank()) {
            failures.add(where + ": no description");
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private static void checkRefs(JsonNode document, JsonNode node, String at, List<String> failures) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ("$ref".equals(field.getKey()) && field.getValue().isTextual()) {
                    String ref = field.getValue().asText();
                    if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
                        failures.add(at + ": $ref " + ref + " does not resolve in this document");
                    }
                } else {
                    checkRefs(document, field.getValue(), at + "/" + field.getKey(), failures);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkRefs(document, node.get(i), at + "/" + i, failures);
            }
        }
    }
}
