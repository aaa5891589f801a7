package org.citycoop.gateway.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * RFC 9457 problem documents for the errors the gateway itself produces (unknown route 404, 401, 403,
 * 405, 413, 429, 502, 503, 504, and the problems of {@code /v1/clients}), in the same shape as the
 * services' own: type, title, status, detail, instance, requestId, and {@code errors} naming fields.
 */
public final class EdgeProblem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://citycoop.org/problems/";

    private EdgeProblem() {
    }

    public static Buffer notFound(String path, String requestId) {
        return of("not-found", "Not found", 404, "No API resource at " + path + ".", path, requestId);
    }

    public static Buffer serviceUnavailable(String service, String path, String requestId) {
        return of("service-unavailable", "Service unavailable", 503,
                "The " + service + " service cannot be reached; try again shortly. Other services are not affected.",
                path, requestId);
    }

    public static Buffer tooLarge(long maxBytes, String path, String requestId) {
        return of("payload-too-large", "Payload too large", 413,
                "The body is larger than " + maxBytes + " bytes, the most this API accepts in one request.", path, requestId);
    }

    public static Buffer timeout(String service, long seconds, String path, String requestId) {
        return of("gateway-timeout", "Gateway timeout", 504,
                "The " + service + " service did not answer within " + seconds + " s: the request may or may not have "
                        + "been carried out. Read the resource before repeating a change.", path, requestId);
    }

    public static Buffer outcomeUnknown(String service, String path, String requestId) {
        return of("bad-gateway", "Bad gateway", 502,
                "The connection to the " + service + " service broke after the request was sent: it may or may not have "
                        + "been carried out. Read the resource before repeating a change.", path, requestId);
    }

    public static Buffer unauthorized(String detail, String path, String requestId) {
        return withErrors("unauthorized", "Unauthorized", 401, detail, path, requestId,
                java.util.List.<String[]>of(new String[] {"Authorization", detail}));
    }

    public static Buffer forbidden(String detail, String path, String requestId) {
        return of("forbidden", "Forbidden", 403, detail, path, requestId);
    }

    public static Buffer tooManyRequests(long retryAfterSeconds, String path, String requestId) {
        return of("too-many-requests", "Too many requests", 429, "This caller's request rate limit is used up (see the RateLimit "
                + "and RateLimit-Policy headers); try again in " + retryAfterSeconds + " s.", path, requestId);
    }

    public static Buffer circuitOpen(String service, long retryAfterSeconds, String path, String requestId) {
        return of("service-unavailable", "Service unavailable", 503, "The " + service + " service is failing; the gateway "
                + "will try it again in " + retryAfterSeconds + " s. Nothing was sent to it. Other services are not affected.",
                path, requestId);
    }

    public static Buffer methodNotAllowed(String allow, String path, String requestId) {
        return of("method-not-allowed", "Method not allowed", 405, "Allowed here: " + allow + ".", path, requestId);
    }

    /** A problem with {@code errors}: one {@code {field, detail}} per failing field. */
    public static Buffer withErrors(String type, String title, int status, String detail, String path, String requestId,
                                    java.util.List<String[]> fieldErrors) {
        JsonObject problem = problem(type, title, status, detail, path, requestId);
        io.vertx.core.json.JsonArray errors = new io.vertx.core.json.JsonArray();
        fieldErrors.forEach(e -> errors.add(new JsonObject().put("field", e[0]).put("detail", e[1])));
        return problem.put("errors", errors).toBuffer();
    }

    public static Buffer of(String type, String title, int status, String detail, String path, String requestId) {
        return problem(type, title, status, detail, path, requestId).toBuffer();
    }

    private static JsonObject problem(String type, String title, int status, String detail, String path, String requestId) {
        JsonObject problem = new JsonObject()
                .put("type", BASE + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", path);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem;
    }
}
