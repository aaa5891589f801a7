package org.citycoop.catalog.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differences between two JSON documents, field by field: each leaf value that differs is one
 * {@link Difference} named by its path ({@code fundingRange.max.amount}, {@code processSteps[1].title}).
 * A field present on one side only (absent or null on the other) gives its leaves with a null before (added)
 * or after (removed); a longer or shorter array gives its extra elements the same way. Values are given as
 * text: strings as they are, numbers and booleans in their JSON form, an empty object or array as
 * {@code {}} or {@code []}. Differences come in a stable order whatever the order of the fields in either
 * document (JSONB does not keep it): object fields by name, array elements by index. Plain class: no CDI,
 * no database.
 */
public final class JsonDifferences {

    private final Set<String> ignored;

    /** @param ignoredFields top-level fields left out of the comparison (bookkeeping such as version) */
    public JsonDifferences(Set<String> ignoredFields) {
        this.ignored = Set.copyOf(ignoredFields);
    }

    /** One changed leaf: its path and its value before and after as text, null where absent or null. */
    public record Difference(String field, String before, String after) {
    }

    /** The differences from {@code before} to {@code after}: fields by name, elements by index. */
    public List<Difference> between(JsonNode before, JsonNode after) {
        List<Difference> differences = new ArrayList<>();
        compareObjects("", orMissing(before), orMissing(after), differences, true);
        return differences;
    }

    private void compare(String path, JsonNode before, JsonNode after, List<Difference> out) {
        boolean beforeAbsent = absent(before);
        boolean afterAbsent = absent(after);
        if (beforeAbsent && afterAbsent) {
            return;
        }
        if (beforeAbsent) {
            leaves(path, after, false, out);
        } else if (afterAbsent) {
            leaves(path, before, true, out);
        } else if (before.isObject() && after.isObject()) {
            compareObjects(path, before, after, out, false);
        } else if (before.isArray() && after.isArray()) {
            int size = Math.max(before.size(), after.size());
            for (int i = 0; i < size; i++) {
                compare(path + "[" + i + "]", before.path(i), after.path(i), out);
            }
        } else if (before.isContainerNode() || after.isContainerNode()) {
            // A value changed kind (text to object, say): the old leaves go, the new ones come.
            leaves(path, before, true, out);
            leaves(path, after, false, out);
        } else if (!text(before).equals(text(after))) {
            out.add(new Difference(path, text(before), text(after)));
        }
    }

    private void compareObjects(String path, JsonNode before, JsonNode after, List<Difference> out, boolean top) {
        Set<String> names = new TreeSet<>();
        after.fieldNames().forEachRemaining(names::add);
        before.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (top && ignored.contains(name)) {
                continue;
            }
            compare(path.isEmpty() ? name : path + "." + name, before.path(name), after.path(name), out);
        }
    }

    /** Every leaf under {@code node} as added ({@code removed} false) or removed. */
    private static void leaves(String path, JsonNode node, boolean removed, List<Difference> out) {
        if (absent(node)) {
            return;
        }
        if (node.isContainerNode() && !node.isEmpty()) {
            if (node.isObject()) {
                Set<String> names = new TreeSet<>();
                node.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    leaves(path + "." + name, node.get(name), removed, out);
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    leaves(path + "[" + i + "]", node.get(i), removed, out);
                }
            }
            return;
        }
        String value = text(node);
        out.add(removed ? new Difference(path, value, null) : new Difference(path, null, value));
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static JsonNode orMissing(JsonNode node) {
        return node == null || !node.isObject() ? MissingNode.getInstance() : node;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
