package org.citycoop.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The producers' example events, the contract between services: one structured CloudEvent per published type in the
 * producer's {@code src/main/resources/events/<type>.json}, found from the type alone
 * ({@code org.citycoop.<service>.…} lives in {@code <service>-service}). Producers' tests compare what they publish
 * with them; consumers' tests read them as the consumer does and take the types they handle from them.
 */
public final class ExampleEvents {

    /** The CloudEvents attributes of every example, in this order. */
    public static final List<String> ENVELOPE = List.of("specversion", "id", "source", "type", "subject", "time",
            "datacontenttype", "data");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExampleEvents() {
    }

    /** The file of the example of {@code type}. */
    public static Path path(String type) {
        String[] parts = type.split("\\.");
        if (parts.length < 5 || !type.startsWith("org.citycoop.")) {
            throw new IllegalArgumentException("not a CityCoop event type: " + type);
        }
        return eventsOf(parts[2]).resolve(type + ".json");
    }

    /** The example of {@code type}; fails when there is none or its {@code type} attribute is another. */
    public static ObjectNode example(String type) {
        Path file = path(type);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no example event for " + type + " at " + file);
        }
        try {
            ObjectNode example = (ObjectNode) JSON.readTree(file.toFile());
            if (!type.equals(example.path("type").asText())) {
                throw new AssertionError(file + " has type " + example.path("type"));
            }
            return example;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data} of the example of {@code type}, a fresh copy that a test may change. */
    public static ObjectNode data(String type) {
        return (ObjectNode) example(type).get("data");
    }

    /**
     * The types of the examples whose type starts with {@code prefix} ({@code org.citycoop.catalog.scheme.}: every
     * type published on the catalogue's scheme topic).
     */
    public static Set<String> types(String prefix) {
        String service = prefix.split("\\.")[2];
        try (Stream<Path> files = Files.list(eventsOf(service))) {
            Set<String> types = new TreeSet<>();
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(prefix) && name.endsWith(".json"))
                    .forEach(name -> types.add(name.substring(0, name.length() - ".json".length())));
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every field path in a JSON tree ({@code cities[].name}), to compare shapes. */
    public static TreeSet<String> fieldPaths(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    /**
     * Where {@code published} differs in shape from {@code example}: the field names of each object, descending into
     * objects and the first element of arrays, and the JSON type of each value neither side has as null.
     */
    public static List<String> shapeDifferences(String path, JsonNode example, JsonNode published) {
        List<String> differences = new ArrayList<>();
        compare(path, example, published, differences);
        return differences;
    }

    private static void compare(String path, JsonNode example, JsonNode published, List<String> differences) {
        if (example.isObject() && published.isObject()) {
            if (!names(example).equals(names(published))) {
                differences.add(path + ": example " + names(example) + ", published " + names(published));
            }
            example.fieldNames().forEachRemaining(name -> {
                if (published.has(name)) {
                    compare(path + "." + name, example.get(name), published.get(name), differences);
                }
            });
        } else if (example.isArray() && published.isArray() && !example.isEmpty() && !published.isEmpty()) {
            compare(path + "[0]", example.get(0), published.get(0), differences);
        } else if (!example.isNull() && !published.isNull() && example.getNodeType() != published.getNodeType()) {
            differences.add(path + ": example is " + example.getNodeType() + ", published " + published.getNodeType());
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collect(JsonNode node, String prefix, TreeSet<String> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, prefix + "[]", paths));
        }
    }

    /** {@code <checkout>/<service>-service/src/main/resources/events}, from a module folder of the checkout. */
    private static Path eventsOf(String service) {
        String module = service + "-service";
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(module))) {
                return dir.resolve(module).resolve("src/main/resources/events");
            }
        }
        throw new IllegalStateException("no " + module + " above " + Path.of("").toAbsolutePath());
    }
}
