package org.citycoop.platform.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.problem.ProblemTypes;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The request rules every service applies before a resource sees a request, so that a lax request is refused
 * (and changes nothing) instead of being guessed at:
 * <ul>
 *   <li>each query parameter is valid UTF-8 once percent-decoded, without control characters such as {@code %00}
 *       (400 naming the parameter); the path is valid UTF-8 too, and each path parameter, once the resource is known,
 *       holds no control character (400 naming it);</li>
 *   <li>{@code Idempotency-Key}, {@code If-Match} and {@code If-None-Match}, when sent, are not empty (400 naming the header);
 *       {@code Accept-Language}, when sent, is a list of language ranges with optional weights (RFC 9110, section 12.5.4;
 *       400 naming the header);</li>
 *   <li>a body is not content-encoded (no decompression here: 415 naming {@code Content-Encoding}), says its
 *       {@code Content-Type}, one the resource takes ({@code @Consumes}, {@code application/json} when it declares
 *       none), with no charset or {@code charset=utf-8} (415 naming {@code Content-Type}).</li>
 * </ul>
 */
public class StrictRequests {

    /** Headers that must not be sent empty: an empty one is neither "absent" nor a value. */
    static final List<String> NON_EMPTY_HEADERS = List.of("Idempotency-Key", "If-Match", "If-None-Match");

    /** One element of {@code Accept-Language}: a language range (RFC 4647) and an optional weight; empty elements are allowed. */
    private static final java.util.regex.Pattern LANGUAGE_RANGE = java.util.regex.Pattern.compile(
            "[ \t]*(?:(?:\\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8}){0,15})[ \t]*(?:;[ \t]*[qQ]=(?:0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?))?[ \t]*)?");

