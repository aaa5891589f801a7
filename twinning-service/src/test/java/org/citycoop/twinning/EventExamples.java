package org.citycoop.twinning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The example events this service publishes ({@code src/main/resources/events/<type>.json}) and their shapes. */
public final class EventExamples {

    private EventExamples() {
    }

    /** The structured CloudEvent example of {@code type}. */
    public static JsonNode example(ObjectMapper mapper, String type) throws IOException {
        try (InputStream in = EventExamples.class.getClassLoader().getResourceAsStream("events/" + type + ".json")) {
            assertNotNull(in, "example for " + type);
            return mapper.readTree(in);
        }
    }

    /** Every field path in a JSON tree ({@code cities[].name}), to compare shapes. */
    public static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        collect(node, "", names);
        return names;
    }

    private static void collect(JsonNode node, String prefix, TreeSet<String> names) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                names.add(path);
                collect(field.getValue(), path, names);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, prefix + "[]", names));
        }
    }
}
