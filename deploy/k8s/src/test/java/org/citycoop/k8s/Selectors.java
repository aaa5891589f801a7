package org.citycoop.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Kubernetes label selectors (matchLabels and matchExpressions, or a Service's plain map) against a set of labels. */
final class Selectors {

    private Selectors() {
    }

    /** A Service's selector: every pair present. */
    static boolean plainMatches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false; // a Service without a selector selects no pod of ours
        }
        for (Map.Entry<String, JsonNode> pair : selector.properties()) {
            if (!labels.path(pair.getKey()).asText("\u0000").equals(pair.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    /** A LabelSelector: matchLabels and every matchExpressions entry; an empty selector matches everything. */
    static boolean matches(JsonNode selector, JsonNode labels) {
        if (!plainMatches(selector.path("matchLabels"), labels) && !selector.path("matchLabels").isEmpty()) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            JsonNode value = labels.path(expression.path("key").asText());
            Set<String> values = new HashSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value.isTextual() && values.contains(value.asText());
                case "NotIn" -> !value.isTextual() || !values.contains(value.asText());
                case "Exists" -> value.isTextual();
                case "DoesNotExist" -> !value.isTextual();
                default -> throw new IllegalArgumentException("operator " + expression.path("operator"));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
