package org.citycoop.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.citycoop.platform.web.RequestIdFilter;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Maps every failure to an RFC 9457 document: the services' own {@link ProblemException}s, bean
 * validation, unreadable JSON (naming the JSON path of the field), JAX-RS errors (404, 405, 415, ...),
 * authentication (401) and role (403) failures, and anything unexpected (500, logged, never with a stack trace in the response).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
        return e.status() == 401 ? challenge(response) : response;
    }

    /** The challenge of every 401 (RFC 9110, section 11.6.1): the same realm as the gateway's. */
    public static final String CHALLENGE = "Bearer realm=\"citycoop\"";

    /**
     * No token, or one that is not valid (signature, issuer, audience, expiry): 401 with
     * {@code WWW-Authenticate: Bearer realm="citycoop"}. The reason stays in the log, not in the answer.
     */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        LOG.debugf("Refused a request without a valid token: %s", e.getMessage());
        String detail = "This API needs a valid token: call it through the gateway with Authorization: Bearer <API key>.";
        return challenge(respond(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail, uri,
                List.of(new Problem.FieldError("Authorization", detail))));
    }

    /**
     * A valid token without the role this operation needs: 403, unless the caller is the anonymous public (the
     * gateway's token for a request without an API key has only the {@code PUBLIC} role): it has not said who it
     * is, so the answer is a 401 asking for credentials (RFC 9110, section 15.5.2), not a 403.
     */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri,
                              jakarta.ws.rs.container.ContainerRequestContext request) {
        if (anonymous(request.getSecurityContext())) {
            return anonymousRefused(uri);
        }
        return respond(403, ProblemTypes.FORBIDDEN, "Forbidden", "This API client's roles do not allow this operation.", uri, List.of());
    }

    /** Whether the caller is the anonymous public: no identity, or the gateway's token with the PUBLIC role. */
    static boolean anonymous(jakarta.ws.rs.core.SecurityContext security) {
        return security == null || security.getUserPrincipal() == null
                || security.isUserInRole(org.citycoop.platform.security.Roles.PUBLIC);
    }

    private static Response anonymousRefused(UriInfo uri) {
        String detail = "This operation needs an API key: send Authorization: Bearer <API key> to the gateway.";
        return challenge(respond(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail, uri,
                List.of(new Problem.FieldError("Authorization", detail))));
    }

    private static Response challenge(Response response) {
        return Response.fromResponse(response).header("WWW-Authenticate", CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .limit(ProblemException.MAX_REPORTED_ERRORS)
                .toList();
        String detail = errors.stream().map(x -> x.field() + ": " + x.detail()).collect(Collectors.joining("; "));
        return respond(422, ProblemTypes.VALIDATION, "Invalid request", detail, uri, errors);
    }

    /**
     * Unknown fields and enum values, wrong types: without this, quarkus-rest-jackson's own
     * BuiltinMismatchedInputExceptionMapper (registered for this exact class) answers with plain JSON.
     */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return problem(unreadable(e), uri);
    }

    /**
     * The 400 problem of a body Jackson could not read (malformed JSON, with line and column) or map to the
     * resource (unknown field, unknown enum value with the allowed ones, wrong type), naming the field in
     * the client's terms: for the HTTP layer and for anything that reads JSON items itself (batches).
     */
    public static ProblemException unreadable(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return unparsable(e, "");
        }
        if (e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamReadException
                || e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            // met while mapping a nested value: named by the mapping's path (the object whose value it is, when the parser
            // does not say where it stood)
            return unparsable((JsonProcessingException) e.getCause(), pathOf(mapping));
        }
        String field = pathOf(mapping);
        String detail;
        if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "unknown field '" + unknown.getPropertyName() + "': it is not part of this resource or may not be set by the client";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class
                && invalid.getValue() instanceof String) {
            detail = e.getOriginalMessage(); // a text refused for what it holds (NUL, an unpaired surrogate), in our words
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            detail = "unknown value '" + invalid.getValue() + "'; allowed: " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            detail = "expected " + describe(invalid.getTargetType()) + ", not " + describeValue(invalid.getValue());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            detail = "expected " + describe(mismatched.getTargetType());
        } else if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException && e.getCause() != null
                && e.getCause().getMessage() != null) {
            detail = e.getCause().getMessage(); // a rule of the shape itself, in its own words
        } else {
            detail = e.getOriginalMessage(); // a plain JsonMappingException: a deserializer of ours, in its own words
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return new ProblemException(400, ProblemTypes.BAD_REQUEST, "Bad request", field + ": " + detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    /**
     * A body the JSON parser refused (malformed, a duplicate member, NaN or Infinity, a leading zero, a number out of
     * the field's range, bytes that are not UTF-8): a 400 naming the member where the parser stopped, in plain words
     * (never Jackson's own message, which names its feature switches).
     */
    private static ProblemException unparsable(JsonProcessingException e, String mappedField) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String message = java.util.Objects.requireNonNullElse(e.getOriginalMessage(), "");
        String field = e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser ? pathOf(parser.getParsingContext()) : mappedField;
        String detail;
        if (message.startsWith("Duplicate field")) {
            detail = "duplicate member: a member may appear once in an object";
        } else if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            detail = "too long or too deep for a JSON body (a number of more than 1,000 digits, a text of more than "
                    + "20 million characters, or more than 1,000 levels of nesting)" + where;
        } else if (e instanceof com.fasterxml.jackson.core.exc.InputCoercionException coercion) {
            detail = "number out of range" + (coercion.getTargetType() == null ? "" : " of " + describe(coercion.getTargetType()));
        } else if (message.contains("Non-standard token") || message.contains("NaN") || message.contains("INF")) {
            detail = "not a JSON number: NaN and Infinity are not allowed" + where;
        } else if (message.contains("Leading zeroes") || message.contains("leading zero")) {
            detail = "not a JSON number: no leading zeros (and no hexadecimal)" + where;
        } else if (message.contains("UTF-8") || message.contains("UTF8")) {
            detail = "not valid UTF-8" + where;
        } else if (message.contains("Invalid numeric value") || (message.contains("Unexpected character") && afterNumber(e))) {
            detail = "not valid JSON" + where + " (numbers are decimal, such as 12 or 1.5e3)";
        } else {
            detail = "not valid JSON" + where;
            field = "body"; // broken structure (an unclosed object, a missing comma): the body as a whole
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return new ProblemException(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON", field + ": " + detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    /** Whether the parser stopped at a letter or digit right after a value (as in {@code 0x10}: a hexadecimal number). */
    private static boolean afterNumber(JsonProcessingException e) {
        return java.util.Objects.requireNonNullElse(e.getOriginalMessage(), "")
                .matches("(?s)Unexpected character \\('[0-9A-Za-z]'.*was expecting comma.*");
    }

    /** The member a parser was at, in the client's terms ({@code processSteps[1].title}); empty at the top. */
    static String pathOf(com.fasterxml.jackson.core.JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (com.fasterxml.jackson.core.JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                parts.addFirst("." + at.getCurrentName());
            } else if (at.inArray() && at.getCurrentIndex() >= 0) {
                parts.addFirst("[" + at.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(status, ProblemTypes.INTERNAL, "Internal error", "The request could not be completed.", uri, List.of());
        }
        // in sentence case, as the other problems' titles ("Not found", "Method not allowed")
        String reason = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        // RFC 9110's names where JAX-RS still has the older ones ("Request Entity Too Large")
        String title = status == 413 ? "Content too large" : reason.charAt(0) + reason.substring(1).toLowerCase(java.util.Locale.ROOT);
        String type = switch (status) {
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemTypes.HTTP + status;
        };
        if (status == 415) {
            return problem(new ProblemException(415, type, title, "Content-Type: this resource does not take a body of this "
                    + "media type (or charset: text is UTF-8); the OpenAPI description names the ones each operation takes.",
                    List.of(new Problem.FieldError("Content-Type", "not a media type this resource takes"))), uri);
        }
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getRequestUri().getRawPath() + "."; // as sent: %3A is not a colon
            case 405 -> "This method is not allowed on " + uri.getPath() + ".";
            case 406 -> "This resource cannot answer in a media type Accept allows; the OpenAPI description names the ones "
                    + "each operation gives (errors are application/problem+json).";
            default -> e.getMessage();
        };
        Response response = respond(status, type, title, detail, uri, List.of());
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, io.vertx.core.http.HttpServerRequest request) {
        java.sql.SQLException data = dataException(e);
        if (data != null) {
            // SQLSTATE class 22: a value PostgreSQL cannot hold (a NUL character, a time out of range, ...)
            // that no check caught earlier. The transaction rolled back; the client's input is at fault.
            LOG.warnf("Refused a value the database cannot store: %s", data.getMessage());
            return respond(400, ProblemTypes.BAD_REQUEST, "Bad request",
                    "A value cannot be stored: it holds a NUL character, or a number or time outside the supported range.",
                    uri, List.of());
        }
        if (org.citycoop.platform.storage.DatabaseFailures.isTransient(e)) {
            // PostgreSQL restarting or failing over, or no connection free in time: the same request may succeed in a
            // moment (the services' conditional and idempotent writes make repeating it safe)
            LOG.warnf("Database unavailable for %s: %s", uri == null ? "" : uri.getPath(), e.getMessage());
            return Response.fromResponse(respond(503, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The database cannot be reached for a moment; try again shortly (If-Match or an Idempotency-Key makes a repeat safe).", uri, List.of()))
                    .header("Retry-After", "2").build();
        }
        // Reading its body or writing the answer failed because the caller closed the connection: nobody to answer,
        // nothing broken (the closed connection itself tells, whatever the exception the framework wrapped it in).
        if (callerWentAway(e) || request.response().closed()) {
            LOG.debugf("The caller of %s went away: %s", uri.getPath(), e);
            return respond(400, ProblemTypes.BAD_REQUEST, "Bad request", "The connection closed before the body arrived.", uri, List.of());
        }
        LOG.error("Unexpected failure", e);
        return respond(500, ProblemTypes.INTERNAL, "Internal error", "The request could not be completed.", uri, List.of());
    }

    /** Whether the failure is the caller's connection closing under the request (java.nio's ClosedChannelException). */
    static boolean callerWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** The SQL data exception (SQLSTATE class 22) somewhere in the causes, if any. */
    static java.sql.SQLException dataException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return sql;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static Response respond(int status, String type, String title, String detail, UriInfo uri,
                                    List<Problem.FieldError> errors) {
        Object requestId = MDC.get(RequestIdFilter.MDC_KEY);
        Problem problem = new Problem(type, title, status, detail, uri == null ? null : uri.getPath(),
                requestId == null ? null : requestId.toString(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The field a violation is about: the property path without the method and parameter names. */
    static String fieldOf(ConstraintViolation<?> violation) {
        // A constraint on a list element ("List<@Pattern String> languages") ends in a node such as
        // ".<list element>": the field is "languages[0]".
        String path = violation.getPropertyPath().toString().replaceAll("\\.<[a-z ]+>", "");
        String[] parts = path.split("\\.", 3);
        // Resource method parameters come as "method.argName[.nested]"; keep what follows the method.
        if (parts.length >= 2 && violation.getExecutableParameters() != null) {
            return parts.length == 3 ? parts[2] : parts[1];
        }
        return path;
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.LocalDate.class) {
            return "an RFC 3339 date YYYY-MM-DD (four-digit year)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 time with offset such as 2027-03-31T23:59:00+09:00 (four-digit year)";
        }
        if (type == java.util.UUID.class) {
            return "a UUID such as \"3f2b8c1e-5d4a-4f6b-9c7d-2e1f0a9b8c7d\"";
        }
        return "an object";
    }

    /** What kind of JSON value the client sent, in the words of {@link #describe}. */
    private static String describeValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof String text) {
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        return "a value of another kind";
    }
}
