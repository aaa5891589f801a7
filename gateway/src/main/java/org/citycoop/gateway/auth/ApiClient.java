package org.citycoop.gateway.auth;

import org.citycoop.gateway.vocabulary.ClientRole;
import com.fasterxml.jackson.annotation.JsonInclude;

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
public record ApiClient(UUID id, String name, ClientRole role, String agencyId, List<String> cityIds, String keyPrefix,
                        OffsetDateTime createdAt, OffsetDateTime keyCreatedAt, OffsetDateTime revokedAt) {

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
    public record IssuedKey(@com.fasterxml.jackson.annotation.JsonUnwrapped ApiClient client, String key) {
    }
}
