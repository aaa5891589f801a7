package org.citycoop.gateway.auth;

import org.citycoop.gateway.vocabulary.ClientRole;
import org.citycoop.platform.problem.Problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/clients}. Everything else a client has (id, key, prefix, times) is the
 * gateway's to set: a body naming any other field is refused (400 naming it, the platform's strict JSON).
 *
 * @param name unique, 1 to 64 of a-z 0-9 . _ - starting with a letter or digit (it is the token's subject
 *             and so the "who changed" the services record)
 * @param role one of {@link ClientRole}
 * @param agencyId the agency an {@code AGENCY_EDITOR} changes (required for it, refused for the others)
 * @param cityIds GeoNames ids of the cities a {@code CITY_EDITOR} acts for (1 to 50; required for it, refused for the others)
 */
@Schema(name = "NewClient", requiredProperties = {"name", "role"}, additionalProperties = Schema.False.class)
public record NewClient(
        @Schema(description = "Unique; the subject of its tokens, which the services record as who changed what",
                pattern = "^[a-z0-9][a-z0-9._-]{0,63}$", examples = "agency-unep-ietc")
        String name,
        ClientRole role,
        @Schema(description = "AGENCY_EDITOR only: the agency whose schemes it changes, which the catalogue must hold",
                examples = "unep-ietc")
        String agencyId,
        @Schema(description = "CITY_EDITOR only: GeoNames ids of its cities (1 to 50)", examples = "[\"1859307\"]")
        List<String> cityIds) {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+){0,40}");
    static final Pattern CITY_ID = Pattern.compile("[1-9][0-9]{0,11}");

    /** What is wrong with this body; empty when nothing. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "must be 1 to 64 of a-z 0-9 . _ - starting with a letter or digit"));
        }
        if (role == null) {
            errors.add(new FieldError("role", "is required: one of SECRETARIAT_ADMIN, AGENCY_EDITOR, CITY_EDITOR, PARTNER_PORTAL"));
        }
        if (role == ClientRole.AGENCY_EDITOR) {
            if (agencyId == null || agencyId.length() > 64 || !AGENCY_ID.matcher(agencyId).matches()) {
                errors.add(new FieldError("agencyId", "an AGENCY_EDITOR needs the id of its agency, a lower-case slug such as unep-ietc"));
            }
        } else if (agencyId != null) {
            errors.add(new FieldError("agencyId", "only an AGENCY_EDITOR is bound to an agency"));
        }
        if (role == ClientRole.CITY_EDITOR) {
            if (cityIds == null || cityIds.isEmpty() || cityIds.size() > 50) {
                errors.add(new FieldError("cityIds", "a CITY_EDITOR needs 1 to 50 GeoNames ids of its cities"));
            } else {
                for (int i = 0; i < cityIds.size(); i++) {
                    if (cityIds.get(i) == null || !CITY_ID.matcher(cityIds.get(i)).matches()) {
                        errors.add(new FieldError("cityIds[" + i + "]", "must be a GeoNames id (digits)"));
                    }
                }
                if (new LinkedHashSet<>(cityIds).size() != cityIds.size()) {
                    errors.add(new FieldError("cityIds", "must not repeat a city"));
                }
            }
        } else if (cityIds != null) {
            errors.add(new FieldError("cityIds", "only a CITY_EDITOR is bound to cities"));
        }
        return errors;
    }
}
