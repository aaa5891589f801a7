package org.citycoop.gateway.auth;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.platform.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The 405 problem of the gateway's own API says in {@code Allow} which methods the path takes (RFC 9110, section
 * 15.5.6), read from {@link ClientsResource}'s annotations: quarkus-rest's own 405 leaves the header out. The problem
 * itself is the platform's.
 */
public class AllowedMethods {

    /** The order methods are listed in. */
    private static final List<String> ORDER = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final Map<Pattern, Set<String>> BY_PATH = byPath(ClientsResource.class);

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        Response problem = new ProblemMappers().webApplication(e, uri);
        String allowed = allowed(uri.getPath());
        return allowed.isEmpty() ? problem : Response.fromResponse(problem).header("Allow", allowed).build();
    }

    /** The methods {@code path} takes, such as {@code GET, POST}; empty when it is none of the resource's paths. */
    static String allowed(String path) {
        Set<String> methods = new TreeSet<>(Comparator.comparingInt(method -> ORDER.contains(method) ? ORDER.indexOf(method) : ORDER.size()));
        BY_PATH.forEach((template, those) -> {
            if (template.matcher(path).matches()) {
                methods.addAll(those);
            }
        });
        return String.join(", ", methods);
    }

    /** Each path template of a resource class (as a pattern of one segment per parameter) with its methods. */
    private static Map<Pattern, Set<String>> byPath(Class<?> resource) {
        String base = resource.getAnnotation(Path.class).value();
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        for (Method method : resource.getDeclaredMethods()) {
            for (java.lang.annotation.Annotation annotation : method.getAnnotations()) {
                HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                if (http != null) {
                    Path path = method.getAnnotation(Path.class);
                    String template = path == null ? base : base + (path.value().startsWith("/") ? "" : "/") + path.value();
                    methods.computeIfAbsent(template, ignored -> new TreeSet<>()).add(http.value());
                }
            }
        }
        Map<Pattern, Set<String>> byPattern = new LinkedHashMap<>();
        methods.forEach((template, those) -> {
            List<String> parts = new ArrayList<>();
            for (String part : template.split("\\{[^}]+}", -1)) {
                parts.add(Pattern.quote(part));
            }
            byPattern.put(Pattern.compile(String.join("[^/]+", parts)), Set.copyOf(those));
        });
        return Map.copyOf(byPattern);
    }
}
