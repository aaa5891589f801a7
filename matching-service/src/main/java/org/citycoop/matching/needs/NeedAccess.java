package org.citycoop.matching.needs;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.security.Caller;
import org.citycoop.platform.security.Roles;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see and change a saved needs profile (OWASP API Security Top 10 2023, API1 object-level
 * authorization): the secretariat admin, the API client that saved it, and city editors bound to its city.
 * Anyone else is told the profile does not exist (404), so ids of other clients' profiles reveal nothing.
 * A city editor saves profiles for its own cities only (403 naming {@code cityId}).
 */
@RequestScoped
public class NeedAccess {

    @Inject
    Caller caller;

    @Inject
    NeedRepository needs;

    /** The name recorded as the owner of what the caller saves (the token's subject). */
    public String owner() {
        return caller.name();
    }

    /**
     * Passes unless the caller is a city editor (not admin) saving a profile without a city (422 naming
     * {@code cityId}: a city editor saves for its own cities) or for a city it is not bound to (403).
     */
    public void requireMayCreateFor(String cityId) {
        if (caller.hasRole(Roles.CITY_EDITOR) && !caller.isAdmin()) {
            if (cityId == null) {
                throw ProblemException.invalid("cityId",
                        "required for a city editor: the GeoNames id of one of the cities this API client is bound to");
            }
            caller.requireBound("city", cityId, "cityId");
        }
    }

    /** True when the caller may see and change {@code need}. */
    public boolean allows(Need need) {
        return caller.isAdmin() || need.createdBy().equals(caller.name())
                || caller.bindings("city").contains(need.profile().cityId());
    }

    /** The need with this path id, or the 404 problem of an unknown id when it is malformed, missing or not the caller's. */
    @jakarta.transaction.Transactional
    public Need require(String id) {
        return visible(NeedResource.needId(id)).orElseThrow(() -> NeedService.notFound(id));
    }

    /** The need when it exists and the caller may see it. */
    @jakarta.transaction.Transactional
    public Optional<Need> visible(UUID id) {
        return needs.find(id).filter(this::allows);
    }

    /** For lists: null for the admin (everything), else the owner name and the cities whose profiles the caller sees. */
    public Visibility visibility() {
        return caller.isAdmin() ? null : new Visibility(caller.name(), caller.bindings("city"));
    }

    /** What a non-admin caller sees: the profiles it saved and those of the cities it is bound to. */
    public record Visibility(String owner, Set<String> cityIds) {
    }
}
