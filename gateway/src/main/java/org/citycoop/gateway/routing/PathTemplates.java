package org.citycoop.gateway.routing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The path templates of the public API ({@code /v1/agencies/{agencyId}/schemes/{ref}}), as the services' OpenAPI
 * documents give them, so that the edge can name the path parameter a refused segment stands for, and count
 * requests by template in its metrics.
 */
public final class PathTemplates {

    public static final PathTemplates NONE = new PathTemplates(List.of());

    private final List<String[]> templates;

    private PathTemplates(List<String[]> templates) {
        this.templates = templates;
    }

    public static PathTemplates of(Collection<String> templates) {
        return new PathTemplates(templates.stream().map(t -> t.split("/", -1)).toList());
    }

    /**
     * The name of the path parameter that segment {@code index} of {@code segments} (the raw path split at
     * {@code /}) stands for: the first template with as many segments whose literal segments equal the path's
     * and whose segment {@code index} is a whole {@code {parameter}}.
     */
    public Optional<String> parameterAt(String[] segments, int index) {
        for (String[] template : templates) {
            if (template.length != segments.length || !isParameter(template[index])) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                matches = i == index || isParameter(template[i]) || template[i].equals(segments[i]);
            }
            if (matches) {
                return Optional.of(template[index].substring(1, template[index].length() - 1));
            }
        }
        return Optional.empty();
    }

    /** The first template the path (split at {@code /}) fits: its literal segments equal, any value in its parameters. */
    public Optional<String> templateOf(String[] segments) {
        for (String[] template : templates) {
            boolean matches = template.length == segments.length;
            for (int i = 0; i < template.length && matches; i++) {
                matches = isParameter(template[i]) || template[i].equals(segments[i]);
            }
            if (matches) {
                return Optional.of(String.join("/", template));
            }
        }
        return Optional.empty();
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}") && segment.indexOf('}') == segment.length() - 1;
    }
}
