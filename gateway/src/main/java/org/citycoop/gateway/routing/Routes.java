package org.citycoop.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Chooses the owning service of a request path by prefix. A prefix owns the path equal to it and every
 * path that continues it with {@code /} (sub-resources) or {@code :} (custom methods such as
 * {@code /v1/schemes:export}); {@code /v1/schemesXYZ} belongs to nobody.
 */
public final class Routes {

    private final Map<String, String> serviceByPrefix = new TreeMap<>();

    public Routes(Map<String, List<String>> prefixesByService) {
        prefixesByService.forEach((service, prefixes) -> prefixes.forEach(prefix -> {
            String previous = serviceByPrefix.put(prefix, service);
            if (previous != null && !previous.equals(service)) {
                throw new IllegalArgumentException("Prefix " + prefix + " is claimed by " + previous + " and " + service);
            }
        }));
    }

    /** The service owning {@code path}, by the longest matching prefix. */
    public Optional<String> serviceFor(String path) {
        String best = null;
        for (String prefix : serviceByPrefix.keySet()) {
            if (owns(prefix, path) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return Optional.ofNullable(best).map(serviceByPrefix::get);
    }

    private static boolean owns(String prefix, String path) {
        if (!path.startsWith(prefix)) {
            return false;
        }
        if (path.length() == prefix.length()) {
            return true;
        }
        char next = path.charAt(prefix.length());
        return next == '/' || next == ':';
    }
}