    @ServerRequestFilter(preMatching = true, priority = jakarta.ws.rs.Priorities.USER + 1) // after RequestIdFilter
    public void beforeMatching(ContainerRequestContext request) {
        String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String rawName = equals < 0 ? pair : pair.substring(0, equals);
                String name;
                try {
                    name = StrictText.percentDecode(rawName, true);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("query", "a parameter name is " + e.getMessage());
                }
                if (StrictText.hasControlCharacter(name)) {
                    throw ProblemException.badRequest("query", "a parameter name holds a control character (such as %00)");
                }
                checkValue(name, equals < 0 ? "" : pair.substring(equals + 1), true);
            }
        }
        String rawPath = request.getUriInfo().getRequestUri().getRawPath();
        if (rawPath != null) {
            for (String segment : rawPath.split("/")) {
                try {
                    StrictText.percentDecode(segment, false);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("path", "a path segment is " + e.getMessage());
                }
            }
        }
        for (String header : NON_EMPTY_HEADERS) {
            String value = request.getHeaderString(header);
            if (value != null && value.isBlank()) {
                throw ProblemException.badRequest(header, "is empty; send a value or leave the header out");
            }
        }
        String languages = request.getHeaderString("Accept-Language");
        if (languages != null && !java.util.Arrays.stream(languages.split(",", -1)).allMatch(r -> LANGUAGE_RANGE.matcher(r).matches())) {
            throw ProblemException.badRequest("Accept-Language", "is not a list of language tags with optional weights, such as "
                    + "\"ja, en;q=0.8\"");
        }
        if (!hasBody(request)) {
            return;
        }
        String encoding = request.getHeaderString("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            throw unsupported("Content-Encoding", "'" + encoding + "' is not accepted: send the body as is, without Content-Encoding");
        }
        String contentType = request.getHeaderString("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("Content-Type", "missing: a request with a body says its media type, such as application/json");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw unsupported("Content-Type", "'" + contentType + "' is not a media type such as application/json");
        }
        String charset = type.getParameters().entrySet().stream().filter(p -> p.getKey().equalsIgnoreCase("charset"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("utf-8")) {
            throw unsupported("Content-Type", "charset '" + charset + "' is not accepted: send UTF-8, with no charset or charset=utf-8");
        }
    }

    /**
     * After matching: the path parameters; the query parameters against those the resource method declares (an
     * unknown one, a misspelt filter for instance, would otherwise be ignored and the answer look right; one that
     * takes a single value given twice); and the body's media type against what the method takes.
     */
    @ServerRequestFilter
    public void afterMatching(ContainerRequestContext request, jakarta.ws.rs.container.ResourceInfo resource) {
        request.getUriInfo().getPathParameters().forEach((name, values) -> values.forEach(value -> {
            if (StrictText.hasControlCharacter(value)) {
                throw ProblemException.badRequest(name, "holds a control character (such as %00)");
            }
        }));
        if (resource == null || resource.getResourceMethod() == null) {
            return;
        }
        Map<String, Boolean> declared = QUERY_PARAMETERS.computeIfAbsent(resource.getResourceMethod(), StrictRequests::queryParameters);
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            Boolean multiple = declared.get(name);
            if (multiple == null) {
                throw ProblemException.badRequest(name, declared.isEmpty() ? "is not a parameter of this operation, which takes none"
                        : "is not a parameter of this operation; it takes " + String.join(", ", new java.util.TreeSet<>(declared.keySet())));
            }
            if (!multiple && values.size() > 1) {
                throw ProblemException.badRequest(name, "is given " + values.size() + " times; it takes one value");
            }
        });
        if (!hasBody(request)) {
            return;
        }
        List<MediaType> accepted = consumed(resource);
        MediaType sent = MediaType.valueOf(request.getHeaderString("Content-Type"));
        if (accepted.stream().noneMatch(type -> type.isCompatible(sent))) {
            throw unsupported("Content-Type", "'" + sent.getType() + "/" + sent.getSubtype() + "' is not accepted here; send "
                    + String.join(" or ", accepted.stream().map(MediaType::toString).toList()));
        }
    }

    private static final Map<java.lang.reflect.Method, Map<String, Boolean>> QUERY_PARAMETERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The query parameters a resource method declares (on its parameters and in its {@code @BeanParam}s), and whether each takes several values. */
    private static Map<String, Boolean> queryParameters(java.lang.reflect.Method method) {
        Map<String, Boolean> declared = new java.util.HashMap<>();
        for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            jakarta.ws.rs.QueryParam query = parameter.getAnnotation(jakarta.ws.rs.QueryParam.class);
            if (query != null) {
                declared.put(query.value(), takesSeveral(parameter.getType()));
            } else if (parameter.isAnnotationPresent(jakarta.ws.rs.BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                        jakarta.ws.rs.QueryParam fieldQuery = field.getAnnotation(jakarta.ws.rs.QueryParam.class);
                        if (fieldQuery != null) {
                            declared.put(fieldQuery.value(), takesSeveral(field.getType()));
                        }
                    }
                }
            }
        }
        return Map.copyOf(declared);
    }

    private static boolean takesSeveral(Class<?> type) {
        return type.isArray() || java.util.Collection.class.isAssignableFrom(type);
    }

    private static List<MediaType> consumed(jakarta.ws.rs.container.ResourceInfo resource) {
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        if (consumes == null) {
            return List.of(MediaType.APPLICATION_JSON_TYPE);
        }
        return Arrays.stream(consumes.value()).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .map(MediaType::valueOf).toList();
    }

    private static void checkValue(String name, String raw, boolean query) {
        String value;
        try {
            value = StrictText.percentDecode(raw, query);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, e.getMessage());
        }
        if (StrictText.hasControlCharacter(value)) {
            throw ProblemException.badRequest(name, "holds a control character (such as %00)");
        }
    }

    /** Whether the request carries a body (a non-zero Content-Length, or a chunked one). */
    static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    private static ProblemException unsupported(String header, String detail) {
        return new ProblemException(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", header + ": " + detail,
                List.of(new Problem.FieldError(header, detail)));
    }
}
