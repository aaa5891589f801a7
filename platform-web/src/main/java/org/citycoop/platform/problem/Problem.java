package org.citycoop.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem details document ({@code application/problem+json}), with the extension member
 * {@code errors} naming each field that failed (JSON path in the request body, or the query/path
 * parameter name) and {@code requestId} for support.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details; `errors` names each failing field.")
public record Problem(
        @Schema(description = "URI identifying the problem type", example = "https://citycoop.org/problems/validation")
        String type,
        @Schema(description = "Short summary of the problem type", example = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", example = "422")
        int status,
        @Schema(description = "What went wrong in this occurrence", example = "supportTypes[0]: unknown value 'GRANT'")
        String detail,
        @Schema(description = "The request path", example = "/v1/agencies/unep-ietc/schemes/AQ-2027-01")
        String instance,
        @Schema(description = "The X-Request-Id of the request, when known")
        String requestId,
        @Schema(description = "One entry per failing field")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One failing field.
     *
     * @param field JSON path of the field in the body ({@code window.deadline}, {@code processSteps[1].title}),
     *     or the name of the query, path or header parameter
     * @param detail why the value is refused, with the allowed values where there is a list
     */
    public record FieldError(String field, String detail) {
    }
}
