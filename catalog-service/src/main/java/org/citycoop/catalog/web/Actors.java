package org.citycoop.catalog.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Who is making the current request, for the history's "who changed": the principal name of Quarkus'
 * {@link SecurityIdentity} (with JWT authentication, the token's subject), or {@value #ANONYMOUS} when the
 * request carries no identity or the service has no security extension.
 */
@ApplicationScoped
public class Actors {

    public static final String ANONYMOUS = "anonymous";

    @Inject
    Instance<SecurityIdentity> identity;

    /** The current principal's name, or {@value #ANONYMOUS}. */
    public String current() {
        if (!identity.isResolvable()) {
            return ANONYMOUS;
        }
        try {
            SecurityIdentity current = identity.get();
            if (current == null || current.isAnonymous() || current.getPrincipal() == null) {
                return ANONYMOUS;
            }
            String name = current.getPrincipal().getName();
            return name == null || name.isBlank() ? ANONYMOUS : name;
        } catch (jakarta.enterprise.context.ContextNotActiveException e) {
            // Outside a request (a scheduled job): no caller.
            return ANONYMOUS;
        }
    }
}
