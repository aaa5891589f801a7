package org.citycoop.platform.problem;

import java.util.List;

/**
 * Thrown by services for an expected failure; {@link ProblemMappers} turns it into an RFC 9457
 * document with the given status. Nothing the request wanted to change is kept (the transaction
 * rolls back).
 */
public class ProblemException extends RuntimeException {

    /** At most this many failing fields are listed; a huge invalid body does not make a huger answer. */
    public static final int MAX_REPORTED_ERRORS = 50;

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** 400: the request cannot be read (a parameter or body field has the wrong form). */
    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, ProblemTypes.BAD_REQUEST, "Bad request", field + ": " + detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    /** 422: the request is well formed but a field's value is not allowed. */
    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(422, ProblemTypes.VALIDATION, "Invalid request", field + ": " + detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    /** 422 with several failing fields. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        List<Problem.FieldError> reported = errors.size() > MAX_REPORTED_ERRORS ? errors.subList(0, MAX_REPORTED_ERRORS) : errors;
        String detail = reported.stream().map(e -> e.field() + ": " + e.detail())
                .collect(java.util.stream.Collectors.joining("; "))
                + (errors.size() > reported.size() ? "; and " + (errors.size() - reported.size()) + " more" : "");
        return new ProblemException(422, ProblemTypes.VALIDATION, "Invalid request", detail, reported);
    }

    /** 401: the request carries no valid token. */
    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail,
                List.of(new Problem.FieldError("Authorization", detail)));
    }

    /** 403: the caller may not do this (role), or not to this resource (ownership), naming the field that decides. */
    public static ProblemException forbidden(String field, String detail) {
        return new ProblemException(403, ProblemTypes.FORBIDDEN, "Forbidden", field + ": " + detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, ProblemTypes.CONFLICT, "Conflict", detail, List.of());
    }

    /** 428: an update of an existing resource came without {@code If-Match}. */
    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, ProblemTypes.PRECONDITION_REQUIRED, "Precondition required", detail,
                List.of(new Problem.FieldError("If-Match", detail)));
    }

    /** 412: {@code If-Match} names a version that is no longer current. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, ProblemTypes.PRECONDITION_FAILED, "Precondition failed", detail,
                List.of(new Problem.FieldError("If-Match", detail)));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
