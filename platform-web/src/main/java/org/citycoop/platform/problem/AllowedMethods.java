package org.citycoop.platform.problem;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
 * A 405 problem says in {@code Allow} which methods the path takes (RFC 9110, section 15.5.6), as every API of the
 * suite declares them: read once from the annotations of the application's resource classes (the beans with
 * {@code @Path}), since quarkus-rest's own 405 leaves the header out. The problem itself is {@link ProblemMappers}'.
 */
public class AllowedMethods {

    /** The order methods are listed in. */
    private static final List<String> ORDER = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    /** Each path template of the application's resources, as a pattern, with its methods; made at the first 405. */
    private static volatile Map<Pattern, Set<String>> byPath;

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        Response problem = new ProblemMappers().webApplication(e, uri);
        String allowed = allowed(uri.getPath());
        return allowed.isEmpty() ? problem : Response.fromResponse(problem).header("Allow", allowed).build();
    }

    /** The methods {@code path} takes, such as {@code GET, POST}; empty when it is none of the resource's paths. */
    static String allowed(String path) {
        Map<Pattern, Set<String>> templates = byPath;
        if (templates == null) {
            templates = byPath = resources();
        }
        Set<String> methods = new TreeSet<>(Comparator.comparingInt(method -> ORDER.contains(method) ? ORDER.indexOf(method) : ORDER.size()));
        templates.forEach((template, those) -> {
            if (template.matcher(path).matches()) {
                methods.addAll(those);
            }
        });
        return String.join(", ", methods);
    }

    /** The path templates of every resource class of the application (the beans with {@code @Path}). */
    private static Map<Pattern, Set<String>> resources() {
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        jakarta.enterprise.inject.spi.BeanManager beans = jakarta.enterprise.inject.spi.CDI.current().getBeanManager();
        beans.getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE).stream()
                .map(jakarta.enterprise.inject.spi.Bean::getBeanClass)
                .filter(type -> type.isAnnotationPresent(Path.class))
                .distinct()
                .forEach(resource -> collect(resource, methods));
        return patterns(methods);
    }

    /** Each path template of a resource class with its methods. */
    private static void collect(Class<?> resource, Map<String, Set<String>> methods) {
        String base = resource.getAnnotation(Path.class).value();
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
    }

    /** The templates as patterns of one segment per parameter. */
    static Map<Pattern, Set<String>> patterns(Map<String, Set<String>> methods) {
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
