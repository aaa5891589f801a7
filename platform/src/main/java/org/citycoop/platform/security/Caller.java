package org.citycoop.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.citycoop.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who makes the current request, from the gateway's verified JWT: its name (the token's subject, the
 * API client's name, which is also {@code SecurityIdentity.getPrincipal().getName()}), its roles and
 * its bindings. Bindings are the {@code bindings} claim, an object of string arrays by kind chosen by
 * the services, for example {@code {"agency": ["unep-ietc"]}} or {@code {"city": ["1859307"]}}.
 *
 * <p>Ownership checks: {@link #requireBound} (declared with {@link BoundTo} when the owner is in the path, so that it
 * comes before the body is read) and {@link #requireAnyBound} let the secretariat admin through and otherwise
 * answer 403 unless the caller is bound to the resource's id (401 for the anonymous public, who has not said who it is).
 */
@RequestScoped
public class Caller {

    /** The claim holding the caller's bindings. */
    public static final String BINDINGS_CLAIM = "bindings";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** The caller's name (the token's subject), or {@code anonymous} without a token. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    /** Whether the caller is the anonymous public: no token, or the gateway's token for a request without an API key. */
    public boolean isAnonymous() {
        return identity.isAnonymous() || hasRole(Roles.PUBLIC);
    }

    /** The ids the caller is bound to under {@code kind}; empty when none. */
    public Set<String> bindings(String kind) {
        Object claim = identity.isAnonymous() ? null : token.getClaim(BINDINGS_CLAIM);
        Set<String> ids = new LinkedHashSet<>();
        if (claim instanceof JsonObject bindings && bindings.get(kind) instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString id) {
                    ids.add(id.getString());
                }
            }
        }
        return ids;
    }

    /**
     * Passes when the caller is the secretariat admin or is bound to {@code id} under {@code kind};
     * otherwise a 403 problem naming {@code field}.
     */
    public void requireBound(String kind, String id, String field) {
        if (!isAdmin() && !bindings(kind).contains(id)) {
            requireIdentified();
            throw ProblemException.forbidden(field, "this API client may not change " + kind + " '" + id + "'");
        }
    }

    /**
     * Passes when the caller is the secretariat admin or is bound to at least one of {@code ids} under
     * {@code kind}; otherwise a 403 problem naming {@code field}.
     */
    public void requireAnyBound(String kind, Collection<String> ids, String field) {
        if (isAdmin()) {
            return;
        }
        Set<String> bound = bindings(kind);
        if (ids.stream().noneMatch(bound::contains)) {
            requireIdentified();
            throw ProblemException.forbidden(field, "none of " + ids + " is a " + kind + " this API client may change");
        }
    }

    private void requireIdentified() {
        if (isAnonymous()) {
            throw ProblemException.unauthorized("This operation needs an API key: send Authorization: Bearer <API key> to the gateway.");
        }
    }
}
