package org.citycoop.finder.api;

/** The API refused a request (4xx): the parameter at fault, when it named one, and its explanation. */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String field;
    private final String detail;

    public ApiProblem(int status, String field, String detail) {
        super(status + " " + field + ": " + detail, null, false, false);
        this.status = status;
        this.field = field;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
