package org.citycoop.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import org.citycoop.platform.problem.Problem;

import java.util.List;

/**
 * The problem documents of what the edge itself answers, before any service or the gateway's own API sees the request:
 * an unknown route (404), a refused request (400, 403, 414, 431, 505, ... naming what is wrong), a wrong API key (401),
 * a body too large (413), the rate limit (429), a service down, failing, silent or cut off (502, 503, 504). They are the
 * platform's {@link Problem} documents, as the services' and {@code /v1/clients}' own.
 */
public final class EdgeProblem {

    public static final String MEDIA_TYPE = Problem.MEDIA_TYPE;
    private static final String BASE = "https://citycoop.org/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

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
        return of("payload-too-large", "Content too large", 413,
                "The body is larger than " + maxBytes + " bytes, the most this API accepts in one request.", path, requestId);
    }

    public static Buffer lengthRequired(long maxBytes, String path, String requestId) {
        return of("length-required", "Length required", 411, "Send this API's bodies with Content-Length (at most "
                + maxBytes + " bytes), not in chunks of unknown total length.", path, requestId);
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
        return of("unauthorized", "Unauthorized", 401, detail, path, requestId, List.of(new Problem.FieldError("Authorization", detail)));
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

    /** A problem naming the one field (a header, the path, a parameter) that makes the request refused. */
    public static Buffer refused(String type, String title, int status, String field, String detail, String path, String requestId) {
        return of(type, title, status, field + ": " + detail, path, requestId, List.of(new Problem.FieldError(field, detail)));
    }

    public static Buffer of(String type, String title, int status, String detail, String path, String requestId) {
        return of(type, title, status, detail, path, requestId, List.of());
    }

    private static Buffer of(String type, String title, int status, String detail, String path, String requestId,
                             List<Problem.FieldError> errors) {
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(new Problem(BASE + type, title, status, detail, path, requestId, errors)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
