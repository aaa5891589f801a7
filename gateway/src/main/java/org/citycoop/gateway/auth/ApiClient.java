package org.citycoop.gateway.auth;

import org.citycoop.gateway.vocabulary.ClientRole;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An API client as {@code /v1/clients} shows it. The key itself is never part of it (see {@link IssuedKey}).
 *
 * @param keyPrefix the first characters of the current key, to recognise it in logs
 * @param revokedAt when it was revoked; its key is refused from then on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ApiClient")
public record ApiClient(UUID id, String name, ClientRole role,
                        @Schema(description = "AGENCY_EDITOR only: the agency whose schemes it changes") String agencyId,
                        @Schema(description = "CITY_EDITOR only: GeoNames ids of its cities") List<String> cityIds,
                        @Schema(description = "The first 12 characters of the current key") String keyPrefix,
                        OffsetDateTime createdAt, OffsetDateTime keyCreatedAt,
                        @Schema(description = "When it was revoked; its key is refused from then on") OffsetDateTime revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The {@code bindings} claim of its tokens: {@code agency} and {@code city} ids it may change. */
    public Map<String, List<String>> bindings() {
        Map<String, List<String>> bindings = new LinkedHashMap<>();
        if (agencyId != null) {
            bindings.put("agency", List.of(agencyId));
        }
        if (cityIds != null && !cityIds.isEmpty()) {
            bindings.put("city", cityIds);
        }
        return bindings;
    }

    /** A client with the key made for it just now: the only answer that holds the key. */
    @Schema(name = "IssuedKey")
    public record IssuedKey(@com.fasterxml.jackson.annotation.JsonUnwrapped ApiClient client,
                            @Schema(description = "The API key, shown this once: cck_ and 43 base64url characters") String key) {
    }
}
